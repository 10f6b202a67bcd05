using DolphinScheduler.Client;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Sandbox;

namespace DolphinScheduler.IntegrationTests;

/// <summary>One sandbox per flavour for the whole run (started lazily), shared by every test class.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly Dictionary<string, SandboxServer> _servers = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static IEnumerable<object[]> Flavors => new[] { new object[] { "3.2" }, new object[] { "3.4" } };

    public async Task<SandboxServer> ServerAsync(string flavor)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_servers.TryGetValue(flavor, out var server))
                _servers[flavor] = server = await SandboxServer.StartAsync(new SandboxOptions { ServerVersion = flavor });
            return server;
        }
        finally { _gate.Release(); }
    }

    public async Task<DsClient> AdminAsync(string flavor, DsServerVersion version = DsServerVersion.Auto)
    {
        var server = await ServerAsync(flavor);
        return await DsClient.ConnectAsync(new DsConnectOptions
        {
            BaseUri = server.BaseUri,
            UserName = "admin",
            Password = Secrets.ToSecureString("dolphinscheduler123"),
            ServerVersion = version,
        });
    }

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N").Substring(0, 10);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// Fails the run (a collection cleanup failure) when any test sent a request outside its flavour's contract; the
    /// version probe's deliberate look at the other family's path is the only exception.
    /// </summary>
    public async Task DisposeAsync()
    {
        var violations = _servers.SelectMany(kv => kv.Value.Violations.Select(v => (Flavor: kv.Key, v)))
            .Where(x => !x.v.Path.EndsWith("/simple-list", StringComparison.Ordinal))
            .Select(x => x.Flavor + ": " + x.v.Kind + " " + x.v.Method + " " + x.v.Path + " " + x.v.Name)
            .ToList();
        foreach (var s in _servers.Values) await s.DisposeAsync();
        if (violations.Count > 0) throw new InvalidOperationException("Requests outside the contract:\n" + string.Join("\n", violations));
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
