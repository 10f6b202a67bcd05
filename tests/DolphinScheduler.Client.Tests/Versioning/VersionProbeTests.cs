using System.Net;
using DolphinScheduler.Client.Tests.Fakes;

namespace DolphinScheduler.Client.Tests.Versioning;

public class VersionProbeTests
{
    [Theory]
    [InlineData("3.2", DsServerVersion.V3_2)]
    [InlineData("3.3", DsServerVersion.V3_3)]
    [InlineData("3.4", DsServerVersion.V3_4)]
    public async Task DetectsTheFamilyFromWhichPathAnswersWithAnEnvelope(string flavor, DsServerVersion expected)
    {
        var server = new FakeDsServer(flavor);
        using var client = await TestConnections.ConnectAsync(server);
        Assert.Equal(expected, client.Connection.ServerVersion);
    }

    [Fact]
    public async Task ProbesOnlyReadOnlyGetsAfterAuthenticating()
    {
        var server = new FakeDsServer("3.2");
        using var client = await TestConnections.ConnectAsync(server, password: true);
        Assert.Equal("/login", server.Requests[0].Path);
        Assert.Equal("/users/get-user-info", server.Requests[1].Path);
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("GET", r.Method));
        Assert.All(server.Requests.Skip(1), r => Assert.True(r.Headers.ContainsKey("sessionId")));
    }

    [Fact]
    public async Task ForcedVersionSendsNoProbe()
    {
        var server = new FakeDsServer("3.2");
        using var client = await TestConnections.ConnectAsync(server, DsServerVersion.V3_2);
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/simple-list"));
        Assert.Equal(DsServerVersion.V3_2, client.Connection.ServerVersion);
    }

    [Fact]
    public async Task NeitherFamilyAnsweringIsAClearNotSupportedError()
    {
        var server = new FakeDsServer("3.4").Respond(r => r.Path.EndsWith("/simple-list"), _ => FakeDsServer.Html(HttpStatusCode.OK));
        var ex = await Assert.ThrowsAsync<DsApiException>(() => TestConnections.ConnectAsync(server));
        Assert.Equal(DsErrorKind.NotSupported, ex.Kind);
        Assert.Contains("/dolphinscheduler", ex.Message);
    }

    [Fact]
    public async Task ABadTokenFailsAsAuthenticationBeforeAnyProbe()
    {
        var server = new FakeDsServer("3.4").Respond(_ => true, _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var ex = await Assert.ThrowsAsync<DsAuthenticationException>(() => TestConnections.ConnectAsync(server));
        Assert.Equal(401, ex.HttpStatus);
        Assert.Single(server.Requests);
    }
}
