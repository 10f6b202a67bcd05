using System.Net.Http.Json;
using System.Text.Json;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>GET/DELETE /_sandbox/stats (benchmarks) and how envelopes are framed.</summary>
public sealed class StatsTests
{
    [Fact]
    public async Task Stats_count_wire_bytes_and_time_per_endpoint_until_reset()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0 });
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false });
        var root = server.BaseUri.GetLeftPart(UriPartial.Authority);
        var admin = await new DsClient(http, server.BaseUri).Login("admin", SandboxPair.AdminPassword);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync(root + "/_sandbox/stats")).StatusCode);

        var answer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, server.BaseUri + "/projects?pageNo=1&pageSize=10") { Headers = { { "sessionId", admin.SessionId } } });
        var body = await answer.Content.ReadAsByteArrayAsync();
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32());
        // A small envelope goes out in one piece with its length (Jetty's 32 KB buffer).
        Assert.Equal(body.Length, answer.Content.Headers.ContentLength);

        var stats = await http.GetFromJsonAsync<JsonElement>(root + "/_sandbox/stats");
        var endpoint = stats.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "GET /projects");
        Assert.Equal(1, endpoint.GetProperty("count").GetInt64());
        Assert.True(endpoint.GetProperty("totalMs").GetDouble() >= endpoint.GetProperty("handlerMs").GetDouble());
        // Everything the client received: the answer's headers and body (the stats request itself is still being written).
        Assert.True(stats.GetProperty("bytesOut").GetInt64() > body.Length);
        Assert.True(stats.GetProperty("bytesIn").GetInt64() > 0);

        await http.DeleteAsync(root + "/_sandbox/stats");
        var reset = await http.GetFromJsonAsync<JsonElement>(root + "/_sandbox/stats");
        Assert.Empty(reset.GetProperty("endpoints").EnumerateArray());
    }
}
