using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>The real executable: first stdout line is the base URI, and SIGTERM stops it cleanly.</summary>
public sealed class ProcessStartupTests
{
    [Fact]
    public async Task First_stdout_line_is_the_base_uri_and_sigterm_stops_it()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DolphinScheduler.Sandbox.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--port", "0", "--server-version", "3.3" })
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(firstLine);
            Assert.Matches(new Regex(@"^http://127\.0\.0\.1:\d+/dolphinscheduler$"), firstLine);

            using var http = new HttpClient();
            var login = await http.PostAsync(firstLine + "/login",
                new FormUrlEncodedContent([new("userName", "admin"), new("userPassword", SandboxPair.AdminPassword)]));
            Assert.Contains("\"code\":0", await login.Content.ReadAsStringAsync());

            if (!OperatingSystem.IsWindows())
            {
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]);
                await kill.WaitForExitAsync();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
                Assert.Equal(0, process.ExitCode);
                Assert.Equal("", (await process.StandardOutput.ReadToEndAsync()).Trim()); // nothing noisy after the URI
            }
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_with_code_2()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DolphinScheduler.Sandbox.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--server-version", "2.0" })
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("unsupported server version", stderr);
    }
}
