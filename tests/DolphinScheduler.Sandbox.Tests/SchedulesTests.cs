using System.Text.Json;
using static DolphinScheduler.Sandbox.Tests.Infrastructure.Workflows;

namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class SchedulesTests(SandboxPair sandbox)
{
    private static string Schedule(string start, string end, string cron, string zone = "Asia/Shanghai")
        => JsonSerializer.Serialize(new { startTime = start, endTime = end, crontab = cron, timezoneId = zone });

    private static readonly string Yearly = Schedule("2030-01-01 00:00:00", "2125-01-01 00:00:00", "0 0 2 * * ? *");

    private async Task<(DsClient Admin, long ProjectCode, long Code, string Name)> OnlineWorkflow(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (code, _, name) = await CreateSimple(admin, v, projectCode);
        Assert.Equal(0, (await Release(admin, v, projectCode, code, "ONLINE")).Code);
        return (admin, projectCode, code, name);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_needs_an_online_workflow_and_allows_one_schedule(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (code, _, _) = await CreateSimple(admin, v, projectCode);
        var path = $"/projects/{projectCode}/schedules";

        var offline = await admin.Post(path, (CodeParam(v), code), ("schedule", Yearly));
        var word = v == "3.2" ? "process" : "workflow";
        Assert.Equal((HttpStatusCode.OK, 50004, $"{word} definition {code:#,##0} {word} version 1 not online"), (offline.Status, offline.Code, offline.Msg));
        var unknown = await admin.Post(path, (CodeParam(v), 42), ("schedule", Yearly));
        Assert.Equal((HttpStatusCode.OK, 10076), (unknown.Status, unknown.Code));

        Assert.Equal(0, (await Release(admin, v, projectCode, code, "ONLINE")).Code);
        var created = await admin.Post(path, (CodeParam(v), code), ("schedule", Yearly), ("warningType", "FAILURE"), ("warningGroupId", 2),
            (PriorityParam(v), "HIGH"), ("tenantCode", "default"));
        Assert.Equal((HttpStatusCode.Created, 0), (created.Status, created.Code));
        var data = created.Data;
        Assert.Equal((code, "OFFLINE", "0 0 2 * * ? *", "Asia/Shanghai", "FAILURE"), (data.GetProperty(CodeParam(v)).GetInt64(),
            data.GetProperty("releaseState").GetString(), data.GetProperty("crontab").GetString(), data.GetProperty("timezoneId").GetString(),
            data.GetProperty("warningType").GetString()));
        Assert.Equal(("2030-01-01 00:00:00", "2125-01-01 00:00:00", "HIGH", "CONTINUE"), (data.GetProperty("startTime").GetString(),
            data.GetProperty("endTime").GetString(), data.GetProperty(PriorityParam(v)).GetString(), data.GetProperty("failureStrategy").GetString()));
        var id = data.GetProperty("id").GetInt32();

        var again = await admin.Post(path, (CodeParam(v), code), ("schedule", Yearly));
        Assert.Equal((HttpStatusCode.Created, 10204, $"workflow {code:#,##0} schedule {id} already exist, please update or delete it"),
            (again.Status, again.Code, again.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Create_checks_times_cron_and_tenant(string v)
    {
        var (admin, projectCode, code, _) = await OnlineWorkflow(v);
        var path = $"/projects/{projectCode}/schedules";
        async Task<DsResponse> Try(string schedule, string tenant = "default") => await admin.Post(path, (CodeParam(v), code), ("schedule", schedule), ("tenantCode", tenant));

        var same = await Try(Schedule("2030-01-01 00:00:00", "2030-01-01 00:00:00", "0 0 2 * * ?"));
        Assert.Equal((HttpStatusCode.Created, 10141), (same.Status, same.Code));
        Assert.Equal(10141, (await Try("{\"crontab\":\"0 0 2 * * ?\"}")).Code); // missing times compare as "same"
        var reversed = await Try(Schedule("2031-01-01 00:00:00", "2030-01-01 00:00:00", "0 0 2 * * ?"));
        Assert.Equal((HttpStatusCode.Created, 80003, "start time bigger than end time error"), (reversed.Status, reversed.Code, reversed.Msg));
        var badCron = await Try(Schedule("2030-01-01 00:00:00", "2031-01-01 00:00:00", "0 0 2 * * *"));
        Assert.Equal((HttpStatusCode.Created, 10001, "request parameter 0 0 2 * * * is not valid"), (badCron.Status, badCron.Code, badCron.Msg));
        Assert.Equal((HttpStatusCode.OK, 10076), ((await Try("not json")).Status, (await Try("not json")).Code));
        var tenant = await Try(Yearly, "no-such-tenant");
        Assert.Equal((HttpStatusCode.OK, 10017, "tenant [no-such-tenant] not exists"), (tenant.Status, tenant.Code, tenant.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task List_update_online_offline_delete(string v)
    {
        var (admin, projectCode, code, name) = await OnlineWorkflow(v);
        var path = $"/projects/{projectCode}/schedules";
        var id = (await admin.Post(path, (CodeParam(v), code), ("schedule", Yearly))).Data.GetProperty("id").GetInt32();

        var page = await admin.Get(path, ("pageNo", 1), ("pageSize", 10), (CodeParam(v), code));
        var vo = Assert.Single(page.Data.GetProperty("totalList").EnumerateArray());
        Assert.Equal((id, name, "admin", "2030-01-01 00:00:00"), (vo.GetProperty("id").GetInt32(),
            vo.GetProperty(v == "3.2" ? "processDefinitionName" : "workflowDefinitionName").GetString(),
            vo.GetProperty("userName").GetString(), vo.GetProperty("startTime").GetString()));
        Assert.Equal(50003, (await admin.Get(path, ("pageNo", 1), ("pageSize", 10), (CodeParam(v), 42))).Code);
        var all = await admin.Post(path + "/list");
        Assert.Equal(id, Assert.Single(all.Data.EnumerateArray()).GetProperty("id").GetInt32());

        var updated = await admin.Put($"{path}/{id}", ("schedule", Schedule("2030-02-01 00:00:00", "2031-01-01 00:00:00", "0 30 6 ? * MON-FRI", "UTC")));
        Assert.Equal((0, "0 30 6 ? * MON-FRI", "END"), (updated.Code, updated.Data.GetProperty("crontab").GetString(),
            updated.Data.GetProperty("failureStrategy").GetString()));
        var badCron = await admin.Put($"{path}/{id}", ("schedule", Schedule("2030-02-01 00:00:00", "2031-01-01 00:00:00", "nope")));
        Assert.Equal((10024, "scheduler crontab expression validation failure: nope"), (badCron.Code, badCron.Msg));
        var noGroup = await admin.Put($"{path}/update/{code}", ("schedule", Yearly));
        Assert.Equal(10077, noGroup.Code); // warningGroupId must be sent on update-by-code
        var byCode = await admin.Put($"{path}/update/{code}", ("schedule", Yearly), ("warningGroupId", 3));
        Assert.Equal((0, 3), (byCode.Code, byCode.Data.GetProperty("warningGroupId").GetInt32()));
        Assert.Equal(10022, (await admin.Put($"{path}/update/42", ("schedule", Yearly), ("warningGroupId", 3))).Code);
        Assert.Equal(10203, (await admin.Put($"{path}/999999", ("schedule", Yearly))).Code);

        Assert.True((await admin.Post($"{path}/{id}/online")).Data.GetBoolean());
        Assert.Equal(10023, (await admin.Put($"{path}/{id}", ("schedule", Yearly))).Code);
        var deleteOnline = await admin.Delete($"{path}/{id}");
        Assert.Equal((50023, $"the status of schedule {id} is already online"), (deleteOnline.Code, deleteOnline.Msg));
        Assert.True((await admin.Post($"{path}/{id}/offline")).Data.GetBoolean());

        Assert.Equal(0, (await Release(admin, v, projectCode, code, "OFFLINE")).Code);
        var word = v == "3.2" ? "process" : "workflow";
        var onlineAgain = await admin.Post($"{path}/{id}/online");
        Assert.Equal((50004, $"{word} definition {name} {word} version {{1}} not online"), (onlineAgain.Code, onlineAgain.Msg));
        Assert.Equal(0, (await admin.Post($"{path}/999999/online")).Code); // unknown id: nothing happens

        Assert.Equal(0, (await admin.Delete($"{path}/{id}")).Code);
        Assert.Equal(10203, (await admin.Delete($"{path}/{id}")).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task A_tenant_used_by_a_schedule_cannot_be_deleted(string v)
    {
        var (admin, projectCode, code, _) = await OnlineWorkflow(v);
        var tenantCode = SandboxPair.Unique("t");
        var tenant = await admin.Post("/tenants", ("tenantCode", tenantCode), ("queueId", 1));
        Assert.Equal(0, tenant.Code);
        var created = await admin.Post($"/projects/{projectCode}/schedules", (CodeParam(v), code), ("schedule", Yearly), ("tenantCode", tenantCode));
        Assert.Equal((0, tenantCode), (created.Code, created.Data.GetProperty("tenantCode").GetString()));
        Assert.Equal(10143, (await admin.Delete($"/tenants/{tenant.Data.GetProperty("id").GetInt32()}")).Code);
    }

    public static TheoryData<string, string, string, string[]> PreviewCases() => new()
    {
        // startTime is read in the server zone (UTC): 2030-01-01 00:00 UTC is 08:00 in Shanghai, so the first 02:00 is the 2nd.
        { "daily 02:00 Shanghai", "0 0 2 * * ? *", "Asia/Shanghai",
            ["2030-01-02 02:00:00", "2030-01-03 02:00:00", "2030-01-04 02:00:00", "2030-01-05 02:00:00", "2030-01-06 02:00:00"] },
        { "every 15 minutes", "0 */15 * * * ?", "UTC",
            ["2030-01-01 00:15:00", "2030-01-01 00:30:00", "2030-01-01 00:45:00", "2030-01-01 01:00:00", "2030-01-01 01:15:00"] },
        { "weekdays noon", "0 0 12 ? * MON-FRI", "UTC",
            ["2030-01-01 12:00:00", "2030-01-02 12:00:00", "2030-01-03 12:00:00", "2030-01-04 12:00:00", "2030-01-07 12:00:00"] },
        { "last day of month", "0 0 0 L * ?", "UTC",
            ["2030-01-31 00:00:00", "2030-02-28 00:00:00", "2030-03-31 00:00:00", "2030-04-30 00:00:00", "2030-05-31 00:00:00"] },
        { "third Friday", "0 0 10 ? * 6#3", "UTC",
            ["2030-01-18 10:00:00", "2030-02-15 10:00:00", "2030-03-15 10:00:00", "2030-04-19 10:00:00", "2030-05-17 10:00:00"] },
        { "nearest weekday to the 15th", "0 0 9 15W * ?", "UTC",
            ["2030-01-15 09:00:00", "2030-02-15 09:00:00", "2030-03-15 09:00:00", "2030-04-15 09:00:00", "2030-05-15 09:00:00"] },
        { "until the end time", "0 0 0 1 1 ? 2030-2031", "UTC",
            ["2031-01-01 00:00:00"] },
    };

    [Theory]
    [MemberData(nameof(PreviewCases))]
    public async Task Preview_lists_the_next_five_fire_times(string title, string cron, string zone, string[] expected)
    {
        _ = title;
        foreach (var v in new[] { "3.2", "3.4" })
        {
            var r = await sandbox.Admin(v).Post("/projects/1/schedules/preview",
                ("schedule", Schedule("2030-01-01 00:00:00", "2031-06-01 00:00:00", cron, zone)));
            Assert.Equal((HttpStatusCode.Created, 0), (r.Status, r.Code));
            Assert.Equal(expected, r.Data.EnumerateArray().Select(x => x.GetString()!).ToArray());
        }
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Preview_errors(string v)
    {
        var admin = sandbox.Admin(v);
        var bad = await admin.Post("/projects/1/schedules/preview", ("schedule", Schedule("2030-01-01 00:00:00", "2031-01-01 00:00:00", "0 0 2 * *")));
        Assert.Equal((HttpStatusCode.Created, 10140, "parse cron to cron expression error"), (bad.Status, bad.Code, bad.Msg));
        var noZone = await admin.Post("/projects/1/schedules/preview", ("schedule", "{\"startTime\":\"2030-01-01 00:00:00\",\"endTime\":\"2031-01-01 00:00:00\",\"crontab\":\"0 0 2 * * ?\"}"));
        Assert.Equal((HttpStatusCode.OK, 10139), (noZone.Status, noZone.Code));
    }
}
