using System.Text.Json;

namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class UsersTests(SandboxPair sandbox)
{
    private static (string, object?)[] CreateForm(string name, string? state = "1", string? email = null, int tenantId = -1, string password = "secret123")
        => [("userName", name), ("userPassword", password), ("tenantId", tenantId), ("email", email ?? name + "@example.com"), ("state", state)];

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_returns_201_and_echoes_the_md5_hash(string v)
    {
        var name = SandboxPair.Unique("u");
        var r = await sandbox.Admin(v).Post("/users/create", CreateForm(name));

        Assert.Equal(HttpStatusCode.Created, r.Status);
        Assert.Equal(0, r.Code);
        Assert.Equal(name, r.Data.GetProperty("userName").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("secret123"u8)), r.Data.GetProperty("userPassword").GetString());
        Assert.Equal("GENERAL_USER", r.Data.GetProperty("userType").GetString());
        Assert.Equal(1, r.Data.GetProperty("state").GetInt32());
        Assert.Equal("", r.Data.GetProperty("queue").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", r.Data.GetProperty("createTime").GetString());
        Assert.Equal(JsonValueKind.Null, r.Data.GetProperty("tenantCode").ValueKind);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_errors_keep_http_201(string v)
    {
        var admin = sandbox.Admin(v);
        var name = SandboxPair.Unique("u");
        await admin.Post("/users/create", CreateForm(name));

        var duplicate = await admin.Post("/users/create", CreateForm(name));
        Assert.Equal((HttpStatusCode.Created, 10003, "user name already exists"), (duplicate.Status, duplicate.Code, duplicate.Msg));

        var badEmail = await admin.Post("/users/create", CreateForm(SandboxPair.Unique("u"), email: "nodomain@localhost"));
        Assert.Equal((HttpStatusCode.Created, 10001, "request parameter nodomain@localhost is not valid"), (badEmail.Status, badEmail.Code, badEmail.Msg));

        var noTenant = await admin.Post("/users/create", CreateForm(SandboxPair.Unique("u"), tenantId: 424242));
        Assert.Equal((HttpStatusCode.Created, 10017, "tenant [{0}] not exists"), (noTenant.Status, noTenant.Code, noTenant.Msg));

        var (_, _, general) = await sandbox.NewUser(v);
        var notAdmin = await general.Post("/users/create", CreateForm(SandboxPair.Unique("u")));
        Assert.Equal((HttpStatusCode.Created, 30001, "user has no operation privilege"), (notAdmin.Status, notAdmin.Code, notAdmin.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Omitted_state_fails_with_the_endpoint_error_code(string v)
    {
        var r = await sandbox.Admin(v).Post("/users/create", CreateForm(SandboxPair.Unique("u"), state: null));
        Assert.Equal(HttpStatusCode.OK, r.Status); // exception path: no 201
        Assert.Equal(10090, r.Code);
        if (v == "3.2")
            Assert.Equal("create user error", r.Msg);
        else
            Assert.StartsWith("create user error:Optional int parameter 'state' is present but cannot be translated into a null value", r.Msg);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Unconvertible_number_fails_with_the_endpoint_error_code(string v)
    {
        var r = await sandbox.Admin(v).Post("/users/create", CreateForm(SandboxPair.Unique("u"), state: "abc"));
        Assert.Equal(10090, r.Code);
        if (v == "3.4")
            Assert.Equal("create user error:Failed to convert value of type 'java.lang.String' to required type 'int'; nested exception is java.lang.NumberFormatException: For input string: \"abc\"", r.Msg);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task User_info_and_paging_use_the_documented_projections(string v)
    {
        var (_, name, client) = await sandbox.NewUser(v);
        var info = await client.Get("/users/get-user-info");
        Assert.Equal(JsonValueKind.Null, info.Data.GetProperty("userPassword").ValueKind);
        Assert.Equal("default", info.Data.GetProperty("tenantCode").GetString());
        Assert.Equal("default", info.Data.GetProperty("queueName").GetString()); // tenant's queue when the user has none
        Assert.Equal("UTC", info.Data.GetProperty("timeZone").GetString());

        var page = await sandbox.Admin(v).Get("/users/list-paging", ("pageNo", 1), ("pageSize", 10), ("searchVal", name));
        var data = page.Data;
        Assert.Equal(1, data.GetProperty("total").GetInt32());
        var row = data.GetProperty("totalList")[0];
        Assert.Equal(JsonValueKind.Null, row.GetProperty("userPassword").ValueKind);
        Assert.Equal("default", row.GetProperty("tenantCode").GetString());
        Assert.Equal("default", row.GetProperty("queue").GetString());

        var denied = await client.Get("/users/list-paging", ("pageNo", 1), ("pageSize", 10));
        Assert.Equal((HttpStatusCode.OK, 30001), (denied.Status, denied.Code));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task List_is_general_users_and_list_all_is_enabled_users(string v)
    {
        var admin = sandbox.Admin(v);
        var (_, disabledName, _) = await sandbox.NewUser(v, state: 0);
        var general = (await admin.Get("/users/list")).Data.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        var enabled = (await admin.Get("/users/list-all")).Data.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();

        Assert.Contains(disabledName, general);
        Assert.DoesNotContain("admin", general);
        Assert.DoesNotContain(disabledName, enabled);
        Assert.Contains("admin", enabled);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Update_validates_and_a_password_change_ends_sessions(string v)
    {
        var (id, name, client) = await sandbox.NewUser(v);
        (string, object?)[] Form(string password, int state = 1, string? timeZone = null)
            => [("id", id), ("userName", name), ("userPassword", password), ("email", name + "@example.com"), ("tenantId", -1), ("state", state), ("timeZone", timeZone)];

        var tooShort = await client.Post("/users/update", Form("x"));
        Assert.Equal((HttpStatusCode.OK, 1300017), (tooShort.Status, tooShort.Code));
        var selfDisable = await client.Post("/users/update", Form("", state: 0));
        Assert.Equal(130020, selfDisable.Code);
        var badZone = await client.Post("/users/update", Form("", timeZone: "Mars/Olympus"));
        Assert.Equal((130031, "time zone [Mars/Olympus] is illegal"), (badZone.Code, badZone.Msg));

        var ok = await client.Post("/users/update", Form("newpass1", timeZone: "Asia/Shanghai"));
        Assert.Equal(0, ok.Code);
        Assert.Equal("Asia/Shanghai", ok.Data.GetProperty("timeZone").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Get("/users/get-user-info")).Status);
        await sandbox.Anonymous(v).Login(name, "newpass1");

        var missing = await sandbox.Admin(v).Post("/users/update", ("id", 987654), ("userName", "x"), ("userPassword", ""), ("email", "a@b.c"), ("tenantId", -1), ("state", 1));
        Assert.Equal((10010, "user 987,654 not exists"), (missing.Code, missing.Msg)); // MessageFormat groups numbers
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Delete_refuses_project_owners_and_removes_tokens(string v)
    {
        var admin = sandbox.Admin(v);
        var (id, name, client) = await sandbox.NewUser(v);
        var (_, _, projectName) = await sandbox.NewProject(client);

        var refused = await admin.Post("/users/delete", ("id", id));
        Assert.Equal((10179, $"Please transform project ownership [{projectName}]"), (refused.Code, refused.Msg));

        var (otherId, _, other) = await sandbox.NewUser(v);
        var token = (await other.Post("/access-tokens", ("userId", otherId), ("expireTime", "2099-01-01 00:00:00"))).Data.GetProperty("token").GetString();
        Assert.Equal(0, (await admin.Post("/users/delete", ("id", otherId))).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.WithToken(token).Get("/users/get-user-info")).Status);
        Assert.Equal(10010, (await admin.Post("/users/delete", ("id", otherId))).Code);
        Assert.Equal(0, (await admin.Get("/users/verify-user-name", ("userName", SandboxPair.Unique("free")))).Code);
        Assert.Equal(10003, (await admin.Get("/users/verify-user-name", ("userName", name))).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Activate_enables_a_disabled_user(string v)
    {
        var admin = sandbox.Admin(v);
        var (_, name, _) = await sandbox.NewUser(v, state: 0);
        var r = await admin.Post("/users/activate", ("userName", name));
        Assert.Equal(0, r.Code);
        Assert.Equal(1, r.Data.GetProperty("state").GetInt32());
        Assert.Equal("default", r.Data.GetProperty("tenantCode").GetString());
        Assert.Equal(10001, (await admin.Post("/users/activate", ("userName", name))).Code); // already enabled
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Grants_and_revokes_change_project_visibility(string v)
    {
        var admin = sandbox.Admin(v);
        var (userId, _, user) = await sandbox.NewUser(v);
        var (code, projectId, _) = await sandbox.NewProject(admin);

        Assert.Equal(30002, (await user.Get($"/projects/{code}")).Code);
        Assert.Equal(0, (await admin.Post("/users/grant-project-with-read-perm", ("userId", userId), ("projectIds", projectId.ToString()))).Code);
        Assert.Equal(0, (await user.Get($"/projects/{code}")).Code);
        var readOnlyUpdate = await user.Put($"/projects/{code}", ("projectName", SandboxPair.Unique("p")));
        Assert.Equal(30003, readOnlyUpdate.Code);

        Assert.Equal(0, (await admin.Post("/users/revoke-project", ("userId", userId), ("projectCode", code))).Code);
        Assert.Equal(30002, (await user.Get($"/projects/{code}")).Code);

        Assert.Equal(0, (await admin.Post("/users/grant-project", ("userId", userId), ("projectIds", projectId.ToString()))).Code);
        var level = await admin.Get("/projects/project-with-authorized-level-list-paging", ("userId", userId), ("pageNo", 1), ("pageSize", 100));
        var perm = level.Data.GetProperty("totalList").EnumerateArray().Single(p => p.GetProperty("code").GetInt64() == code).GetProperty("perm").GetInt32();
        Assert.Equal(7, perm);

        Assert.Equal(0, (await admin.Post("/users/revoke-project-by-id", ("userId", userId), ("projectIds", projectId.ToString()))).Code);
        Assert.Equal(30002, (await user.Get($"/projects/{code}")).Code);

        var notAdmin = await user.Post("/users/grant-project", ("userId", userId), ("projectIds", projectId.ToString()));
        Assert.Equal((1400001, "The current user does not have this permission."), (notAdmin.Code, notAdmin.Msg));
        var badIds = await admin.Post("/users/grant-project", ("userId", userId), ("projectIds", "1,x"));
        Assert.Equal(10094, badIds.Code);
        var noUser = await admin.Post("/users/grant-project-by-code", ("userId", 999999), ("projectCode", code));
        Assert.Equal(10010, noUser.Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Owner_can_grant_own_project_by_code(string v)
    {
        var (_, _, owner) = await sandbox.NewUser(v);
        var (otherId, _, other) = await sandbox.NewUser(v);
        var (code, _, _) = await sandbox.NewProject(owner);
        Assert.Equal(0, (await owner.Post("/users/grant-project-by-code", ("userId", otherId), ("projectCode", code))).Code);
        Assert.Equal(0, (await other.Get($"/projects/{code}")).Code);
        Assert.Equal(30001, (await other.Post("/users/grant-project-by-code", ("userId", otherId), ("projectCode", code))).Code);
    }
}
