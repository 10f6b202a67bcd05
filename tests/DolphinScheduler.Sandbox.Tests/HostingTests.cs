namespace DolphinScheduler.Sandbox.Tests;

/// <summary>Servers of their own: lifetime, data directory and time-dependent auth rules.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Temp_data_directory_is_deleted_but_a_given_one_is_kept()
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions());
        var temp = server.DataDirectory;
        Assert.True(Directory.Exists(temp));
        Assert.Equal("3.4", server.Flavor);
        Assert.EndsWith("/dolphinscheduler", server.BaseUri.ToString());
        await server.DisposeAsync();
        Assert.False(Directory.Exists(temp));

        var given = Path.Combine(Path.GetTempPath(), "ds-sandbox-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var kept = await SandboxServer.StartAsync(new SandboxOptions { ServerVersion = "3.3", DataDirectory = given }))
                Assert.Equal("3.3", kept.Flavor);
            Assert.True(Directory.Exists(given));
        }
        finally
        {
            Directory.Delete(given, recursive: true);
        }
    }

    [Fact]
    public async Task Sessions_older_than_two_hours_are_replaced_at_next_login_and_tokens_expire()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Clock = clock });
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        var anon = new DsClient(http, server.BaseUri);

        var first = await anon.Login("admin", SandboxPair.AdminPassword);
        var token = (await first.Post("/access-tokens", ("userId", 1), ("expireTime", "2025-03-01 13:00:00"))).Data.GetProperty("token").GetString();

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await first.Get("/users/get-user-info")).Code); // sessions never expire by age alone
        var second = await anon.Login("admin", SandboxPair.AdminPassword);
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.Get("/users/get-user-info")).Status);

        Assert.Equal(0, (await anon.WithToken(token).Get("/users/get-user-info")).Code);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.WithToken(token).Get("/users/get-user-info")).Status);
    }
}
