using System.Security.Cryptography.X509Certificates;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Faults;
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

    private SandboxServer(WebApplication app, Uri baseUri, string flavor, string dataDirectory, string? ownedDataDirectory, X509Certificate2? certificate)
    {
        Certificate = certificate;
        this.app = app;
        this.ownedDataDirectory = ownedDataDirectory;
        recorder = app.Services.GetRequiredService<ContractRecorder>();
        if (ownedDataDirectory is not null)
            AppDomain.CurrentDomain.ProcessExit += DeleteOwnedDataDirectory;
        BaseUri = baseUri;
        Flavor = flavor;
        DataDirectory = dataDirectory;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/dolphinscheduler</c> (no trailing slash; https with <see cref="SandboxOptions.Https"/>).</summary>
    public Uri BaseUri { get; }

    /// <summary>"3.2", "3.3" or "3.4".</summary>
    public string Flavor { get; }

    public string DataDirectory { get; }

    public IReadOnlyList<ContractViolation> Violations => recorder.Violations;

    public IReadOnlyList<RecordedRequest> Requests => recorder.Requests;

    /// <summary>The HTTPS server certificate (null when serving HTTP); its PEM is also in the data directory.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The fault rules (also reachable through /_sandbox/faults).</summary>
    public FaultInjector Faults => app.Services.GetRequiredService<FaultInjector>();

    public void ClearRecords() => recorder.Clear();

    /// <summary>The in-memory store (tests and in-process seeding; take <see cref="SandboxStore.Gate"/> when touching it).</summary>
    internal SandboxStore Store => app.Services.GetRequiredService<SandboxStore>();

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var flavor = SandboxFlavor.Parse(options.ServerVersion);
        var ip = BindAddress.Parse(options.BindAddress);
        if (options.RetryIntervalScale is < 0 or double.NaN or double.PositiveInfinity)
            throw new ArgumentOutOfRangeException(nameof(options), $"retry interval scale {options.RetryIntervalScale} must be a finite number ≥ 0");
        if (options.SeedInstances < 0)
            throw new ArgumentOutOfRangeException(nameof(options), $"seed instance count {options.SeedInstances} must be ≥ 0");
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
        X509Certificate2? certificate = null;
        try
        {
            if (options.Https)
            {
                certificate = options.CertificatePath is { } pfx
                    ? SandboxCertificate.Load(pfx, options.CertificatePassword)
                    : SandboxCertificate.CreateSelfSigned(ip);
                SandboxCertificate.Export(certificate, dataDirectory);
            }
            var execution = options.Execution ?? new Execution.ExecutionOptions { MinuteSeconds = options.RetryIntervalScale };
            app = SandboxApp.Build(flavor, ip, options.Port, Path.GetFullPath(dataDirectory), options.Clock, certificate, options.Faults, execution, options.SeedInstances);
            await app.StartAsync(cancellationToken);
            var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            var scheme = certificate is null ? "http" : "https";
            var baseUri = new Uri($"{scheme}://{BindAddress.UriHost(ip)}:{bound.Port}{SandboxPaths.ContextPath}");
            return new SandboxServer(app, baseUri, flavor.Version, dataDirectory, owned, certificate);
        }
        catch
        {
            certificate?.Dispose();
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
            Certificate?.Dispose();
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
