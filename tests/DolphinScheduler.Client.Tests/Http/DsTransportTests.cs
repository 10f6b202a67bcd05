using System.Net;
using DolphinScheduler.Client.Tests.Fakes;

namespace DolphinScheduler.Client.Tests.Http;

public class DsTransportTests
{
    private static async Task<(FakeDsServer Server, DsClient Client)> ConnectAsync(string flavor = "3.4", int maxAttempts = 3, TimeSpan? timeout = null)
    {
        var server = new FakeDsServer(flavor);
        return (server, await TestConnections.ConnectAsync(server, maxAttempts: maxAttempts, timeout: timeout));
    }

    public class TheEnvelope
    {
        [Fact]
        public async Task ANonZeroCodeOnHttp201IsAFailureWithCodeNameAndRequest()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("POST", "/projects", _ => FakeDsServer.Envelope(10019, status: HttpStatusCode.Created, msg: "project p already exists"));
            var ex = await Assert.ThrowsAsync<DsAlreadyExistsException>(() => client.Projects.CreateAsync("p", null));
            Assert.Equal(10019, ex.Code);
            Assert.Equal("PROJECT_ALREADY_EXISTS", ex.StatusName);
            Assert.Equal(201, ex.HttpStatus);
            Assert.Equal("POST", ex.Method);
            Assert.Equal("/projects", ex.RequestPath);
            Assert.Equal("project p already exists", ex.ServerMessage);
            Assert.Equal("Ds10019", ex.ErrorId);
        }

        [Theory]
        [InlineData(10018, DsErrorKind.NotFound)]
        [InlineData(30001, DsErrorKind.PermissionDenied)]
        [InlineData(10001, DsErrorKind.InvalidArgument)]
        [InlineData(50008, DsErrorKind.InvalidState)]
        public async Task CodesMapToKinds(int code, DsErrorKind kind)
        {
            var (server, client) = await ConnectAsync();
            server.Respond("GET", "/projects/5", _ => FakeDsServer.Envelope(code));
            var ex = await Assert.ThrowsAnyAsync<DsApiException>(() => client.Projects.GetAsync(5));
            Assert.Equal(kind, ex.Kind);
        }

        [Fact]
        public async Task ThirtyTwoNamesAreUsedOnA32Connection()
        {
            var (server, client) = await ConnectAsync("3.2");
            server.Respond("GET", "/projects/5", _ => FakeDsServer.Envelope(50003));
            var ex = await Assert.ThrowsAnyAsync<DsApiException>(() => client.Projects.GetAsync(5));
            Assert.Equal("PROCESS_DEFINE_NOT_EXIST", ex.StatusName);
        }

