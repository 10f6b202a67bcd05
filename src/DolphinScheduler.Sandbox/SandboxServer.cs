using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.Hosting;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace DolphinScheduler.Sandbox;

/// <summary>
/// A running DolphinScheduler-compatible sandbox. Start it with <see cref="StartAsync"/>, talk to <see cref="BaseUri"/>,
/// inspect <see cref="Violations"/>/<see cref="Requests"/>, dispose it to stop (a temp data directory is deleted).
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ContractRecorder recorder;
    private readonly string? ownedDataDirectory;
    private int disposed;

    private SandboxServer(WebApplication app, Uri baseUri, string flavor, string dataDirectory, string? ownedDataDirectory)
    {
        this.app = app;
        this.ownedDataDirectory = ownedDataDirectory;
        recorder = app.Services.GetRequiredService<ContractRecorder>();
        if (ownedDataDirectory is not null)
            AppDomain.CurrentDomain.ProcessExit += DeleteOwnedDataDirectory;
        BaseUri = baseUri;
        Flavor = flavor;
        DataDirectory = dataDirectory;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/dolphinscheduler</c> (no trailing slash).</summary>
    public Uri BaseUri { get; }

    /// <summary>"3.2", "3.3" or "3.4".</summary>
    public string Flavor { get; }

    public string DataDirectory { get; }

    public IReadOnlyList<ContractViolation> Violations => recorder.Violations;

    public IReadOnlyList<RecordedRequest> Requests => recorder.Requests;

    public void ClearRecords() => recorder.Clear();

    /// <summary>The in-memory store (tests and in-process seeding; take <see cref="SandboxStore.Gate"/> when touching it).</summary>
    internal SandboxStore Store => app.Services.GetRequiredService<SandboxStore>();

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var flavor = SandboxFlavor.Parse(options.ServerVersion);
        var ip = BindAddress.Parse(options.BindAddress);
        if (options.Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(options), $"port {options.Port} is not in 0..65535");
        if (!BindAddress.IsLoopback(ip))
            await Console.Error.WriteLineAsync(
                $"warning: the DolphinScheduler sandbox listens on {ip}: it is reachable from other machines and the control endpoints under {SandboxPaths.ControlPrefix} need no authentication.");

        string? owned = null;
        var dataDirectory = options.DataDirectory;
        if (string.IsNullOrEmpty(dataDirectory))
            dataDirectory = owned = Path.Combine(Path.GetTempPath(), "ds-sandbox-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);

        WebApplication? app = null;
        try
        {
            app = SandboxApp.Build(flavor, ip, options.Port, Path.GetFullPath(dataDirectory), options.Clock);
            await app.StartAsync(cancellationToken);
            var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            var baseUri = new Uri($"http://{BindAddress.UriHost(ip)}:{bound.Port}{SandboxPaths.ContextPath}");
            return new SandboxServer(app, baseUri, flavor.Version, dataDirectory, owned);
        }
        catch
        {
            if (app is not null)
                await app.DisposeAsync();
            if (owned is not null)
                TryDelete(owned);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
            if (ownedDataDirectory is not null)
            {
                AppDomain.CurrentDomain.ProcessExit -= DeleteOwnedDataDirectory;
                TryDelete(ownedDataDirectory);
            }
        }
    }

    // A host process that exits without disposing (e.g. a test runner tearing down) still removes the temp folder.
    private void DeleteOwnedDataDirectory(object? sender, EventArgs e) => TryDelete(ownedDataDirectory!);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
