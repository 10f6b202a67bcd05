using System.Globalization;
using DolphinScheduler.Sandbox.Faults;

namespace DolphinScheduler.Sandbox.Hosting;

/// <summary>Parses the sandbox's command line into <see cref="SandboxOptions"/>.</summary>
internal static class CommandLine
{
    public const string Usage =
        "Usage: DolphinScheduler.Sandbox [--server-version 3.2|3.3|3.4] [--port N] [--bind ADDRESS] [--data-dir PATH]\n" +
        "                                [--https [--cert PFX [--cert-password PW]]] [--fault JSON]... [--faults FILE]\n" +
        "       [--retry-interval-scale S] [--seed-instances N]\n" +
        "  --server-version  API flavour to serve (default 3.4; 3.3 = 3.4 without GET /oidc-providers)\n" +
        "  --port            TCP port (default 12345; 0 picks a free port)\n" +
        "  --bind            listen address (default 127.0.0.1; non-loopback prints a warning)\n" +
        "  --data-dir        state folder (default: a new temp folder, deleted on exit)\n" +
        "  --https           serve HTTPS; without --cert a self-signed certificate for localhost/127.0.0.1/::1 is made\n" +
        "  --cert, --cert-password  PKCS#12 server certificate for --https\n" +
        "  --fault           a fault rule (JSON object or array, see README), repeatable\n" +
        "  --faults          a file with fault rules (JSON object or array)\n" +
        "  --retry-interval-scale S  seconds one DS minute lasts for task retry intervals, timeouts and delays\n" +
        "                    (default 1: failRetryInterval 1 = one second; 60 = real time)\n" +
        "  --seed-instances N  create a project, a workflow and N finished workflow instances at startup\n" +
        "Prints the base URI (http[s]://HOST:PORT/dolphinscheduler) as the first stdout line; Ctrl+C or SIGTERM stops it.";

    /// <summary>Null options with <paramref name="error"/> null means --help was asked for.</summary>
    public static SandboxOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new SandboxOptions { Port = 12345 };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
                return null;
            if (arg == "--https")
            {
                options.Https = true;
                continue;
            }
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            string? value = eq > 0 ? arg[(eq + 1)..] : (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                error = $"{name} needs a value";
                return null;
            }
            switch (name)
            {
                case "--server-version":
                    options.ServerVersion = value;
                    break;
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        error = $"--port expects 0..65535, got '{value}'";
                        return null;
                    }
                    options.Port = port;
                    break;
                case "--bind":
                    options.BindAddress = value;
                    break;
                case "--data-dir":
                    options.DataDirectory = value;
                    break;
                case "--cert":
                    options.CertificatePath = value;
                    break;
                case "--cert-password":
                    options.CertificatePassword = value;
                    break;
                case "--fault":
                case "--faults":
                    try
                    {
                        var json = name == "--faults" ? File.ReadAllText(value) : value;
                        foreach (var rule in FaultRule.ParseJson(json))
                            options.Faults.Add(rule);
                        _ = new FaultInjector(options.Faults); // validate now: bad rules are a usage error
                    }
                    catch (Exception e) when (e is FaultRuleException or IOException or UnauthorizedAccessException)
                    {
                        error = $"{name}: {e.Message}";
                        return null;
                    }
                    break;
                case "--retry-interval-scale":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale < 0 || !double.IsFinite(scale))
                    {
                        error = $"--retry-interval-scale expects a number of seconds ≥ 0, got '{value}'";
                        return null;
                    }
                    options.RetryIntervalScale = scale;
                    break;
                case "--seed-instances":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
                    {
                        error = $"--seed-instances expects a count ≥ 0, got '{value}'";
                        return null;
                    }
                    options.SeedInstances = seed;
                    break;
                default:
                    error = $"unknown option '{name}'";
                    return null;
            }
        }
        if (!options.Https && (options.CertificatePath is not null || options.CertificatePassword is not null))
        {
            error = "--cert and --cert-password need --https";
            return null;
        }
        return options;
    }
}