        [Fact]
        public async Task HtmlInsteadOfJsonIsAProtocolError()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("GET", "/projects/5", _ => FakeDsServer.Html(HttpStatusCode.OK));
            var ex = await Assert.ThrowsAnyAsync<DsApiException>(() => client.Projects.GetAsync(5));
            Assert.Equal(DsErrorKind.Protocol, ex.Kind);
        }

        [Fact]
        public async Task TruncatedJsonIsAProtocolError()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("GET", "/projects/5", _ => FakeDsServer.Json(HttpStatusCode.OK, "{\"code\":0,\"msg\":\"success\",\"data\":{\"na"));
            var ex = await Assert.ThrowsAnyAsync<DsApiException>(() => client.Projects.GetAsync(5));
            Assert.Equal(DsErrorKind.Protocol, ex.Kind);
        }
    }

    public class TheHttpStatus
    {
        [Fact]
        public async Task Http401IsAnAuthenticationErrorWithoutRetry()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("GET", "/projects/5", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
            var ex = await Assert.ThrowsAsync<DsAuthenticationException>(() => client.Projects.GetAsync(5));
            Assert.Equal("DsHttp401", ex.ErrorId);
            Assert.Single(server.CallsAfterConnect);
        }

        [Fact]
        public async Task SafeRequestsAreRetriedOn503ThenSucceed()
        {
            var (server, client) = await ConnectAsync();
            var calls = 0;
            server.Respond("GET", "/projects/5", _ => ++calls < 3 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : FakeDsServer.Envelope(0, "{\"code\":5,\"name\":\"p\"}"));
            var project = await client.Projects.GetAsync(5);
            Assert.Equal("p", project.Name);
            Assert.Equal(3, calls);
        }

        [Fact]
        public async Task CreatesAreNotRetriedOn502ButCheckedByName()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("POST", "/projects", _ => new HttpResponseMessage(HttpStatusCode.BadGateway));
            var ex = await Assert.ThrowsAnyAsync<DsApiException>(() => client.Projects.CreateAsync("p", null));
            Assert.Equal(DsErrorKind.Server, ex.Kind);
            Assert.Equal("DsHttp502", ex.ErrorId);
            Assert.Contains("was not created", ex.Message);
            Assert.Single(server.CallsAfterConnect, r => r.Method == "POST");
            Assert.Equal(new[] { "POST /projects", "GET /projects" }, server.CallsAfterConnect.Select(r => r.Method + " " + r.Path));
        }

        [Fact]
        public async Task ACreateIsSentAgainAfter503OnlyWhenTheLookupFoundNothing()
        {
            var (server, client) = await ConnectAsync();
            var posts = 0;
            server.Respond("POST", "/projects", _ => ++posts == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : FakeDsServer.Envelope(0, "{\"code\":9,\"name\":\"p\"}", HttpStatusCode.Created));
            var project = await client.Projects.CreateAsync("p", null);
            Assert.Equal(9, project.Code);
            Assert.Equal(new[] { "POST /projects", "GET /projects", "POST /projects" }, server.CallsAfterConnect.Select(r => r.Method + " " + r.Path));
        }

        [Fact]
        public async Task ACreateAnswered503ThatTheServerDidMakeIsReturnedNotSentAgain()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("POST", "/projects", _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            server.Respond("GET", "/projects", _ => FakeDsServer.Envelope(0, "{\"totalList\":[{\"code\":8,\"name\":\"p\"}],\"total\":1,\"totalPage\":1,\"currentPage\":1}"));
            var project = await client.Projects.CreateAsync("p", null);
            Assert.Equal(8, project.Code);
            Assert.Single(server.CallsAfterConnect, r => r.Method == "POST");
        }

        [Fact]
        public async Task RequestsThatAreNotIdempotentAreNotRetriedOn503()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("DELETE", "/projects/5", _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            var ex = await Assert.ThrowsAnyAsync<DsApiException>(() => client.Projects.DeleteAsync(5));
            Assert.Equal("DsHttp503", ex.ErrorId);
            Assert.Single(server.CallsAfterConnect);
        }

        [Fact]
        public async Task ARefusedTokenIsRememberedAndLaterRequestsAreNotSent()
        {
            var (server, client) = await ConnectAsync();
            server.Respond("GET", "/projects/5", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
            var first = await Assert.ThrowsAsync<DsAuthenticationException>(() => client.Projects.GetAsync(5));
            var second = await Assert.ThrowsAsync<DsAuthenticationException>(() => client.Projects.GetAsync(6));
            Assert.Equal("DsHttp401", second.ErrorId);
            Assert.Contains("earlier", second.Message);
            Assert.Contains("admin", second.Message);
            Assert.Single(server.CallsAfterConnect);
        }

        [Fact]
        public async Task AnAnswerThatStallsAfterItsHeadersTimesOut()
        {
            var (server, client) = await ConnectAsync(timeout: TimeSpan.FromMilliseconds(300));
            server.Respond("GET", "/projects/5", _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StalledContent() });
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<DsConnectionException>(() => client.Projects.GetAsync(5));
            Assert.Equal("DsTimeout", ex.ErrorId);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
        }


        [Fact]
        public async Task RetryAfterIsHonouredOn429()
        {
            var (server, client) = await ConnectAsync();
            var calls = 0;
            server.Respond("GET", "/projects/5", _ =>
            {
                if (++calls > 1) return FakeDsServer.Envelope(0, "{\"code\":5}");
                var r = new HttpResponseMessage((HttpStatusCode)429);
                r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(1));
                return r;
            });
            await client.Projects.GetAsync(5);
            Assert.Equal(2, calls);
        }
    }

    public class TheEncoding
    {
        [Fact]
        public async Task PostsAreFormEncodedAndGetsUseTheQueryString()
        {
            var (server, client) = await ConnectAsync();
            await client.Projects.CreateAsync("p & q/100%", "ü");
            await client.Tenants.ListAllAsync();
            var post = server.CallsAfterConnect.First();
            Assert.Equal("application/x-www-form-urlencoded", post.ContentType);
            Assert.Equal("p & q/100%", post.Param("projectName"));
            Assert.Equal("ü", post.Param("description"));
            Assert.Equal("/tenants/list", server.CallsAfterConnect.Last().Path);
        }

        [Fact]
        public async Task TheTokenTravelsInTheTokenHeader()
        {
            var (server, client) = await ConnectAsync();
            await client.Projects.GetAsync(5);
            Assert.Equal(TestConnections.Token, server.CallsAfterConnect.Single().Headers["token"]);
        }
    }

    public class TheSession
    {
        [Fact]
        public async Task ADroppedSessionIsReEstablishedOnce()
        {
            var server = new FakeDsServer("3.4");
            using var client = await TestConnections.ConnectAsync(server, password: true);
            var failures = 0;
            server.Respond(r => r.Path == "/projects/5" && failures++ == 0, _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
            var project = await client.Projects.GetAsync(5);
            Assert.Equal(new[] { "/projects/5", "/login", "/projects/5" }, server.CallsAfterConnect.Select(r => r.Path));
        }

        [Fact]
        public async Task AWrongPasswordIsAnAuthenticationError()
        {
            var server = new FakeDsServer("3.4").Respond("POST", "/login", _ => FakeDsServer.Envelope(10013, msg: "user name or password error"));
            var ex = await Assert.ThrowsAsync<DsAuthenticationException>(() => TestConnections.ConnectAsync(server, password: true));
            Assert.Equal(10013, ex.Code);
        }
    }
}

