using System.Text;
using System.Text.Json;
using DolphinScheduler.Sandbox.Faults;
using DolphinScheduler.Sandbox.Hosting;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>Servers of their own for fault injection (rules are server-wide), one per flavour.</summary>
public sealed class FaultServers : IAsyncLifetime
{
    private readonly Dictionary<string, SandboxServer> servers = new();
    private readonly Dictionary<string, DsClient> admins = new();

    /// <summary>Every request on a new connection: HttpClient retries a request that failed on a reused connection.</summary>
    public HttpClient Http { get; } = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { DefaultRequestHeaders = { ConnectionClose = true } };

    public async Task InitializeAsync()
    {
        foreach (var version in new[] { "3.2", "3.4" })
        {
            servers[version] = await SandboxServer.StartAsync(new SandboxOptions { ServerVersion = version });
            admins[version] = await new DsClient(Http, servers[version].BaseUri).Login("admin", SandboxPair.AdminPassword);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in servers.Values)
            await server.DisposeAsync();
        Http.Dispose();
    }

    public SandboxServer Server(string v) => servers[v];

    public DsClient Admin(string v) => admins[v];

    public string Control(string v) => servers[v].BaseUri.GetLeftPart(UriPartial.Authority) + "/_sandbox/faults";
}

public sealed class FaultTests(FaultServers fx) : IClassFixture<FaultServers>, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        foreach (var v in new[] { "3.2", "3.4" })
        {
            fx.Server(v).Faults.Clear();
            fx.Server(v).ClearRecords();
        }
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    private static FaultRule Rule(FaultKind kind, string path, string method = "*", int? count = null, FaultTiming? when = null, int? status = null, int? delayMs = null, int? retryAfter = null)
        => new() { Kind = kind, Path = path, Method = method, Count = count, When = when, Status = status, DelayMs = delayMs, RetryAfter = retryAfter };

    private static async Task<bool> ProjectExists(DsClient admin, string name)
        => (await admin.Get("/projects/list")).Data.EnumerateArray().Any(p => p.GetProperty("name").GetString() == name);

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Control_endpoints_add_list_and_delete_rules()
    {
        var url = fx.Control("3.4");
        var one = await fx.Http.PostAsync(url, new StringContent("""{"path":"/projects","method":"post","kind":"status","status":502,"count":2,"retryAfter":5}"""));
        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        var added = JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("status", "before", "POST", 502, 2), (added.GetProperty("kind").GetString(), added.GetProperty("when").GetString(),
            added.GetProperty("method").GetString(), added.GetProperty("status").GetInt32(), added.GetProperty("remaining").GetInt32()));

        var many = await fx.Http.PostAsync(url, new StringContent("""[{"kind":"truncate","path":"^/users/.*"},{"kind":"drop","when":"during"}]"""));
        Assert.Equal(HttpStatusCode.Created, many.StatusCode);
        Assert.Equal("after", JsonDocument.Parse(await many.Content.ReadAsStringAsync()).RootElement[0].GetProperty("when").GetString());

        foreach (var bad in new[] { """{"kind":"explode"}""", """{"kind":"drop","delay":5}""", """{"kind":"truncate","when":"before"}""", """{"kind":"status","when":"during"}""", """{"kind":"slow","count":0}""", """{"path":"^(","kind":"html"}""", "{}" })
        {
            var refused = await fx.Http.PostAsync(url, new StringContent(bad));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.TryGetProperty("error", out _), bad);
        }

        var listed = JsonDocument.Parse(await fx.Http.GetStringAsync(url)).RootElement;
        Assert.Equal(3, listed.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await fx.Http.DeleteAsync(url + "/" + added.GetProperty("id").GetInt32())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Http.DeleteAsync(url + "/999")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fx.Http.DeleteAsync(url)).StatusCode);
        Assert.Equal("[]", await fx.Http.GetStringAsync(url));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Status_fault_strikes_count_times_with_retry_after(string v)
    {
        var server = fx.Server(v);
        server.Faults.Add(Rule(FaultKind.Status, "/projects/list", "GET", count: 2, status: 503, retryAfter: 7));
        var admin = fx.Admin(v);

        for (var i = 0; i < 2; i++)
        {
            using var response = await fx.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, admin.BaseUri + "/projects/list") { Headers = { { "sessionId", admin.SessionId } } });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(0, (await admin.Get("/projects/list")).Code);
        Assert.Equal(0, (await admin.Get("/users/get-user-info")).Code); // other paths untouched

        var journal = server.Requests.Where(r => r.Path.EndsWith("/projects/list", StringComparison.Ordinal)).ToList();
        Assert.Equal([(503, "status"), (503, "status"), (200, null)], journal.Select(r => (r.HttpStatus, r.Fault)));
        var state = Assert.Single(server.Faults.Rules);
        Assert.Equal((0, 2), (state.Remaining, state.Hits));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Drop_before_loses_the_request_and_drop_after_only_the_answer(string v)
    {
        var server = fx.Server(v);
        var admin = fx.Admin(v);

        server.Faults.Add(Rule(FaultKind.Drop, "/projects", "POST", count: 1, when: FaultTiming.Before));
        var lost = SandboxPair.Unique("p");
        await Assert.ThrowsAsync<HttpRequestException>(() => admin.Post("/projects", ("projectName", lost)));
        Assert.False(await ProjectExists(admin, lost));

        server.Faults.Add(Rule(FaultKind.Drop, "/projects", "POST", count: 1, when: FaultTiming.After));
        var created = SandboxPair.Unique("p");
        await Assert.ThrowsAsync<HttpRequestException>(() => admin.Post("/projects", ("projectName", created)));
        Assert.True(await ProjectExists(admin, created)); // the create happened; only its answer was lost

        var posts = server.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/projects", StringComparison.Ordinal)).ToList();
        Assert.Equal([(0, (int?)null, "drop"), (0, 0, "drop")], posts.Select(r => (r.HttpStatus, r.Code, r.Fault)));
        Assert.Equal("POST /projects", posts[0].Endpoint);
    }

    [Fact]
    public async Task Slow_before_delays_the_handler_and_slow_after_the_answer()
    {
        var server = fx.Server("3.4");
        var admin = fx.Admin("3.4");

        // before: a client that gives up during the delay leaves nothing behind (the handler never ran).
        using var impatient = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(1) };
        var hurried = new DsClient(impatient, admin.BaseUri) { SessionId = admin.SessionId };
        server.Faults.Add(Rule(FaultKind.Slow, "/projects", "POST", count: 1, delayMs: 10_000));
        var never = SandboxPair.Unique("p");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hurried.Post("/projects", ("projectName", never)));
        var entry = await Eventually(() => Task.FromResult(server.Requests.FirstOrDefault(r => r.Fault == "slow")), r => r is not null);
        Assert.Equal(0, entry!.HttpStatus); // no answer was sent
        Assert.False(await ProjectExists(admin, never));

        // after: the project exists while its answer is still being held back.
        server.Faults.Add(Rule(FaultKind.Slow, "/projects", "POST", count: 1, delayMs: 8_000, when: FaultTiming.After));
        var late = SandboxPair.Unique("p");
        var pending = admin.Post("/projects", ("projectName", late));
        Assert.True(await Eventually(() => ProjectExists(admin, late), exists => exists));
        Assert.False(pending.IsCompleted);
        Assert.Equal(0, (await pending).Code);
        Assert.Equal(("slow", 201), (server.Requests.Single(r => r.Fault == "slow" && r.Code == 0).Fault, server.Requests.Single(r => r.Fault == "slow" && r.Code == 0).HttpStatus));
    }

    [Fact]
    public async Task Truncate_html_and_unauthorized_answers()
    {
        var server = fx.Server("3.4");
        var admin = fx.Admin("3.4");
        var full = (await admin.Get("/users/get-user-info")).Body;

        server.Faults.Add(Rule(FaultKind.Truncate, "/users/get-user-info", count: 1));
        var cut = await admin.Get("/users/get-user-info");
        Assert.Equal(HttpStatusCode.OK, cut.Status);
        Assert.Equal(full[..(Encoding.UTF8.GetByteCount(full) / 2)], cut.Body);
        Assert.ThrowsAny<JsonException>(() => cut.Json);

        server.Faults.Add(Rule(FaultKind.Html, "/users/get-user-info", count: 1));
        var html = await admin.Get("/users/get-user-info");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (html.Status, html.ContentType));
        Assert.StartsWith("<!DOCTYPE html>", html.Body);

        server.Faults.Add(Rule(FaultKind.Unauthorized, "/users/get-user-info", count: 1));
        var expired = await admin.Get("/users/get-user-info");
        Assert.Equal((HttpStatusCode.Unauthorized, ""), (expired.Status, expired.Body));

        server.Faults.Add(Rule(FaultKind.Unauthorized, "/projects", "POST", count: 1, when: FaultTiming.After));
        var name = SandboxPair.Unique("p");
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.Post("/projects", ("projectName", name))).Status);
        Assert.True(await ProjectExists(admin, name));

        server.Faults.Add(Rule(FaultKind.Status, "/projects", "POST", count: 1, when: FaultTiming.After, status: 504));
        var gateway = SandboxPair.Unique("p");
        var timedOut = await admin.Post("/projects", ("projectName", gateway));
        Assert.Equal((HttpStatusCode.GatewayTimeout, ""), (timedOut.Status, timedOut.Body));
        Assert.True(await ProjectExists(admin, gateway));

        Assert.Equal(["truncate", "html", "unauthorized", "unauthorized", "status"], server.Requests.Where(r => r.Fault is not null).Select(r => r.Fault));
        Assert.Equal([200, 200, 401, 401, 504], server.Requests.Where(r => r.Fault is not null).Select(r => r.HttpStatus));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Faults_apply_to_uploads_and_downloads(string v)
    {
        var server = fx.Server(v);
        var admin = fx.Admin(v);
        var root = (await admin.Get("/resources/base-dir", ("type", "FILE"))).Data.GetString()!;
        if (v == "3.2")
            root += "/default/resources/"; // admins get the storage root on 3.2
        string FullName(string name) => v == "3.2" ? root + name : root + "/" + name;
        var content = new byte[1 << 20];
        new Random(7).NextBytes(content);
        Task<DsResponse> Upload(string name) => admin.Multipart(HttpMethod.Post, "/resources", [("type", "FILE"), ("name", name), ("currentDir", root)], (name, content));
        async Task<bool> Listed(string name)
            => (await admin.Get("/resources", [("fullName", root), ("type", "FILE"), ("searchVal", name), ("pageNo", 1), ("pageSize", 10), .. v == "3.2" ? new[] { ("tenantCode", (object?)"default") } : []]))
                .Data.GetProperty("totalList").EnumerateArray().Any(e => e.GetProperty("fullName").GetString() == FullName(name));

        server.Faults.Add(Rule(FaultKind.Drop, "/resources", "POST", count: 1));
        var lost = SandboxPair.Unique("lost") + ".bin";
        await Assert.ThrowsAsync<HttpRequestException>(() => Upload(lost));
        Assert.False(await Listed(lost));

        server.Faults.Add(Rule(FaultKind.Drop, "/resources", "POST", count: 1, when: FaultTiming.After));
        var kept = SandboxPair.Unique("kept") + ".bin";
        await Assert.ThrowsAsync<HttpRequestException>(() => Upload(kept));
        Assert.True(await Listed(kept));

        // A download dropped mid-body: headers with the full length, then half the bytes, then a dead connection.
        server.Faults.Add(Rule(FaultKind.Drop, "/resources/download", "GET", count: 1, when: FaultTiming.During));
        using (var request = new HttpRequestMessage(HttpMethod.Get, admin.BaseUri + "/resources/download?fullName=" + Uri.EscapeDataString(FullName(kept))))
        {
            request.Headers.Add("sessionId", admin.SessionId);
            using var response = await fx.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal((HttpStatusCode.OK, (long?)content.Length), (response.StatusCode, response.Content.Headers.ContentLength));
            var received = new MemoryStream();
            await using var body = await response.Content.ReadAsStreamAsync();
            await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(received));
            Assert.True(received.Length < content.Length, $"received {received.Length} of {content.Length} bytes");
        }

        server.Faults.Add(Rule(FaultKind.Truncate, "/resources/download", "GET", count: 1));
        var half = await ResourceHelpers.Download(fx.Http, admin, FullName(kept));
        Assert.Equal(content[..(content.Length / 2)], half.Bytes);

        server.Faults.Add(Rule(FaultKind.Status, "^/resources/download$", "GET", count: 1, status: 502, when: FaultTiming.After));
        Assert.Equal(HttpStatusCode.BadGateway, (await ResourceHelpers.Download(fx.Http, admin, FullName(kept))).Status);
        Assert.Equal(content, (await ResourceHelpers.Download(fx.Http, admin, FullName(kept))).Bytes);

        Assert.Equal(["drop", "drop", "drop", "truncate", "status"], server.Requests.Where(r => r.Fault is not null).Select(r => r.Fault));
        Assert.Equal(2, server.Requests.Count(r => r.Path.EndsWith("/resources", StringComparison.Ordinal) && r.Method == "POST"));
    }

    [Fact]
    public async Task Paths_match_by_prefix_or_regex_and_method_and_never_touch_control_endpoints()
    {
        var server = fx.Server("3.4");
        var admin = fx.Admin("3.4");
        server.Faults.Add(Rule(FaultKind.Status, "^/projects/\\d+$", "DELETE", status: 500));
        server.Faults.Add(Rule(FaultKind.Status, "/dolphinscheduler/access-tokens", status: 429));
        server.Faults.Add(Rule(FaultKind.Unauthorized, "*", "PATCH"));

        var code = (await admin.Post("/projects", ("projectName", SandboxPair.Unique("p")))).Data.GetProperty("code").GetInt64();
        Assert.Equal(0, (await admin.Get($"/projects/{code}")).Code);
        Assert.Equal(HttpStatusCode.InternalServerError, (await admin.Delete($"/projects/{code}")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await admin.Get("/access-tokens", ("pageNo", 1), ("pageSize", 10))).Status);
        Assert.Equal(HttpStatusCode.OK, (await fx.Http.GetAsync(fx.Control("3.4"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fx.Http.GetAsync(server.BaseUri.GetLeftPart(UriPartial.Authority) + "/_sandbox/requests")).StatusCode);
    }

    [Fact]
    public async Task Rules_come_from_the_command_line_and_options()
    {
        var options = CommandLine.Parse(["--fault", """{"path":"/login","kind":"unauthorized","count":1}""", "--fault", """[{"kind":"html","path":"/x"}]"""], out var error);
        Assert.Null(error);
        Assert.Equal([FaultKind.Unauthorized, FaultKind.Html], options!.Faults.Select(f => f.Kind!.Value));
        Assert.Null(CommandLine.Parse(["--fault", """{"kind":"nope"}"""], out error));
        Assert.StartsWith("--fault: invalid fault rule JSON", error);
        Assert.Null(CommandLine.Parse(["--fault", """{"kind":"truncate","when":"before"}"""], out error));
        Assert.Contains("truncate", error);

        options.ServerVersion = "3.4";
        options.Port = 0;
        await using var server = await SandboxServer.StartAsync(options);
        var anon = new DsClient(fx.Http, server.BaseUri);
        var first = await anon.Post("/login", ("userName", "admin"), ("userPassword", SandboxPair.AdminPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Equal(0, (await anon.Post("/login", ("userName", "admin"), ("userPassword", SandboxPair.AdminPassword))).Code);
    }
}
