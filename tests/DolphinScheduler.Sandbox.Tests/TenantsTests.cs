using System.Text.Json;

namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class TenantsTests(SandboxPair sandbox)
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_list_update_delete(string v)
    {
        var admin = sandbox.Admin(v);
        var code = SandboxPair.Unique("t");
        var created = await admin.Post("/tenants", ("tenantCode", code), ("queueId", 1), ("description", "d"));
        Assert.Equal((HttpStatusCode.Created, 0), (created.Status, created.Code));
        Assert.Equal(JsonValueKind.Null, created.Data.GetProperty("queueName").ValueKind);
        var id = created.Data.GetProperty("id").GetInt32();

        var duplicate = await admin.Post("/tenants", ("tenantCode", code), ("queueId", 1));
        Assert.Equal((HttpStatusCode.OK, 10009, $"os tenant code {code} already exists"), (duplicate.Status, duplicate.Code, duplicate.Msg));

        var page = await admin.Get("/tenants", ("pageNo", 1), ("pageSize", 10), ("searchVal", code));
        var row = Assert.Single(page.Data.GetProperty("totalList").EnumerateArray());
        Assert.Equal("default", row.GetProperty("queueName").GetString());

        var updated = await admin.Put($"/tenants/{id}", ("tenantCode", code + "x"), ("queueId", 1), ("description", "e"));
        Assert.True(updated.Data.GetBoolean());
        Assert.Contains((await admin.Get("/tenants/list")).Data.EnumerateArray(), t => t.GetProperty("tenantCode").GetString() == code + "x");

        var deleted = await admin.Delete($"/tenants/{id}");
        Assert.True(deleted.Data.GetBoolean());
        var gone = await admin.Delete($"/tenants/{id}");
        Assert.Equal((10017, "tenant [{0}] not exists"), (gone.Code, gone.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Tenant_code_rules(string v)
    {
        var admin = sandbox.Admin(v);
        var invalid = await admin.Post("/tenants", ("tenantCode", "-bad"), ("queueId", 1));
        Assert.Equal((10164, "Tenant code invalid, should follow linux's users naming conventions"), (invalid.Code, invalid.Msg));
        var tooLong = await admin.Post("/tenants", ("tenantCode", new string('a', 31)), ("queueId", 1));
        Assert.Equal(1300016, tooLong.Code);
        Assert.Equal(10009, (await admin.Get("/tenants/verify-code", ("tenantCode", "default"))).Code);
        Assert.True((await admin.Get("/tenants/verify-code", ("tenantCode", SandboxPair.Unique("t")))).Data.GetBoolean());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Tenant_in_use_cannot_be_deleted_and_only_admins_write(string v)
    {
        var admin = sandbox.Admin(v);
        var code = SandboxPair.Unique("t");
        var tenantId = (await admin.Post("/tenants", ("tenantCode", code), ("queueId", 1))).Data.GetProperty("id").GetInt32();
        var name = SandboxPair.Unique("u");
        await admin.Post("/users/create", ("userName", name), ("userPassword", "secret123"), ("tenantId", tenantId), ("email", name + "@example.com"), ("state", 1));

        var inUse = await admin.Delete($"/tenants/{tenantId}");
        Assert.Equal((10144, "delete tenant by id fail, for there are 1 users using it"), (inUse.Code, inUse.Msg));

        var user = await sandbox.Anonymous(v).Login(name, "secret123");
        Assert.Equal(30001, (await user.Post("/tenants", ("tenantCode", SandboxPair.Unique("t")), ("queueId", 1))).Code);
        Assert.Equal(0, (await user.Get("/tenants/list")).Code); // everyone may list tenants
    }
}
