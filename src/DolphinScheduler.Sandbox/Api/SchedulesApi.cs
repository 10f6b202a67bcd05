using System.Text.Json;
using DolphinScheduler.Sandbox.Api.Schedules;
using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Api.Workflows;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /projects/{projectCode}/schedules (README §6 "Schedules"; SchedulerServiceImpl, identical in 3.2.2 and dev-2501;
/// research doc Q8). Schedules are stored, not fired: firing belongs to the execution engine, which reads
/// <see cref="SandboxStore.Schedules"/> and can use <see cref="QuartzCron"/>.
/// </summary>
public static class SchedulesApi
{
    /// <summary>Constants.PREVIEW_SCHEDULE_EXECUTE_COUNT.</summary>
    public const int PreviewCount = 5;

    public static IEndpointRouteBuilder MapSchedules(this IEndpointRouteBuilder app)
    {
        var store = app.ServiceProvider.GetRequiredService<SandboxStore>();
        store.Hooks.CountSchedulesOfTenant = tenantCode => store.Schedules.All.Count(x => x.TenantCode == tenantCode);

        const string Base = "/projects/{projectCode}/schedules";
        app.MapDs("POST", Base, Create);
        app.MapDs("PUT", Base + "/{id}", UpdateById);
        app.MapDs("PUT", Base + "/update/{code}", UpdateByWorkflowCode);
        app.MapDs("POST", Base + "/{id}/online", Online);
        app.MapDs("POST", Base + "/{id}/offline", Offline);
        app.MapDs("GET", Base, ListPaging);
        app.MapDs("POST", Base + "/list", ListAll);
        app.MapDs("DELETE", Base + "/{id}", Delete);
        app.MapDs("POST", Base + "/preview", Preview);
        return app;
    }

    /// <summary>ScheduleParam as JSONUtils.parseObject reads it; null when Jackson fails.</summary>
    private sealed record ScheduleParam(DateTime? StartTime, DateTime? EndTime, string? Crontab, string? TimezoneId);

    private static ScheduleParam? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var o = doc.RootElement;
            if (o.ValueKind != JsonValueKind.Object)
                return null;
            return new ScheduleParam(DefinitionPayload.DateField(o, "startTime"), DefinitionPayload.DateField(o, "endTime"),
                Lenient.String(o, "crontab"), Lenient.String(o, "timezoneId"));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>DateUtils.differSec: 0 when either is null or they are less than a second apart.</summary>
    private static bool SameSecond(DateTime? a, DateTime? b)
        => a is null || b is null || Math.Ceiling(Math.Abs((a.Value - b.Value).TotalMilliseconds) / 1000.0) == 0;

    // insertSchedule (HTTP 201 for returned errors): project (10018/30002), the workflow (unknown: NullPointerException
    // -> 10076; other project 50003; not ONLINE 50004; offline sub-workflow 50004), one per workflow (10204), tenant
    // (10017), times (10141 also when missing, 80003), cron (10001). New schedules are OFFLINE. The answer is the row
    // as selectById reads it (no joined names).
    private static DsResult Create(DsRequest r)
    {
        var s = r.Store;
        var project = ProjectAccess.ByCode(s, r.Long("projectCode"));
        if (ProjectAccess.CheckAuthorizedByCode(s, r.User, project) is { } denied)
            return denied;
        var code = r.Long("workflowDefinitionCode");
        var definition = WorkflowDags.Definition(s, code) ?? throw new NullReferenceException("null");
        DefinitionChecks.CheckRunnable(r.Store, r.Flavor, project!.Code, definition);
        if (WorkflowDags.Schedule(s, code) is { } exists)
            return DsResult.Error(DsStatuses.ScheduleAlreadyExists, code, exists.Id);
        var tenantCode = r.Str("tenantCode");
        CheckValidTenant(s, tenantCode);
        var param = Parse(r.Str("schedule")) ?? throw new NullReferenceException("null");
        if (SameSecond(param.StartTime, param.EndTime))
            return DsResult.Error(DsStatuses.ScheduleStartTimeEndTimeSame);
        if (param.StartTime > param.EndTime)
            return DsResult.Error(DsStatuses.StartTimeBiggerThanEndTimeError);
        if (param.Crontab is null)
            throw new NullReferenceException("expression"); // cron-utils checkNotNull
        if (!QuartzCron.IsValid(param.Crontab))
            return DsResult.Error(DsStatuses.RequestParamsNotValidError, param.Crontab);

        var now = r.Now;
        var row = s.Schedules.Insert(new ScheduleRow
        {
            WorkflowDefinitionCode = code,
            StartTime = param.StartTime!.Value,
            EndTime = param.EndTime!.Value,
            TimezoneId = param.TimezoneId,
            Crontab = param.Crontab,
            WarningType = WarningType(r),
            WarningGroupId = r.Int("warningGroupId"),
            FailureStrategy = FailureStrategy(r),
            CreateTime = now,
            UpdateTime = now,
            UserId = r.User.Id,
            ReleaseState = ReleaseState.OFFLINE,
            WorkflowInstancePriority = Priority(r),
            WorkerGroup = r.Str("workerGroup"),
            TenantCode = tenantCode,
            EnvironmentCode = r.LongOrNull("environmentCode"),
        });
        definition.WarningGroupId = row.WarningGroupId;
        return DsResult.Ok(ScheduleView.Columns(row));
    }

    /// <summary>checkValidTenant: "default" needs no tenant row; any other code must exist (thrown 10017).</summary>
    private static void CheckValidTenant(SandboxStore s, string? tenantCode)
    {
        if (tenantCode != "default" && s.Tenants.All.All(t => t.TenantCode != tenantCode))
            throw new DsServiceException(DsStatuses.TenantNotExist, tenantCode);
    }

    private static WarningType? WarningType(DsRequest r) => r.Enum("warningType") is { } v ? Enum.Parse<WarningType>(v) : null;

    private static FailureStrategy? FailureStrategy(DsRequest r) => r.Enum("failureStrategy") is { } v ? Enum.Parse<FailureStrategy>(v) : null;

    private static Priority? Priority(DsRequest r) => r.Enum("workflowInstancePriority") is { } v ? Enum.Parse<Priority>(v) : null;

    // updateSchedule by id: project (10018/30002 returned), schedule (10203), its workflow in this project (50003).
    private static DsResult UpdateById(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        var project = ProjectAccess.ByCode(s, projectCode);
        if (ProjectAccess.CheckAuthorizedByCode(s, r.User, project) is { } denied)
            return denied;
        var id = r.Int("id");
        var schedule = s.Schedules.Find(id);
        if (schedule is null)
            return DsResult.Error(DsStatuses.ScheduleNotExists, id);
        var definition = WorkflowDags.Definition(s, schedule.WorkflowDefinitionCode);
        if (definition is null || definition.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, Text(schedule.WorkflowDefinitionCode));
        return Update(r, schedule, definition);
    }

    // updateScheduleByWorkflowDefinitionCode: checkProjectAndAuth (10190/30002), the workflow's schedule (10022),
    // the workflow in this project (50003). warningGroupId has no default (the binder refuses a missing one).
    private static DsResult UpdateByWorkflowCode(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var code = r.Long("code");
        var schedule = WorkflowDags.Schedule(s, code);
        if (schedule is null)
            return DsResult.Error(DsStatuses.ScheduleCronNotExists, code);
        var definition = WorkflowDags.Definition(s, code);
        if (definition is null || definition.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, Text(code));
        return Update(r, schedule, definition);
    }

    // The private updateSchedule: ONLINE schedules cannot change (10023); tenant (thrown 10017); a non-empty schedule
    // JSON is re-read (unreadable 10140, 10141, 80003, bad cron 10024); the other fields are taken as sent
    // (warningType/failureStrategy only when given; priority even when absent).
    private static DsResult Update(DsRequest r, ScheduleRow schedule, WorkflowDefinitionRow definition)
    {
        if (schedule.ReleaseState == ReleaseState.ONLINE)
            return DsResult.Error(DsStatuses.ScheduleCronOnlineForbidUpdate);
        var tenantCode = r.Str("tenantCode");
        CheckValidTenant(r.Store, tenantCode);
        var json = r.Str("schedule");
        var start = schedule.StartTime;
        var end = schedule.EndTime;
        var crontab = schedule.Crontab;
        var zone = schedule.TimezoneId;
        if (!string.IsNullOrEmpty(json))
        {
            var param = Parse(json);
            if (param is null)
                return DsResult.Error(DsStatuses.ParseToCronExpressionError);
            if (SameSecond(param.StartTime, param.EndTime))
                return DsResult.Error(DsStatuses.ScheduleStartTimeEndTimeSame);
            if (param.StartTime > param.EndTime)
                return DsResult.Error(DsStatuses.StartTimeBiggerThanEndTimeError);
            if (param.Crontab is null)
                throw new NullReferenceException("expression");
            if (!QuartzCron.IsValid(param.Crontab))
                return DsResult.Error(DsStatuses.ScheduleCronCheckFailed, param.Crontab);
            (start, end, crontab, zone) = (param.StartTime!.Value, param.EndTime!.Value, param.Crontab, param.TimezoneId);
        }
        schedule.TenantCode = tenantCode;
        schedule.StartTime = start;
        schedule.EndTime = end;
        schedule.Crontab = crontab;
        schedule.TimezoneId = zone;
        if (WarningType(r) is { } warningType)
            schedule.WarningType = warningType;
        schedule.WarningGroupId = r.Int("warningGroupId");
        if (FailureStrategy(r) is { } failureStrategy)
            schedule.FailureStrategy = failureStrategy;
        schedule.WorkerGroup = r.Str("workerGroup");
        schedule.EnvironmentCode = r.LongOrNull("environmentCode");
        schedule.UpdateTime = r.Now;
        schedule.WorkflowInstancePriority = Priority(r);
        definition.WarningGroupId = schedule.WarningGroupId;
        return DsResult.Ok(ScheduleView.Columns(schedule));
    }

    // onlineScheduler (thrown): checkProjectAndAuthThrowException on the path's project; the schedule by id in any
    // project; an unknown id or an ONLINE schedule is a no-op; the workflow must be ONLINE (50004, "{1}" unfilled).
    private static DsResult Online(DsRequest r)
    {
        var s = r.Store;
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, r.Long("projectCode"));
        var schedule = s.Schedules.Find(r.Int("id"));
        if (schedule is null || schedule.ReleaseState == ReleaseState.ONLINE)
            return DsResult.Ok(true);
        var definition = WorkflowDags.Definition(s, schedule.WorkflowDefinitionCode) ?? throw new NullReferenceException("null");
        if (definition.ReleaseState != ReleaseState.ONLINE)
            throw new DsServiceException(DsStatuses.WorkflowDefinitionNotRelease, definition.Name);
        schedule.ReleaseState = ReleaseState.ONLINE;
        return DsResult.Ok(true);
    }

    private static DsResult Offline(DsRequest r)
    {
        var s = r.Store;
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, r.Long("projectCode"));
        var schedule = s.Schedules.Find(r.Int("id"));
        if (schedule is null || schedule.ReleaseState == ReleaseState.OFFLINE)
            return DsResult.Ok(true);
        schedule.ReleaseState = ReleaseState.OFFLINE;
        return DsResult.Ok(true);
    }

    // querySchedule: hasProjectAndPerm, Result variant (10018 / 30002 naming the project); a non-zero workflow code
    // must be a workflow of this project (50003). searchVal is accepted but not used by the query. Newest update first.
    private static DsResult ListPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        var project = ProjectAccess.ByCode(s, projectCode);
        if (ProjectAccess.CheckAuthorized(s, r.User, project) is { } denied)
            return denied;
        var code = r.Long("workflowDefinitionCode");
        if (code != 0)
        {
            var definition = WorkflowDags.Definition(s, code);
            if (definition is null || definition.ProjectCode != projectCode)
                return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, Text(code));
        }
        var rows = Joined(s).Where(x => x.Definition.ProjectCode == projectCode && (code == 0 || x.Schedule.WorkflowDefinitionCode == code))
            .OrderByDescending(x => x.Schedule.UpdateTime).ThenBy(x => x.Schedule.Id)
            .Select(x => ScheduleVoView.From(x.Schedule, x.Definition.Name, x.Project.Name, x.User.UserName))
            .ToList();
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    // queryScheduleList: every schedule of the project (joined by project name).
    private static DsResult ListAll(DsRequest r)
    {
        var s = r.Store;
        var project = ProjectAccess.ByCode(s, r.Long("projectCode"));
        if (ProjectAccess.CheckAuthorizedByCode(s, r.User, project) is { } denied)
            return denied;
        return DsResult.Ok(Joined(s).Where(x => x.Project.Name == project!.Name)
            .Select(x => ScheduleVoView.From(x.Schedule, x.Definition.Name, x.Project.Name, x.User.UserName)).ToList());
    }

    /// <summary>The schedule mapper's inner joins: definition, its project, the schedule's user.</summary>
    private static IEnumerable<(ScheduleRow Schedule, WorkflowDefinitionRow Definition, ProjectRow Project, UserRow User)> Joined(SandboxStore s)
    {
        foreach (var x in s.Schedules.All)
        {
            var d = WorkflowDags.Definition(s, x.WorkflowDefinitionCode);
            var p = d is null ? null : ProjectAccess.ByCode(s, d.ProjectCode);
            var u = s.Users.Find(x.UserId);
            if (d is not null && p is not null && u is not null)
                yield return (x, d, p, u);
        }
    }

    // deleteSchedulesById (thrown): 10203, ONLINE 50023, creator or admin (30001), permission on the workflow's project.
    private static DsResult Delete(DsRequest r)
    {
        var s = r.Store;
        var id = r.Int("id");
        var schedule = s.Schedules.Find(id) ?? throw new DsServiceException(DsStatuses.ScheduleNotExists, id);
        if (schedule.ReleaseState == ReleaseState.ONLINE)
            throw new DsServiceException(DsStatuses.ScheduleStateOnline, id);
        if (r.User.Id != schedule.UserId && !r.User.IsAdmin)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
        var definition = WorkflowDags.Definition(s, schedule.WorkflowDefinitionCode)
            ?? throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, schedule.WorkflowDefinitionCode);
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, definition.ProjectCode);
        s.Schedules.Remove(id);
        return DsResult.Ok();
    }

    // previewSchedule (HTTP 201): no project check; the next 5 fire times after max(now, startTime) up to endTime,
    // formatted in the schedule's zone (an unknown zone id is GMT, as java.util.TimeZone does). Unreadable JSON or a
    // missing zone/time is a NullPointerException (10139); a bad cron is returned 10140.
    private static DsResult Preview(DsRequest r)
    {
        var param = Parse(r.Str("schedule")) ?? throw new NullReferenceException("null");
        if (param.TimezoneId is null || param.StartTime is null || param.EndTime is null)
            throw new NullReferenceException("null");
        var zone = JavaZone.TryFind(param.TimezoneId, out var z) ? z : TimeZoneInfo.Utc;
        if (!QuartzCron.TryParse(param.Crontab, out var cron))
            return DsResult.Error(DsStatuses.ParseToCronExpressionError);
        var now = new DateTimeOffset(r.Now, TimeSpan.Zero);
        var start = new DateTimeOffset(DateTime.SpecifyKind(param.StartTime.Value, DateTimeKind.Utc));
        var end = new DateTimeOffset(DateTime.SpecifyKind(param.EndTime.Value, DateTimeKind.Utc));
        var from = now > start ? now : start;
        return DsResult.Ok(FireTimes(cron, zone, from, end, PreviewCount)
            .Select(t => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
            .ToList());
    }

    /// <summary>CronUtils.getSelfFireDateList: up to <paramref name="count"/> fire times after <paramref name="from"/>, not after <paramref name="end"/>.</summary>
    public static List<DateTimeOffset> FireTimes(QuartzCron cron, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset end, int count)
    {
        var result = new List<DateTimeOffset>();
        var t = from;
        while (result.Count < count && cron.Next(t, zone) is { } next && next <= end)
        {
            result.Add(next);
            t = next;
        }
        return result;
    }

    private static string Text(long code) => code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
