using DolphinScheduler.Client.Paging;
using Xunit;

namespace DolphinScheduler.Client.Tests.Instances;

public class ListAcrossProjectsTests
{
    // Per project: instance id -> start minute; each project's list is served newest first in real pages.
    private static readonly Dictionary<long, (int Id, int Minute)[]> Runs = new()
    {
        [1] = new[] { (11, 50), (12, 20), (13, 5) },
        [2] = new[] { (21, 40), (22, 30), (23, 10), (24, 1) },
        [3] = new[] { (31, 45) },
    };

    private static FakeDs Server(DsServerVersion version)
    {
        var fake = new FakeDs();
        fake.Route = r =>
        {
            var project = long.Parse(r.Path.Split('/')[2]);
            var pageNo = int.Parse(r.Query["pageNo"]);
            var pageSize = int.Parse(r.Query["pageSize"]);
            var all = Runs[project].OrderByDescending(x => x.Minute).ToList();
            var items = all.Skip((pageNo - 1) * pageSize).Take(pageSize)
                .Select(x => (object)Wire.Instance(version, x.Id, "SUCCESS", projectCode: project, startTime: "2024-05-01 10:" + x.Minute.ToString("00") + ":00", endTime: "2024-05-01 11:00:00"));
            var totalPage = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
            return new { totalList = items.ToList(), total = all.Count, totalPage, pageSize, currentPage = pageNo, pageNo = (pageNo - 1) * pageSize };
        };
        return fake;
    }

    [Theory]
    [InlineData(DsServerVersion.V3_2)]
    [InlineData(DsServerVersion.V3_4)]
    public void Merges_every_projects_instances_newest_first(DsServerVersion version)
    {
        var fake = Server(version);
        var ids = fake.Client(version).Instances.ListAcrossProjects(new long[] { 1, 2, 3 }, null, new PageRequest { PageSize = 2 }).Select(i => i.Id).ToList();
        Assert.Equal(new[] { 11, 31, 21, 22, 12, 23, 13, 24 }, ids);
    }

    [Fact]
    public void A_first_limit_per_project_asks_each_project_for_one_small_page()
    {
        var fake = Server(DsServerVersion.V3_4);
        var ids = fake.Client(DsServerVersion.V3_4).Instances.ListAcrossProjects(new long[] { 1, 2, 3 }, null, new PageRequest { PageSize = 2, First = 2 }).Take(2).Select(i => i.Id).ToList();
        Assert.Equal(new[] { 11, 31 }, ids);
        Assert.Equal(3, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Equal("1", r.Query["pageNo"]));
    }

    [Fact]
    public void Newest_first_breaks_start_time_ties_by_end_time_then_id_and_puts_unset_times_last()
    {
        var v = DsServerVersion.V3_4;
        var fake = new FakeDs();
        fake.Route = r => Wire.Page(new object[]
        {
            Wire.Instance(v, 1, "SUCCESS", startTime: "2024-05-01 10:00:00", endTime: "2024-05-01 10:05:00"),
            Wire.Instance(v, 2, "RUNNING_EXECUTION", startTime: "2024-05-01 10:00:00", endTime: null),
            Wire.Instance(v, 3, "SUCCESS", startTime: "2024-05-01 10:00:00", endTime: "2024-05-01 10:09:00"),
            Wire.Instance(v, 4, "SUCCESS", startTime: "2024-05-01 11:00:00", endTime: "2024-05-01 11:01:00"),
            Wire.Instance(v, 5, "SUCCESS", startTime: "2024-05-01 10:00:00", endTime: "2024-05-01 10:05:00"),
        });
        var ids = fake.Client(v).Instances.List(7, null, PageRequest.All).OrderBy(i => i, InstanceOrder.NewestFirst).Select(i => i.Id);
        Assert.Equal(new[] { 4, 3, 5, 1, 2 }, ids);
    }
}