public class AmbiguousCreateTests
{
    private sealed class DroppingHandler : DelegatingHandler
    {
        public Func<HttpRequestMessage, bool> Drop { get; set; } = _ => false;
        public DroppingHandler(HttpMessageHandler inner) : base(inner) { }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Drop(request)) throw new HttpRequestException("The response ended prematurely.", new IOException("connection reset"));
            return response;
        }
    }

    [Fact]
    public async Task ACreateWhoseAnswerWasLostIsLookedUpAndReturned()
    {
        var server = new FakeDsServer("3.4");
        var dropping = new DroppingHandler(server);
        var options = new DsConnectOptions { BaseUri = FakeDsServer.BaseUri, Token = DolphinScheduler.Client.Auth.Secrets.ToSecureString(TestConnections.Token) };
        using var client = await DsClient.ConnectAsync(options, dropping, CancellationToken.None);
        var created = false;
        server.Respond("POST", "/projects", _ => { created = true; return FakeDsServer.Envelope(0, "{\"code\":77,\"name\":\"p\"}", HttpStatusCode.Created); });
        server.Respond("GET", "/projects", _ => FakeDsServer.Envelope(0, created
            ? "{\"totalList\":[{\"code\":77,\"name\":\"p\"}],\"total\":1,\"totalPage\":1,\"currentPage\":1}"
            : FakeDsServer.GenericData));
        dropping.Drop = r => r.Method == HttpMethod.Post;
        var project = await client.Projects.CreateAsync("p", null);
        Assert.Equal(77, project.Code);
        Assert.Single(server.Requests, r => r.Method == "POST" && r.Path == "/projects");
    }

    [Fact]
    public async Task ATokenWhoseAnswerWasLostIsFoundByItsTextWhichTheClientMade()
    {
        var server = new FakeDsServer("3.4");
        var dropping = new DroppingHandler(server);
        var options = new DsConnectOptions { BaseUri = FakeDsServer.BaseUri, Token = DolphinScheduler.Client.Auth.Secrets.ToSecureString(TestConnections.Token) };
        using var client = await DsClient.ConnectAsync(options, dropping, CancellationToken.None);
        string? sent = null;
        server.Respond("POST", "/access-tokens", r => { sent = r.Param("token"); return FakeDsServer.Envelope(0, "{}", HttpStatusCode.Created); });
        server.Respond("GET", "/access-tokens/user/1", _ => FakeDsServer.Envelope(0,
            "[{\"id\":4,\"userId\":1,\"token\":\"ffffffffffffffffffffffffffffffff\"},{\"id\":5,\"userId\":1,\"token\":\"" + sent + "\",\"expireTime\":\"2030-01-01 00:00:00\"}]"));
        dropping.Drop = r => r.Method == HttpMethod.Post;
        var me = await client.Users.GetCurrentAsync();
        var token = await client.Tokens.CreateAsync(me, new DateTime(2030, 1, 1));
        Assert.Matches("^[0-9a-f]{32}$", sent);
        Assert.Equal(5, token.Id);
        Assert.Equal("admin", token.UserName);
        Assert.Single(server.Requests, r => r.Method == "POST" && r.Path == "/access-tokens");
    }

    [Fact]
    public async Task ACreateThatDidNotHappenSaysSoAndIsNotRetried()
    {
        var server = new FakeDsServer("3.4");
        var dropping = new DroppingHandler(server);
        var options = new DsConnectOptions { BaseUri = FakeDsServer.BaseUri, Token = DolphinScheduler.Client.Auth.Secrets.ToSecureString(TestConnections.Token) };
        using var client = await DsClient.ConnectAsync(options, dropping, CancellationToken.None);
        server.Respond("POST", "/projects", _ => FakeDsServer.Envelope(0, "{}", HttpStatusCode.Created));
        server.Respond("GET", "/projects", _ => FakeDsServer.Envelope(0, FakeDsServer.GenericData));
        dropping.Drop = r => r.Method == HttpMethod.Post;
        var ex = await Assert.ThrowsAsync<DsConnectionException>(() => client.Projects.CreateAsync("p", null));
        Assert.Contains("was not created", ex.Message);
        Assert.Single(server.Requests, r => r.Method == "POST");
    }
}

