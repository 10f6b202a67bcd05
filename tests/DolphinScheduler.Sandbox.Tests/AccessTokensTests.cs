using System.Text.Json;

namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class AccessTokensTests(SandboxPair sandbox)
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_with_blank_token_stores_an_md5_string(string v)
    {
        var r = await sandbox.Admin(v).Post("/access-tokens", ("userId", 1), ("expireTime", "2099-06-30 12:34:56"), ("token", ""));
        Assert.Equal((HttpStatusCode.Created, 0), (r.Status, r.Code));
        Assert.Matches("^[0-9a-f]{32}$", r.Data.GetProperty("token").GetString());
        Assert.Equal("2099-06-30 12:34:56", r.Data.GetProperty("expireTime").GetString());
        Assert.Equal(JsonValueKind.Null, r.Data.GetProperty("userName").ValueKind);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Expire_time_is_read_in_the_users_time_zone(string v)
    {
        var (id, name, client) = await sandbox.NewUser(v);
        await client.Post("/users/update", ("id", id), ("userName", name), ("userPassword", ""), ("email", name + "@example.com"),
            ("tenantId", -1), ("state", 1), ("timeZone", "Asia/Shanghai"));
        var r = await client.Post("/access-tokens", ("userId", id), ("expireTime", "2099-01-01 08:00:00"), ("token", "tz-" + name));
        Assert.Equal("2099-01-01 00:00:00", r.Data.GetProperty("expireTime").GetString()); // written back in UTC
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Generate_returns_a_candidate_without_storing_it(string v)
    {
        var r = await sandbox.Admin(v).Post("/access-tokens/generate", ("userId", 1), ("expireTime", "2099-01-01 00:00:00"));
        Assert.Equal((HttpStatusCode.Created, 0), (r.Status, r.Code));
        var token = r.Data.GetString();
        Assert.Matches("^[0-9a-f]{32}$", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await sandbox.Anonymous(v).WithToken(token).Get("/users/get-user-info")).Status);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Update_and_delete_follow_ds_semantics(string v)
    {
        var admin = sandbox.Admin(v);
        var created = await admin.Post("/access-tokens", ("userId", 1), ("expireTime", "2099-01-01 00:00:00"), ("token", SandboxPair.Unique("t")));
        var id = created.Data.GetProperty("id").GetInt32();

        var updated = await admin.Put($"/access-tokens/{id}", ("userId", 1), ("expireTime", "2098-01-01 00:00:00"), ("token", "fixed-" + id));
        Assert.Equal((HttpStatusCode.OK, 0), (updated.Status, updated.Code));
        Assert.Equal("fixed-" + id, updated.Data.GetProperty("token").GetString());

        var deleted = await admin.Delete($"/access-tokens/{id}");
        Assert.Equal(0, deleted.Code);
        Assert.False(deleted.Data.GetBoolean()); // sic: data=false on success

        var again = await admin.Delete($"/access-tokens/{id}");
        Assert.Equal((HttpStatusCode.OK, 70015, $"access token not exist, tokenId {id}"), (again.Status, again.Code, again.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task General_users_manage_only_what_ds_allows(string v)
    {
        var (id, name, user) = await sandbox.NewUser(v);
        var forOther = await user.Post("/access-tokens", ("userId", 1), ("expireTime", "2099-01-01 00:00:00"));
        Assert.Equal((HttpStatusCode.OK, 30001), (forOther.Status, forOther.Code)); // thrown: no 201

        var own = await user.Post("/access-tokens", ("userId", id), ("expireTime", "2099-01-01 00:00:00"));
        Assert.Equal(0, own.Code);
        var tokenId = own.Data.GetProperty("id").GetInt32();
        Assert.Equal(30001, (await user.Delete($"/access-tokens/{tokenId}")).Code);
        Assert.Equal(30001, (await user.Put($"/access-tokens/{tokenId}", ("userId", id), ("expireTime", "2099-01-01 00:00:00"))).Code);

        var page = await user.Get("/access-tokens", ("pageNo", 1), ("pageSize", 10));
        var rows = page.Data.GetProperty("totalList").EnumerateArray().ToList();
        Assert.Single(rows);
        Assert.Equal(name, rows[0].GetProperty("userName").GetString());
        Assert.Equal(30001, (await user.Get("/access-tokens/user/1")).Code);
        Assert.Single((await user.Get($"/access-tokens/user/{id}")).Data.EnumerateArray());
    }
}
