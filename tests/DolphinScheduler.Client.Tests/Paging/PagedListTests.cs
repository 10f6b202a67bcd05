using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Tests.Fakes;

namespace DolphinScheduler.Client.Tests.Paging;

public class PagedListTests
{
    private static FakeDsServer ServerWithProjects(int count)
    {
        var server = new FakeDsServer("3.4");
        server.Respond(r => r.Method == "GET" && r.Path == "/projects", r =>
        {
            var pageNo = int.Parse(r.Param("pageNo")!);
            var pageSize = int.Parse(r.Param("pageSize")!);
            var items = Enumerable.Range((pageNo - 1) * pageSize, Math.Max(0, Math.Min(pageSize, count - (pageNo - 1) * pageSize)))
                .Select(i => "{\"code\":" + (1000 + i) + ",\"name\":\"p" + i + "\"}");
            var totalPage = Math.Max(1, (count + pageSize - 1) / pageSize);
            return FakeDsServer.Envelope(0, "{\"totalList\":[" + string.Join(",", items) + "],\"total\":" + count + ",\"totalPage\":" + totalPage + ",\"pageSize\":" + pageSize + ",\"currentPage\":" + pageNo + ",\"pageNo\":" + (pageNo - 1) * pageSize + "}");
        });
        return server;
    }

    [Fact]
    public async Task StreamsEveryItemAcrossPagesInOrder()
    {
        var server = ServerWithProjects(25);
        using var client = await TestConnections.ConnectAsync(server);
        var names = client.Projects.List(null, new PageRequest { PageSize = 10 }).Select(p => p.Name).ToList();
        Assert.Equal(Enumerable.Range(0, 25).Select(i => "p" + i), names);
        Assert.Equal(3, server.CallsAfterConnect.Count());
    }

    [Fact]
    public async Task SkipStartsAtTheRightPageAndFirstStopsEarly()
    {
        var server = ServerWithProjects(100);
        using var client = await TestConnections.ConnectAsync(server);
        var names = client.Projects.List(null, new PageRequest { PageSize = 10, Skip = 35, First = 3 }).Select(p => p.Name).ToList();
        Assert.Equal(new[] { "p35", "p36", "p37" }, names);
        Assert.Equal("4", server.CallsAfterConnect.First().Param("pageNo"));
        Assert.Single(server.CallsAfterConnect);
    }

    [Fact]
    public async Task NothingIsFetchedUntilEnumerated()
    {
        var server = ServerWithProjects(5);
        using var client = await TestConnections.ConnectAsync(server);
        var list = client.Projects.List(null, PageRequest.All);
        Assert.Empty(server.CallsAfterConnect);
        Assert.Equal(5, list.Count());
        Assert.Equal(5, list.Total);
    }

    [Fact]
    public async Task StartRequestsTheFirstPageAtOnceAndEnumerationUsesIt()
    {
        var server = ServerWithProjects(25);
        using var client = await TestConnections.ConnectAsync(server);
        var list = client.Projects.List(null, new PageRequest { PageSize = 10, Skip = 12 }).Start();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server.CallsAfterConnect.Any() && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal("2", Assert.Single(server.CallsAfterConnect).Param("pageNo"));
        Assert.Equal(Enumerable.Range(12, 13).Select(i => "p" + i), list.Select(p => p.Name));
        // The started page was used, not requested again: pages 2 and 3 only.
        Assert.Equal(new[] { "2", "3" }, server.CallsAfterConnect.Select(c => c.Param("pageNo")));
    }

    [Fact]
    public async Task ItemsOfAPageAreMappedWhenRead()
    {
        var server = ServerWithProjects(3);
        using var client = await TestConnections.ConnectAsync(server);
        using var items = client.Projects.List(null, new PageRequest { PageSize = 10 }).GetEnumerator();
        Assert.True(items.MoveNext());
        var first = items.Current;
        Assert.Equal("p0", first.Name);
        Assert.Same(client.Connection, first.Connection);
        Assert.True(items.MoveNext());
        Assert.True(items.MoveNext());
        Assert.Equal("p2", items.Current.Name);
        Assert.False(items.MoveNext());
    }
}
