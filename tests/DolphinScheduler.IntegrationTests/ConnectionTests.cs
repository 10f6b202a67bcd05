using DolphinScheduler.Client;
using DolphinScheduler.Client.Auth;

namespace DolphinScheduler.IntegrationTests;

[Collection(SandboxCollection.Name)]
public class ConnectionTests
{
    private readonly SandboxFixture _fixture;
    public ConnectionTests(SandboxFixture fixture) { _fixture = fixture; }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task DetectsTheFlavourOfTheServer(string flavor)
    {
        using var client = await _fixture.AdminAsync(flavor);
        Assert.Equal(flavor == "3.2" ? DsServerVersion.V3_2 : DsServerVersion.V3_4, client.Connection.ServerVersion);
        Assert.Equal("admin", client.Connection.UserName);
        Assert.True(client.Connection.IsAdmin);
    }

    [Fact]
    public async Task DetectsThe33Flavour()
    {
        await using var server = await DolphinScheduler.Sandbox.SandboxServer.StartAsync(new DolphinScheduler.Sandbox.SandboxOptions { ServerVersion = "3.3" });
        using var client = await DsClient.ConnectAsync(new DsConnectOptions { BaseUri = server.BaseUri, UserName = "admin", Password = Secrets.ToSecureString("dolphinscheduler123") });
        Assert.Equal(DsServerVersion.V3_3, client.Connection.ServerVersion);
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task AWrongPasswordIsAnAuthenticationErrorWithTheDsCode(string flavor)
    {
        var server = await _fixture.ServerAsync(flavor);
        var ex = await Assert.ThrowsAsync<DsAuthenticationException>(() => DsClient.ConnectAsync(new DsConnectOptions
        {
            BaseUri = server.BaseUri, UserName = "admin", Password = Secrets.ToSecureString("nope-nope"),
        }));
        Assert.Equal(10013, ex.Code);
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task ATokenConnectsAsItsUserAndARevokedOneIsRefused(string flavor)
    {
        using var admin = await _fixture.AdminAsync(flavor);
        var me = await admin.Users.GetCurrentAsync();
        var token = await admin.Tokens.CreateAsync(me, DateTime.UtcNow.AddDays(3));
        var server = await _fixture.ServerAsync(flavor);
        using (var viaToken = await DsClient.ConnectAsync(new DsConnectOptions { BaseUri = server.BaseUri, Token = token.Token }))
        {
            Assert.Equal(DsAuthMethod.Token, viaToken.Connection.AuthMethod);
            Assert.NotNull(viaToken.Connection.TokenExpireTime);
            await admin.Tokens.DeleteAsync(token.Id);
            var ex = await Assert.ThrowsAsync<DsAuthenticationException>(() => viaToken.Projects.CreateAsync(SandboxFixture.UniqueName("p"), null));
            Assert.Equal(401, ex.HttpStatus);
            Assert.Contains("admin", ex.Message);
        }
    }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task ASignedOutSessionIsReEstablishedOnce(string flavor)
    {
        using var admin = await _fixture.AdminAsync(flavor);
        using var other = await _fixture.AdminAsync(flavor);
        await other.SignOutAsync(); // DS deletes every session of the user
        var project = await admin.Projects.CreateAsync(SandboxFixture.UniqueName("p"), null);
        Assert.True(project.Code > 0);
    }
}