/// <summary>JSON content whose body sends a few bytes and then never another (a stalled server).</summary>
internal sealed class StalledContent : HttpContent
{
    public StalledContent() { Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json"); }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => throw new NotSupportedException();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new StalledStream());

    protected override bool TryComputeLength(out long length) { length = -1; return false; }

    private sealed class StalledStream : Stream
    {
        private bool _sent;
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (!_sent) { _sent = true; buffer[offset] = (byte)'{'; return 1; }
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            return new ValueTask<int>(ReadAsync(array, 0, array.Length, cancellationToken).ContinueWith(t => { if (t.IsCompletedSuccessfully) array.AsSpan(0, t.Result).CopyTo(buffer.Span); return t.GetAwaiter().GetResult(); }, TaskScheduler.Default));
        }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public class SecretEchoTests
{
    [Fact]
    public async Task APasswordQuotedInAServerMessageIsRedacted()
    {
        var server = new FakeDsServer("3.4");
        using var client = await TestConnections.ConnectAsync(server);
        server.Respond("POST", "/users/create", r => FakeDsServer.Envelope(10001, status: HttpStatusCode.Created, msg: "request parameter " + r.Param("userPassword") + " is not valid"));
        var spec = new DolphinScheduler.Client.Clients.UserSpec { UserName = "u", Password = DolphinScheduler.Client.Auth.Secrets.ToSecureString("s3cr3t-pw"), Email = "u@example.com" };
        var ex = await Assert.ThrowsAnyAsync<DsApiException>(() => client.Users.CreateAsync(spec));
        Assert.DoesNotContain("s3cr3t-pw", ex.Message);
        Assert.DoesNotContain("s3cr3t-pw", ex.ServerMessage);
        Assert.Contains("***", ex.ServerMessage);
    }
}
