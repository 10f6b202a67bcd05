using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Tests.Fakes;
using DolphinScheduler.Client.Clients;

namespace DolphinScheduler.Client.Tests.Conventions;

/// <summary>
/// Calls every client method against a recording fake and checks each request against the contract of the flavour:
/// the path is one of that family's endpoints and every parameter name is one that endpoint declares.
/// Areas add their calls to <see cref="Calls"/>.
/// </summary>
public class RequestContractTests
{
    public static IEnumerable<object[]> Flavors => new[] { new object[] { "3.2" }, new object[] { "3.4" } };

    private static readonly PageRequest OnePage = new() { PageSize = 10, First = 1 };

    /// <summary>Every client call, with plausible arguments.</summary>
    internal static IEnumerable<(string Name, Func<DsClient, Task> Call)> Calls()
    {
        var user = new UserSpec { UserName = "alice", Password = Secrets.ToSecureString("secret123"), TenantId = 1, Email = "a@example.com" };
        yield return ("queues list all", c => c.Queues.ListAllAsync());
        yield return ("queues list", c => Task.Run(() => c.Queues.List("x", OnePage).ToList()));
        yield return ("queues create", c => c.Queues.CreateAsync("etl", "root.etl"));
        yield return ("queues update", c => c.Queues.UpdateAsync(2, "etl", "root.etl"));
        yield return ("queues delete", c => c.Queues.DeleteAsync(2));
        yield return ("tenants list all", c => c.Tenants.ListAllAsync());
        yield return ("tenants list", c => Task.Run(() => c.Tenants.List("x", OnePage).ToList()));
        yield return ("tenants create", c => c.Tenants.CreateAsync("etl", 2, "d"));
        yield return ("tenants delete", c => c.Tenants.DeleteAsync(2));
        yield return ("users current", c => c.Users.GetCurrentAsync());
        yield return ("users list", c => Task.Run(() => c.Users.List("x", OnePage).ToList()));
        yield return ("users create", c => c.Users.CreateAsync(user));
        yield return ("users update", c => c.Users.UpdateAsync(3, user));
        yield return ("users delete", c => c.Users.DeleteAsync(3));
        yield return ("users grant", c => c.Users.GrantProjectAsync(3, Project(c), false));
        yield return ("users grant read", c => c.Users.GrantProjectAsync(3, Project(c), true));
        yield return ("users revoke", c => c.Users.RevokeProjectAsync(3, 1234567890123));
        yield return ("tokens list", c => Task.Run(() => c.Tokens.List("x", OnePage).ToList()));
        yield return ("tokens by user", c => c.Tokens.ListByUserAsync(3));
        yield return ("tokens delete", c => c.Tokens.DeleteAsync(4));
        yield return ("projects list", c => Task.Run(() => c.Projects.List("x", OnePage).ToList()));
        yield return ("projects get", c => c.Projects.GetAsync(1234567890123));
        yield return ("projects create", c => c.Projects.CreateAsync("p", "d"));
        yield return ("projects update", c => c.Projects.UpdateAsync(1234567890123, "p", "d"));
        yield return ("projects delete", c => c.Projects.DeleteAsync(1234567890123));
        yield return ("projects authed users", c => c.Projects.ListAuthorizedUsersAsync(1234567890123));
        var filter = new InstanceFilter
        {
            WorkflowCode = 42, State = "FAILURE", StartedAfter = DateTime.UtcNow.AddDays(-1), StartedBefore = DateTime.UtcNow,
            Host = "127.0.0.1:5678", SearchText = "x", ExecutorName = "admin",
        };
        yield return ("instances list", c => Task.Run(() => c.Instances.List(1234567890123, filter, OnePage).ToList()));
        yield return ("instances get", c => c.Instances.GetAsync(1234567890123, 5));
        yield return ("instances tasks", c => c.Instances.ListTasksAsync(1234567890123, 5));
        yield return ("instances start", c => c.Instances.StartAsync(1234567890123, 42, new StartOptions
        {
            Parameters = new System.Collections.Hashtable { ["dt"] = "2024-01-01" }, TenantCode = "etl", WorkerGroup = "default",
            Priority = "HIGH", DryRun = true, WarningGroupId = 1, TriggerLookupTimeout = TimeSpan.FromMilliseconds(50),
        }));
        yield return ("instances by trigger", c => c.Instances.ListByTriggerAsync(1234567890123, 99));
        yield return ("task instances list", c => Task.Run(() => c.TaskInstances.List(1234567890123, new TaskInstanceFilter(), OnePage).ToList()));
        yield return ("logs read", c => c.Logs.ReadLinesAsync(7, 0, 100));
    }

    // Tenants.UpdateAsync reads the list back after the PUT; covered by "tenants list all".
    private static DsProject Project(DsClient c) => new FakeProject(c.Connection).Value;

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task EveryRequestUsesTheContractsPathsAndParameterNames(string flavor)
    {
        var contract = ContractCatalog.For(flavor);
        var violations = new List<string>();
        foreach (var (name, call) in Calls())
        {
            var server = new FakeDsServer(flavor);
            using var client = await TestConnections.ConnectAsync(server);
            // The fake answers with generic data, which some calls cannot use; what matters here is what they sent.
            try { await call(client); } catch (Exception) { }
            var sent = server.CallsAfterConnect.ToList();
            if (sent.Count == 0) violations.Add(name + ": sent nothing");
            foreach (var r in sent)
            {
                var entry = contract.Match(r.Method, r.Path);
                if (entry == null) { violations.Add(name + ": " + r.Method + " " + r.Path + " is not a " + flavor + " endpoint"); continue; }
                foreach (var p in r.Parameters.Select(p => p.Key).Distinct())
                    if (!entry.Parameters.Contains(p)) violations.Add(name + ": " + r.Method + " " + entry.PathTemplate + " has no parameter '" + p + "' in " + flavor);
            }
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task TheConnectHandshakeUsesOnlyContractEndpoints(string flavor)
    {
        var contract = ContractCatalog.For(flavor);
        var server = new FakeDsServer(flavor);
        using var client = await TestConnections.ConnectAsync(server, password: true);
        // The probe deliberately asks for a path that one family lacks; everything else must be in the contract.
        var handshake = server.Requests.Where(r => !r.Path.EndsWith("/simple-list") && r.Path != "/oidc-providers");
        Assert.All(handshake, r => Assert.NotNull(contract.Match(r.Method, r.Path)));
    }
}

internal sealed class FakeProject
{
    public FakeProject(DsConnection connection)
    {
        var json = System.Text.Json.JsonDocument.Parse("{\"id\":7,\"code\":1234567890123,\"name\":\"p\"}").RootElement;
        Value = DsProject.From(new DolphinScheduler.Client.Serialization.WireObject(json, DolphinScheduler.Client.Versioning.FlavorFactory.Create(connection.ServerVersion)), connection);
    }

    public DsProject Value { get; }
}
