using System.Text.Json;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class ProjectsTests(SandboxPair sandbox)
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_returns_a_13_to_14_digit_numeric_code(string v)
    {
        var name = SandboxPair.Unique("p");
        var r = await sandbox.Admin(v).Post("/projects", ("projectName", name), ("description", "demo"));
        Assert.Equal((HttpStatusCode.Created, 0), (r.Status, r.Code));
        var code = r.Data.GetProperty("code");
        Assert.Equal(JsonValueKind.Number, code.ValueKind);
        Assert.InRange(code.GetInt64().ToString().Length, 13, 14);
        Assert.Equal("admin", r.Data.GetProperty("userName").GetString());
        Assert.Equal(0, r.Data.GetProperty("perm").GetInt32());

        var duplicate = await sandbox.Admin(v).Post("/projects", ("projectName", name));
        Assert.Equal((HttpStatusCode.Created, 10019, $"project {name} already exists"), (duplicate.Status, duplicate.Code, duplicate.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Json_body_is_rejected_like_missing_parameters(string v)
    {
        var body = new StringContent("{\"projectName\":\"json\"}", System.Text.Encoding.UTF8, "application/json");
        var r = await sandbox.Admin(v).Send(HttpMethod.Post, "/projects", [], body);
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(10048, r.Code);
        Assert.Equal(v == "3.2"
            ? "create project error"
            : "create project error:Required request parameter 'projectName' for method parameter type String is not present", r.Msg);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Visibility_follows_creation_and_grants(string v)
    {
        var (_, _, owner) = await sandbox.NewUser(v);
        var (_, otherName, other) = await sandbox.NewUser(v);
        var (code, _, name) = await sandbox.NewProject(owner);

        var page = await owner.Get("/projects", ("pageNo", 1), ("pageSize", 50));
        var row = Assert.Single(page.Data.GetProperty("totalList").EnumerateArray());
        Assert.Equal(7, row.GetProperty("perm").GetInt32());
        Assert.Equal(0, (await other.Get("/projects", ("pageNo", 1), ("pageSize", 50))).Data.GetProperty("total").GetInt32());

        var denied = await other.Get($"/projects/{code}");
        Assert.Equal((30002, $"user {otherName} is not has project {name} permission"), (denied.Code, denied.Msg));
        var missing = await owner.Get("/projects/1234567890123");
        Assert.Equal((10018, "project  not found "), (missing.Code, missing.Msg));
        var notNumber = await owner.Get("/projects/abc");
        Assert.Equal(10047, notNumber.Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Update_and_delete_need_write_permission(string v)
    {
        var (_, _, owner) = await sandbox.NewUser(v);
        var (_, otherName, other) = await sandbox.NewUser(v);
        var (code, _, _) = await sandbox.NewProject(owner);

        var denied = await other.Put($"/projects/{code}", ("projectName", "x"));
        Assert.Equal(30003, denied.Code);
        Assert.Equal($"user [{otherName}] does not have write permission for project [{code:#,##0}]", denied.Msg);

        var newName = SandboxPair.Unique("p");
        var updated = await owner.Put($"/projects/{code}", ("projectName", newName), ("description", "changed"));
        Assert.Equal((HttpStatusCode.OK, 0), (updated.Status, updated.Code));
        Assert.Equal(newName, updated.Data.GetProperty("name").GetString());

        var deleted = await owner.Delete($"/projects/{code}");
        Assert.True(deleted.Data.GetBoolean());
        Assert.Equal(10018, (await owner.Delete($"/projects/{code}")).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Delete_is_refused_while_workflow_definitions_exist(string v)
    {
        var admin = sandbox.Admin(v);
        var (code, _, _) = await sandbox.NewProject(admin);
        var store = StoreOf(v);
        var previous = store.Hooks.CountWorkflowDefinitions;
        store.Hooks.CountWorkflowDefinitions = c => c == code ? 2 : previous(c);
        try
        {
            var r = await admin.Delete($"/projects/{code}");
            Assert.Equal(10137, r.Code);
            Assert.Equal(v == "3.2"
                ? "please delete the process definitions in project first!"
                : "please delete the workflow definitions in project first!", r.Msg);
            var page = await admin.Get("/projects", ("pageNo", 1), ("pageSize", 100));
            var row = page.Data.GetProperty("totalList").EnumerateArray().Single(p => p.GetProperty("code").GetInt64() == code);
            Assert.Equal(2, row.GetProperty("defCount").GetInt32());
        }
        finally
        {
            store.Hooks.CountWorkflowDefinitions = previous;
        }
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Project_json_differs_per_flavour(string v)
    {
        var admin = sandbox.Admin(v);
        var (code, _, name) = await sandbox.NewProject(admin);
        var page = await admin.Get("/projects", ("pageNo", 1), ("pageSize", 5), ("searchVal", name));
        var row = Assert.Single(page.Data.GetProperty("totalList").EnumerateArray());
        var fields = row.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(v == "3.2", fields.Contains("instRunningCount"));
        Assert.Equal(["id", "userId", "userName", "code", "name", "description", "createTime", "updateTime", "perm", "defCount"], fields.Take(10));
        Assert.Equal(code, row.GetProperty("code").GetInt64());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Authorization_queries(string v)
    {
        var admin = sandbox.Admin(v);
        var (userId, _, user) = await sandbox.NewUser(v);
        var (granted, grantedId, _) = await sandbox.NewProject(admin);
        var (other, _, _) = await sandbox.NewProject(admin);
        await admin.Post("/users/grant-project-with-read-perm", ("userId", userId), ("projectIds", grantedId.ToString()));

        var authed = await admin.Get("/projects/authed-project", ("userId", userId));
        Assert.Equal(granted, Assert.Single(authed.Data.EnumerateArray()).GetProperty("code").GetInt64());
        var unauth = (await admin.Get("/projects/unauth-project", ("userId", userId))).Data.EnumerateArray().Select(p => p.GetProperty("code").GetInt64()).ToList();
        Assert.Contains(other, unauth);
        Assert.DoesNotContain(granted, unauth);

        var levels = (await admin.Get("/projects/project-with-authorized-level", ("userId", userId))).Data.EnumerateArray().ToList();
        Assert.Equal(granted, levels[0].GetProperty("code").GetInt64());
        Assert.Equal(7, levels[0].GetProperty("perm").GetInt32()); // DS reports 7 for every granted project here
        var paging = await admin.Get("/projects/project-with-authorized-level-list-paging", ("userId", userId), ("pageNo", 1), ("pageSize", 500));
        var rows = paging.Data.GetProperty("totalList").EnumerateArray().ToList();
        Assert.Equal(2, rows.Single(p => p.GetProperty("code").GetInt64() == granted).GetProperty("perm").GetInt32()); // read-only grant
        Assert.Equal(0, rows.Single(p => p.GetProperty("code").GetInt64() == other).GetProperty("perm").GetInt32());

        var users = await admin.Get("/projects/authed-user", ("projectCode", granted));
        Assert.Equal(userId, Assert.Single(users.Data.EnumerateArray()).GetProperty("id").GetInt32());
        var createdAndAuthed = (await user.Get("/projects/created-and-authed")).Data.EnumerateArray().Select(p => p.GetProperty("code").GetInt64());
        Assert.Equal([granted], createdAndAuthed);
        Assert.Empty((await user.Get("/projects/list")).Data.EnumerateArray()); // only created projects

        var dependent = (await user.Get("/projects/list-dependent")).Data.EnumerateArray().Single(p => p.GetProperty("code").GetInt64() == other);
        Assert.Equal(JsonValueKind.Null, dependent.GetProperty("id").ValueKind);
    }

    private SandboxStore StoreOf(string v) => sandbox.Server(v).Store;
}
