namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class AuthTests(SandboxPair sandbox)
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Login_returns_session_and_httponly_cookies(string v)
    {
        var r = await sandbox.Anonymous(v).Post("/login", ("userName", "admin"), ("userPassword", SandboxPair.AdminPassword));

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal(0, r.Code);
        Assert.Equal("login success", r.Msg);
        Assert.True(r.Json.GetProperty("success").GetBoolean());
        Assert.False(r.Json.GetProperty("failed").GetBoolean());
        var sessionId = r.Data.GetProperty("sessionId").GetString()!;
        Assert.True(Guid.TryParse(sessionId, out _));
        Assert.Equal("PASSWORD", r.Data.GetProperty("securityConfigType").GetString());
        Assert.Contains(r.SetCookies, c => c.StartsWith("sessionId=" + sessionId, StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(r.SetCookies, c => c.StartsWith("securityConfigType=PASSWORD", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Second_login_within_two_hours_reuses_the_session(string v)
    {
        var (_, name, first) = await sandbox.NewUser(v);
        var second = await sandbox.Anonymous(v).Login(name, "secret123");
        Assert.Equal(first.SessionId, second.SessionId);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Login_errors_use_the_documented_codes(string v)
    {
        var anon = sandbox.Anonymous(v);
        var wrong = await anon.Post("/login", ("userName", "admin"), ("userPassword", "nope"));
        Assert.Equal((HttpStatusCode.OK, 10013, "user name or password error"), (wrong.Status, wrong.Code, wrong.Msg));

        var blank = await anon.Post("/login", ("userName", ""), ("userPassword", "x"));
        Assert.Equal((10004, "user name is null"), (blank.Code, blank.Msg));

        var missing = await anon.Post("/login", ("userPassword", "x"));
        Assert.Equal(10043, missing.Code);
        var expected = v == "3.2"
            ? "user login failure"
            : "user login failure:Required request parameter 'userName' for method parameter type String is not present";
        Assert.Equal(expected, missing.Msg);

        var (_, disabledName, _) = await sandbox.NewUser(v, state: 0);
        var disabled = await anon.Post("/login", ("userName", disabledName), ("userPassword", "secret123"));
        Assert.Equal((10148, "The current user is disabled"), (disabled.Code, disabled.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Unauthenticated_requests_get_401_with_an_empty_body(string v)
    {
        var anon = sandbox.Anonymous(v);
        foreach (var client in new[] { anon, anon.WithSession("no-such-session"), anon.WithToken("no-such-token") })
        {
            var r = await client.Get("/users/get-user-info");
            Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
            Assert.Equal("", r.Body);
        }
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Session_works_from_header_and_cookie(string v)
    {
        var sessionId = sandbox.Admin(v).SessionId!;
        var byHeader = await sandbox.Anonymous(v).WithSession(sessionId).Get("/users/get-user-info");
        Assert.Equal("admin", byHeader.Data.GetProperty("userName").GetString());

        var byCookie = sandbox.Anonymous(v);
        byCookie.Cookie = "sessionId=" + sessionId;
        Assert.Equal(0, (await byCookie.Get("/users/get-user-info")).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task A_bad_token_is_not_rescued_by_a_valid_session(string v)
    {
        var client = sandbox.Admin(v).WithSession(sandbox.Admin(v).SessionId);
        client.Token = "bogus";
        var r = await client.Get("/users/get-user-info");
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.Equal("", r.Body);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Tokens_authenticate_until_they_expire(string v)
    {
        var admin = sandbox.Admin(v);
        var valid = await admin.Post("/access-tokens", ("userId", 1), ("expireTime", "2099-12-31 23:59:59"));
        var expired = await admin.Post("/access-tokens", ("userId", 1), ("expireTime", "2000-01-01 00:00:00"));

        var ok = await admin.WithToken(valid.Data.GetProperty("token").GetString()).Get("/users/get-user-info");
        Assert.Equal((HttpStatusCode.OK, 0), (ok.Status, ok.Code));
        var denied = await admin.WithToken(expired.Data.GetProperty("token").GetString()).Get("/users/get-user-info");
        Assert.Equal((HttpStatusCode.Unauthorized, ""), (denied.Status, denied.Body));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Disabled_users_are_rejected_with_401(string v)
    {
        var (id, name, client) = await sandbox.NewUser(v);
        Assert.Equal(0, (await client.Get("/users/get-user-info")).Code);

        var disable = await sandbox.Admin(v).Post("/users/update",
            ("id", id), ("userName", name), ("userPassword", ""), ("email", name + "@example.com"), ("tenantId", -1), ("state", 0));
        Assert.Equal(0, disable.Code);

        var r = await client.Get("/users/get-user-info");
        Assert.Equal((HttpStatusCode.Unauthorized, ""), (r.Status, r.Body));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Sign_out_ends_sessions_but_not_tokens(string v)
    {
        var (id, _, client) = await sandbox.NewUser(v);
        var token = (await client.Post("/access-tokens", ("userId", id), ("expireTime", "2099-01-01 00:00:00"))).Data.GetProperty("token").GetString();

        var signOut = await client.Post("/signOut");
        Assert.Equal((HttpStatusCode.OK, 0), (signOut.Status, signOut.Code));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Get("/users/get-user-info")).Status);
        Assert.Equal(0, (await client.WithToken(token).Get("/users/get-user-info")).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Delete_cookies_expires_what_was_sent(string v)
    {
        var client = sandbox.Anonymous(v);
        client.Cookie = "sessionId=abc; securityConfigType=PASSWORD";
        var r = await client.Delete("/cookies");
        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("", r.Body);
        Assert.Contains(r.SetCookies, c => c.StartsWith("sessionId=;", StringComparison.Ordinal) && c.Contains("max-age=0", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(r.SetCookies, c => c.StartsWith("securityConfigType=;", StringComparison.Ordinal));

        // Without a Cookie header DS's loop over request.getCookies() (null) throws: no @ApiException → 10000.
        var none = await sandbox.Anonymous(v).Delete("/cookies");
        Assert.Equal((HttpStatusCode.OK, 10000, "Internal Server Error: null"), (none.Status, none.Code, none.Msg));
    }
}
