namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class QueuesTests(SandboxPair sandbox)
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_update_delete(string v)
    {
        var admin = sandbox.Admin(v);
        var value = SandboxPair.Unique("q");
        var created = await admin.Post("/queues", ("queue", value), ("queueName", value + "-name"));
        Assert.Equal((HttpStatusCode.Created, 0), (created.Status, created.Code));
        var id = created.Data.GetProperty("id").GetInt32();

        // Validation errors are thrown in QueueServiceImpl: HTTP 200 even on this CREATED endpoint.
        var dupValue = await admin.Post("/queues", ("queue", value), ("queueName", SandboxPair.Unique("n")));
        Assert.Equal((HttpStatusCode.OK, 10129, $"queue value {value} already exists"), (dupValue.Status, dupValue.Code, dupValue.Msg));
        var dupName = await admin.Post("/queues", ("queue", SandboxPair.Unique("q")), ("queueName", value + "-name"));
        Assert.Equal(10130, dupName.Code);

        var unchanged = await admin.Put($"/queues/{id}", ("queue", value), ("queueName", value + "-name"));
        Assert.Equal((HttpStatusCode.OK, 10132), (unchanged.Status, unchanged.Code));
        var renamed = await admin.Put($"/queues/{id}", ("queue", value), ("queueName", value + "-renamed"));
        Assert.Equal((HttpStatusCode.Created, 0), (renamed.Status, renamed.Code));
        Assert.Equal(value + "-renamed", renamed.Data.GetProperty("queueName").GetString());
        var missing = await admin.Put("/queues/999999", ("queue", "zz"), ("queueName", "zz"));
        Assert.Equal((10128, "queue zz not exists"), (missing.Code, missing.Msg));

        var tenant = await admin.Post("/tenants", ("tenantCode", SandboxPair.Unique("t")), ("queueId", id));
        var inUse = await admin.Delete($"/queues/{id}");
        Assert.Equal((10309, "delete queue by id fail, for there are 1 tenants using it"), (inUse.Code, inUse.Msg));
        await admin.Delete($"/tenants/{tenant.Data.GetProperty("id").GetInt32()}");
        var deleted = await admin.Delete($"/queues/{id}");
        Assert.Equal(0, deleted.Code);
        Assert.True(deleted.Data.GetBoolean());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Verify_and_permissions(string v)
    {
        var admin = sandbox.Admin(v);
        var ok = await admin.Post("/queues/verify", ("queue", SandboxPair.Unique("q")), ("queueName", SandboxPair.Unique("n")));
        Assert.True(ok.Data.GetBoolean());
        Assert.Equal(10129, (await admin.Post("/queues/verify", ("queue", "default"), ("queueName", SandboxPair.Unique("n")))).Code);

        var (_, _, user) = await sandbox.NewUser(v);
        Assert.Equal(30001, (await user.Post("/queues", ("queue", SandboxPair.Unique("q")), ("queueName", SandboxPair.Unique("n")))).Code);
        var list = await user.Get("/queues/list");
        Assert.Equal("default", Assert.Single(list.Data.EnumerateArray()).GetProperty("queueName").GetString());
        var page = await user.Get("/queues", ("pageNo", 1), ("pageSize", 10));
        Assert.Equal(0, page.Data.GetProperty("total").GetInt32());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Paging_reports_offset_and_page_count(string v)
    {
        var admin = sandbox.Admin(v);
        var prefix = SandboxPair.Unique("pg");
        for (var i = 0; i < 3; i++)
            await admin.Post("/queues", ("queue", $"{prefix}-{i}"), ("queueName", $"{prefix}-{i}"));

        var page = await admin.Get("/queues", ("pageNo", 2), ("pageSize", 2), ("searchVal", prefix));
        var data = page.Data;
        Assert.Equal(3, data.GetProperty("total").GetInt32());
        Assert.Equal(2, data.GetProperty("totalPage").GetInt32());
        Assert.Equal(2, data.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, data.GetProperty("currentPage").GetInt32());
        Assert.Equal(2, data.GetProperty("pageNo").GetInt32()); // row offset, not the page number
        Assert.Single(data.GetProperty("totalList").EnumerateArray());
        Assert.Equal(
            ["totalList", "total", "totalPage", "pageSize", "currentPage", "pageNo"],
            data.EnumerateObject().Select(p => p.Name).ToArray());

        var invalid = await admin.Get("/queues", ("pageNo", 1), ("pageSize", 0));
        Assert.Equal((10001, "request parameter pageSize is not valid"), (invalid.Code, invalid.Msg));
    }
}
