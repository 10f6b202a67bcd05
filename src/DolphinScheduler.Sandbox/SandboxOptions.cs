namespace DolphinScheduler.Sandbox;

/// <summary>How to start a sandbox (same meaning as the command-line options, see README.md).</summary>
public sealed class SandboxOptions
{
    /// <summary>"3.2" (3.2.2 process-* API), "3.3" or "3.4" (workflow-* API; 3.4 adds <c>GET /oidc-providers</c>).</summary>
    public string ServerVersion { get; set; } = "3.4";

    /// <summary>TCP port; 0 picks a free one (read it back from <see cref="SandboxServer.BaseUri"/>).</summary>
    public int Port { get; set; } = 0;

    /// <summary>Address to listen on; anything but loopback prints a warning to stderr.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Folder for file-backed state; null = a new temp folder deleted when the server is disposed.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Serve HTTPS instead of HTTP (the base URI becomes https://…).</summary>
    public bool Https { get; set; }

    /// <summary>PKCS#12 server certificate for <see cref="Https"/>; null = a self-signed one for localhost/127.0.0.1/::1 made at startup.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Fault rules active from the start (more can be added at runtime through /_sandbox/faults).</summary>
    public IList<Faults.FaultRule> Faults { get; } = new List<Faults.FaultRule>();

    /// <summary>
    /// Seconds one DS "minute" lasts for failRetryInterval, task timeouts and delayTime (<c>--retry-interval-scale</c>;
    /// default 1: a 1-minute retry interval waits one second; 60 = real time).
    /// </summary>
    public double RetryIntervalScale { get; set; } = 1.0;

    /// <summary>Finished workflow instances to seed at startup (<c>--seed-instances</c>; 0 = none).</summary>
    public int SeedInstances { get; set; }

    /// <summary>Engine timing for tests (pickup delays, simulated task length); null = defaults plus <see cref="RetryIntervalScale"/>.</summary>
    internal Execution.ExecutionOptions? Execution { get; set; }

    /// <summary>Time source of the store (sessions, token expiry, timestamps); tests substitute a manual clock.</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;
}
