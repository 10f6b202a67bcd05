using System.Net;

namespace DolphinScheduler.Sandbox.Tests.Infrastructure;

/// <summary>
/// One 3.2 and one 3.4 sandbox for the whole "Sandbox" collection (tests in it run one after another, so
/// journals can be cleared and inspected safely). Tests create uniquely named data and never assume an empty store.
/// </summary>
public sealed class SandboxPair : IAsyncLifetime
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly Dictionary<string, SandboxServer> servers = new();
    private readonly Dictionary<string, DsClient> admins = new();

    public const string AdminPassword = "dolphinscheduler123";

    public async Task InitializeAsync()
    {
        foreach (var version in new[] { "3.2", "3.4" })
        {
            var server = await SandboxServer.StartAsync(new SandboxOptions { ServerVersion = version, Port = 0 });
            servers[version] = server;
            admins[version] = await new DsClient(http, server.BaseUri).Login("admin", AdminPassword);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in servers.Values)
            await server.DisposeAsync();
        http.Dispose();
    }

    public SandboxServer Server(string version) => servers[version];

    /// <summary>A client logged in as the bootstrap admin.</summary>
    public DsClient Admin(string version) => admins[version];

    public DsClient Anonymous(string version) => new(http, servers[version].BaseUri);

    public HttpClient Http => http;

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Creates an enabled general user in the default tenant and returns its id and a logged-in client.</summary>
    public async Task<(int Id, string Name, DsClient Client)> NewUser(string version, string password = "secret123", int state = 1)
    {
        var name = Unique("u");
        var r = await Admin(version).Post("/users/create",
            ("userName", name), ("userPassword", password), ("tenantId", -1), ("email", name + "@example.com"), ("state", state));
        if (r.Status != HttpStatusCode.Created || r.Code != 0)
            throw new InvalidOperationException("user create failed: " + r);
        var id = r.Data.GetProperty("id").GetInt32();
        var client = state == 1 ? await Anonymous(version).Login(name, password) : Anonymous(version);
        return (id, name, client);
    }

    public async Task<(long Code, int Id, string Name)> NewProject(DsClient owner, string? description = null)
    {
        var name = Unique("p");
        var r = await owner.Post("/projects", ("projectName", name), ("description", description));
        if (r.Code != 0)
            throw new InvalidOperationException("project create failed: " + r);
        return (r.Data.GetProperty("code").GetInt64(), r.Data.GetProperty("id").GetInt32(), name);
    }
}

[CollectionDefinition("Sandbox")]
public sealed class SandboxCollection : ICollectionFixture<SandboxPair>;

/// <summary>Both flavours, for [Theory] tests.</summary>
public sealed class BothFlavors : TheoryData<string>
{
    public BothFlavors()
    {
        Add("3.2");
        Add("3.4");
    }
}
