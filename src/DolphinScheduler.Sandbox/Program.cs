using System.Runtime.InteropServices;
using DolphinScheduler.Sandbox;
using DolphinScheduler.Sandbox.Hosting;

var options = CommandLine.Parse(args, out var error);
if (options is null)
{
    if (error is null)
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }
    Console.Error.WriteLine("error: " + error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

SandboxServer server;
try
{
    server = await SandboxServer.StartAsync(options, stop.Token);
}
catch (Exception e) when (e is ArgumentException or IOException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

await using (server)
{
    // First stdout line: the base URI (scripts and tests read it to find a port-0 server).
    Console.Out.WriteLine(server.BaseUri.ToString().TrimEnd('/'));
    Console.Out.Flush();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}
return 0;
