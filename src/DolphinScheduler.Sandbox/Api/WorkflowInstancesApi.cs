using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Execution;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /projects/{projectCode}/workflow-instances (3.2: process-instances), README §6 "Workflow instances";
/// ProcessInstanceServiceImpl (3.2.2) / WorkflowInstanceServiceImpl (dev-2501). Rows come from the execution engine
/// or from seeding.
/// </summary>
public static class WorkflowInstancesApi
{
    public static IEndpointRouteBuilder MapWorkflowInstances(this IEndpointRouteBuilder app)
    {
        var store = app.ServiceProvider.GetRequiredService<SandboxStore>();
        WireHooks(store);

        app.MapDs("GET", "/projects/{projectCode}/workflow-instances", List);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/{id}", Get);
        app.MapDs("PUT", "/projects/{projectCode}/workflow-instances/{id}", Update);
        app.MapDs("DELETE", "/projects/{projectCode}/workflow-instances/{id}", Delete);
        app.MapDs("POST", "/projects/{projectCode}/workflow-instances/batch-delete", BatchDelete);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/{id}/tasks", Tasks);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/{id}/view-variables", ViewVariables);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/{id}/view-gantt", ViewGantt);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/query-sub-by-parent", SubByParent);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/query-parent-by-sub", ParentBySub);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/top-n", TopN);
        app.MapDs("GET", "/projects/{projectCode}/workflow-instances/trigger", Trigger);
        return app;
    }

    /// <summary>The questions other areas ask about instances (project counts, tenant/definition deletes).</summary>
    private static void WireHooks(SandboxStore store)
    {
        var hooks = store.Hooks;
        hooks.CountRunningWorkflowInstances = projectCode =>
        {
            var current = store.WorkflowDefinitions.All.Where(d => d.ProjectCode == projectCode).Select(d => (d.Code, d.Version)).ToHashSet();
            return store.WorkflowInstances.All.Count(w => w.ProjectCode == projectCode && w.State == WorkflowExecutionStatus.RUNNING_EXECUTION
                && current.Contains((w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion)));
        };
        hooks.CountUnfinishedInstancesOfTenant = tenantCode => store.WorkflowInstances.All.Count(w => w.TenantCode == tenantCode && !w.State.IsFinished());
        hooks.CountUnfinishedInstancesOfDefinition = (code, version) => store.WorkflowInstances.All.Count(w =>
            w.WorkflowDefinitionCode == code && (version is null || w.WorkflowDefinitionVersion == version) && !w.State.IsFinished());
        hooks.DeleteInstancesOfDefinition = code =>
        {
            foreach (var w in store.WorkflowInstances.All.Where(w => w.WorkflowDefinitionCode == code).ToList())
            {
                if (store.WorkflowInstances.Find(w.Id) is not null)
                    InstanceQueries.DeleteInstance(store, w);
            }
        };
    }

    private static ExecutionEngine Engine(DsRequest r) => r.Http.RequestServices.GetRequiredService<ExecutionEngine>();

    // queryProcessInstanceList: permission (throws), filters, order start_time desc, end_time desc; duration and
    // executorName filled; sub-workflow instances excluded.
    private static DsResult List(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var definitionCode = r.LongOrNull("workflowDefinitionCode") ?? 0;
        var search = r.Str("searchVal");
        var executor = r.Str("executorName");
        var host = r.Str("host");
        WorkflowExecutionStatus? state = r.Enum("stateType") is { } st ? Enum.Parse<WorkflowExecutionStatus>(st) : null;
        var start = InstanceQueries.ParseDateFilter(r.Str("startDate"), r.User);
        var end = InstanceQueries.ParseDateFilter(r.Str("endDate"), r.User);

        var rows = s.WorkflowInstances.All.Where(w =>
                w.IsSubWorkflow == Flag.NO
                && w.ProjectCode == projectCode
                && (definitionCode == 0 || w.WorkflowDefinitionCode == definitionCode)
                && (start is null || w.StartTime >= start)
                && (end is null || w.StartTime <= end)
                && (state is null || w.State == state)
                && (string.IsNullOrEmpty(executor) || w.ExecutorName == executor))
            .Where(w => InstanceQueries.Like(w.Name, search, handleEscapes: true) && InstanceQueries.Like(w.Host, host))
            .ToList();
        SortNewestFirst(rows);
        var page = PageInfo.Of(rows, pageNo, pageSize);
        var now = r.Now;
        var users = s.Users;
        return DsResult.Ok(new PageInfo<WorkflowInstanceView>
        {
            TotalList = page.TotalList.Select(w => WithExecutor(WorkflowInstanceView.From(w, InstanceQueries.InstanceDuration(w, now)), users.Find(w.ExecutorId)?.UserName)).ToList(),
            Total = page.Total,
            PageSize = page.PageSize,
            CurrentPage = page.CurrentPage,
        });
    }

    /// <summary>
    /// <c>order by start_time desc, end_time desc</c> (MySQL: NULLs last), then id desc, which makes the order total.
    /// Every page request sorts the whole filtered list, so this compares precomputed keys instead of LINQ's five key
    /// selectors: about 5x less sandbox time per page of a 10 000-instance project (docs/performance.md).
    /// </summary>
    internal static void SortNewestFirst(List<WorkflowInstanceRow> rows)
    {
        var keys = new (long Start, long End, int Id)[rows.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var w = rows[i];
            keys[i] = (w.StartTime?.Ticks ?? long.MinValue, w.EndTime?.Ticks ?? long.MinValue, w.Id);
        }
        var items = rows.ToArray();
        Array.Sort(keys, items, NewestFirst.Instance);
        rows.Clear();
        rows.AddRange(items);
    }

    private sealed class NewestFirst : IComparer<(long Start, long End, int Id)>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare((long Start, long End, int Id) x, (long Start, long End, int Id) y)
        {
            var c = y.Start.CompareTo(x.Start);
            if (c != 0)
                return c;
            c = y.End.CompareTo(x.End);
            return c != 0 ? c : y.Id.CompareTo(x.Id);
        }
    }

    private static WorkflowInstanceView WithExecutor(WorkflowInstanceView v, string? executorName)
    {
        if (executorName is not null)
            v.ExecutorName = executorName;
        return v;
    }

    // queryProcessInstanceById: checkProjectAndAuth (returned), instance (50001 thrown), definition version of the
    // instance (missing or in another project: 50003 naming the instance id), then locations and dagData.
    private static DsResult Get(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var id = r.Int("id");
        var w = s.WorkflowInstances.Find(id) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, id);
        var definition = WorkflowDags.DefinitionVersion(s, w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion);
        if (definition is null || definition.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, id);
        var view = WorkflowInstanceView.From(w);
        view.Locations = definition.Locations;
        view.DagData = Engine(r).Definitions.DagData(w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion);
        return DsResult.Ok(view);
    }

    // updateProcessInstance: edits a finished instance's DAG as a new definition version (syncDefine=true also makes it
    // the definition's current version; false only logs it) and points the instance at that version. Checks: permission
    // (thrown), instance (50001 thrown), definition of another project (50001), final state only (50006 with the
    // state's toString), then the definitions area's payload validation (50017, 50020, 50019 …).
    private static DsResult Update(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var id = r.Int("id");
        var w = s.WorkflowInstances.Find(id) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, id);
        var current = WorkflowDags.Definition(s, w.WorkflowDefinitionCode);
        if (current is not null && current.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowInstanceNotExist, id);
        if (!w.State.IsFinished() || Engine(r).IsBusy(w.Id))
            return DsResult.Error(DsStatuses.WorkflowInstanceStateOperationError, w.Name, r.Flavor.StateText(w.State), "update");
        if (current is null)
            throw new InvalidOperationException("Cannot invoke \"WorkflowDefinition.set()\" because \"workflowDefinition\" is null");

        var scheduleTime = r.Str("scheduleTime");
        if (!string.IsNullOrEmpty(scheduleTime))
            w.ScheduleTime = DsDates.Parse(scheduleTime, r.User.TimeZone) ?? w.ScheduleTime;
        var globalParams = r.Str("globalParams");
        w.GlobalParams = globalParams;
        var timeout = r.IntOrNull("timeout") ?? 0;
        w.Timeout = timeout;

        var tasks = Workflows.DefinitionPayload.Tasks(r.Str("taskDefinitionJson"), r.Flavor);
        var relations = Workflows.DefinitionPayload.Relations(r.Str("taskRelationJson"), tasks, r.Flavor);
        var sync = r.Bool("syncDefine") == true;
        var now = r.Now;

        // Without syncDefine DS only writes version logs; the sandbox saves through the same helpers and puts the
        // current rows back afterwards.
        var keptDefinition = current.CopyDefinition();
        var keptRelations = s.WorkflowTaskRelations.All.Where(x => x.WorkflowDefinitionCode == current.Code).ToList();
        var taskCodes = tasks.Select(t => t.Code).Where(c => c != 0).ToHashSet();
        var keptTasks = s.TaskDefinitions.All.Where(t => taskCodes.Contains(t.Code)).ToList();

        var definition = current.CopyDefinition();
        definition.GlobalParams = globalParams;
        definition.Locations = r.Str("locations");
        definition.Timeout = timeout;
        definition.UpdateTime = now;
        Workflows.DefinitionStore.SaveTasks(s, r.User, projectCode, tasks, now);
        var version = Workflows.DefinitionStore.SaveDefinition(s, r.User, definition);
        Workflows.DefinitionStore.SaveRelations(s, r.User, projectCode, definition.Code, version, relations, tasks, now);

        if (!sync)
        {
            if (WorkflowDags.Definition(s, current.Code) is { } replaced)
                s.WorkflowDefinitions.Remove(replaced.Id);
            s.WorkflowDefinitions.InsertWithId(keptDefinition);
            foreach (var rel in s.WorkflowTaskRelations.All.Where(x => x.WorkflowDefinitionCode == current.Code).ToList())
                s.WorkflowTaskRelations.Remove(rel.Id);
            foreach (var rel in keptRelations)
                s.WorkflowTaskRelations.InsertWithId(rel);
            foreach (var t in s.TaskDefinitions.All.Where(t => tasks.Any(x => x.Code == t.Code)).ToList())
                s.TaskDefinitions.Remove(t.Id);
            foreach (var t in keptTasks)
                s.TaskDefinitions.InsertWithId(t);
        }
        w.WorkflowDefinitionVersion = version;
        return DsResult.Ok(WorkflowDefinitionView.Read(definition));
    }

    // deleteProcessInstanceById: instance (50001), permission on the definition's project, final state only
    // (50006 "the status of … {name} is {state},Cannot perform delete operation"); task instances and sub-instances go too.
    private static DsResult Delete(DsRequest r)
    {
        DeleteOne(r, r.Int("id"));
        return DsResult.Ok();
    }

    private static void DeleteOne(DsRequest r, int id)
    {
        var s = r.Store;
        var w = s.WorkflowInstances.Find(id) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, id);
        var definition = WorkflowDags.DefinitionVersion(s, w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion);
        var project = ProjectAccess.ByCode(s, definition?.ProjectCode ?? w.ProjectCode);
        if (project is null)
            throw new DsServiceException(DsStatuses.ProjectNotExist);
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, project.Code);
        if (!w.State.IsFinished() || Engine(r).IsBusy(w.Id))
            throw new DsServiceException(DsStatuses.WorkflowInstanceStateOperationError, w.Name, r.Flavor.StateText(w.State), "delete");
        InstanceQueries.DeleteInstance(s, w);
    }

    private static DsResult BatchDelete(DsRequest r)
    {
        var ids = r.Str("workflowInstanceIds")!;
        var failed = new List<string>();
        if (!string.IsNullOrEmpty(ids))
        {
            foreach (var text in ids.Split(','))
            {
                var id = JavaText.ParseInt(text);
                try
                {
                    DeleteOne(r, id);
                }
                catch (Exception)
                {
                    failed.Add(r.Flavor.Message(DsStatuses.WorkflowInstanceError, [text]));
                }
            }
        }
        return failed.Count > 0 ? DsResult.Error(DsStatuses.BatchDeleteWorkflowInstanceByIdsError, string.Join("\n", failed)) : DsResult.Ok();
    }

    // queryTaskListByProcessId: valid task instances (flag YES) ordered by start_time desc; 3.2 prints the state with
    // WorkflowExecutionStatus.toString() (…{code=7, desc='success'}); 3.3+ items carry taskInstanceDependentResult.
    private static DsResult Tasks(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var id = r.Int("id");
        var w = s.WorkflowInstances.Find(id) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, id);
        var definition = WorkflowDags.Definition(s, w.WorkflowDefinitionCode);
        if (definition is not null && definition.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowInstanceNotExist, id);
        var tasks = InstanceQueries.ValidTasks(s, w);
        var data = new Dictionary<string, object?>
        {
            [r.Flavor.JsonName("workflowInstanceState")] = r.Flavor.StateText(w.State),
            ["taskList"] = r.Flavor.TaskListHasDependentResult
                ? tasks.Select(TaskInstanceDependentView.FromRow).ToList<object>()
                : tasks.Select(t => TaskInstanceView.From(t)).ToList(),
        };
        return DsResult.Ok(data);
    }

    // viewVariables: the instance's global parameters and, per valid task instance, its local parameters (time
    // placeholders resolved with the instance's schedule time).
    private static DsResult ViewVariables(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        var id = r.Int("id");
        var w = s.WorkflowInstances.Find(id);
        if (w is null)
            return DsResult.Error(DsStatuses.WorkflowInstanceNotExist, id);
        var definition = WorkflowDags.Definition(s, w.WorkflowDefinitionCode);
        if (definition is not null && definition.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowInstanceNotExist, id);

        var baseTime = w.ScheduleTime ?? r.Now;
        var timeParams = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["system.biz.date"] = baseTime.AddDays(-1).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            ["system.biz.curdate"] = baseTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            ["system.datetime"] = baseTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
        };
        var globalParams = PropertyList(w.GlobalParams, null, baseTime);
        var local = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var t in InstanceQueries.ValidTasks(s, w))
        {
            var def = WorkflowDags.TaskVersion(s, t.TaskCode, t.TaskDefinitionVersion);
            if (def?.TaskParams is null)
                continue;
            var localParams = ExtractLocalParams(def.TaskParams);
            if (localParams is null)
                continue;
            var list = PropertyList(localParams, timeParams, baseTime);
            if (list.Count > 0)
                local[def.Name ?? t.Name] = new Dictionary<string, object?> { ["taskType"] = def.TaskType, ["localParamsList"] = list };
        }
        return DsResult.Ok(new Dictionary<string, object?> { ["globalParams"] = globalParams, ["localParams"] = local });
    }

    private static string? ExtractLocalParams(string taskParams)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(taskParams)?["localParams"]?.ToJsonString();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<PropertyItem> PropertyList(string? json, IReadOnlyDictionary<string, string>? placeholders, DateTime baseTime)
    {
        var result = new List<PropertyItem>();
        if (string.IsNullOrWhiteSpace(json))
            return result;
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonArray array)
                return result;
            foreach (var item in array.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                var value = item["value"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? item["value"]!.GetValue<string>() : item["value"]?.ToJsonString();
                if (value is not null && placeholders is not null)
                    value = ParameterResolver.Resolve(value, placeholders, baseTime);
                result.Add(new PropertyItem(Str(item["prop"]), Str(item["direct"]), Str(item["type"]), value));
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return result;

        static string? Str(System.Text.Json.Nodes.JsonNode? n) => n?.GetValueKind() == System.Text.Json.JsonValueKind.String ? n.GetValue<string>() : n?.ToJsonString();
    }

    /// <summary>DS <c>Property</c> JSON.</summary>
    private sealed record PropertyItem(string? Prop, string? Direct, string? Type, string? Value);

    // viewGantt: task codes in topological order and, per task with an instance, its times and state.
    private static DsResult ViewGantt(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        var id = r.Int("id");
        var w = s.WorkflowInstances.Find(id);
        if (w is null)
            return DsResult.Error(DsStatuses.WorkflowInstanceNotExist, id);
        var snapshot = Engine(r).Definitions.Version(w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion);
        if (snapshot is null || snapshot.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowInstanceNotExist, id);

        var codes = Topological(snapshot);
        var instances = s.TaskInstances.All.Where(t => t.WorkflowInstanceId == id).ToList();
        var now = r.Now;
        var tasks = new List<GanttTask>();
        foreach (var code in codes)
        {
            var t = instances.FirstOrDefault(x => x.TaskCode == code);
            if (t is null)
                continue;
            var start = t.StartTime ?? now;
            var end = t.EndTime ?? now;
            var ms = (long)(end - start).TotalMilliseconds;
            tasks.Add(new GanttTask(t.Name, [ToEpochMs(start)], [ToEpochMs(end)], t.StartTime, start, end, t.State.ToString(), Readable(ms)));
        }
        return DsResult.Ok(new GanttView(0, tasks, codes, null));
    }

    private static long ToEpochMs(DateTime d) => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    /// <summary>DateUtils.format2Readable: <c>dd HH:mm:ss</c> with two-digit parts.</summary>
    private static string Readable(long ms)
    {
        var span = TimeSpan.FromMilliseconds(Math.Max(0, ms));
        return $"{span.Days:00} {span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}";
    }

    private static List<long> Topological(WorkflowSnapshot snapshot)
    {
        var indegree = snapshot.Tasks.ToDictionary(t => t.Code, _ => 0);
        foreach (var (pre, post) in snapshot.Edges)
            if (indegree.ContainsKey(post) && indegree.ContainsKey(pre))
                indegree[post]++;
        var queue = new Queue<long>(snapshot.Tasks.Where(t => indegree[t.Code] == 0).Select(t => t.Code));
        var result = new List<long>();
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            result.Add(c);
            foreach (var (pre, post) in snapshot.Edges)
                if (pre == c && indegree.ContainsKey(post) && --indegree[post] == 0)
                    queue.Enqueue(post);
        }
        return result;
    }

    private sealed record GanttView(int Height, List<GanttTask> Tasks, List<long> TaskNames, Dictionary<string, string>? TaskStatus);

    private sealed record GanttTask(string TaskName, List<long> StartDate, List<long> EndDate, DateTime? ExecutionDate, DateTime IsoStart,
        DateTime IsoEnd, string Status, string Duration);

    // querySubProcessInstanceByTaskId
    private static DsResult SubByParent(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var taskId = r.Int("taskId");
        var task = s.TaskInstances.Find(taskId);
        if (task is null)
            return DsResult.Error(DsStatuses.TaskInstanceNotExists, taskId);
        var def = s.TaskDefinitions.All.FirstOrDefault(t => t.Code == task.TaskCode);
        if (def is not null && def.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.TaskInstanceNotExists, taskId);
        if (task.TaskType.ToUpperInvariant() is not ("SUB_PROCESS" or "SUB_WORKFLOW"))
            return DsResult.Error(DsStatuses.TaskInstanceNotSubWorkflowInstance, task.Name);
        var sub = s.WorkflowInstances.All.FirstOrDefault(w => w.ParentTaskInstanceId == taskId && w.ParentWorkflowInstanceId == task.WorkflowInstanceId);
        if (sub is null)
            return DsResult.Error(DsStatuses.SubWorkflowInstanceNotExist, taskId);
        return DsResult.Ok(new Dictionary<string, object> { [r.Flavor.JsonName("subWorkflowInstanceId")] = sub.Id });
    }

    // queryParentInstanceBySubId
    private static DsResult ParentBySub(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var subId = r.Int("subId");
        var sub = s.WorkflowInstances.Find(subId) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, subId);
        if (sub.IsSubWorkflow == Flag.NO)
            return DsResult.Error(DsStatuses.WorkflowInstanceNotSubWorkflowInstance, sub.Name);
        var parent = s.WorkflowInstances.Find(sub.ParentWorkflowInstanceId);
        if (parent is null)
            return DsResult.Error(DsStatuses.SubWorkflowInstanceNotExist);
        return DsResult.Ok(new Dictionary<string, object> { ["parentWorkflowInstance"] = parent.Id });
    }

    // queryTopNLongestRunningProcessInstance: SUCCESS instances of the project started in [startTime, endTime],
    // longest (end - start) first, at most size.
    private static DsResult TopN(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var size = r.Int("size");
        if (size < 0)
            return DsResult.Error(DsStatuses.NegtiveSizeNumberError, size);
        var start = DsDates.Parse(r.Str("startTime"), r.User.TimeZone);
        var end = DsDates.Parse(r.Str("endTime"), r.User.TimeZone);
        if (start is null || end is null)
            return DsResult.Error(DsStatuses.RequestParamsNotValidError, "startDate,endDate");
        if (start > end)
            return DsResult.Error(DsStatuses.StartTimeBiggerThanEndTimeError, r.Str("startTime"), r.Str("endTime"));
        var rows = s.WorkflowInstances.All
            .Where(w => w.State == WorkflowExecutionStatus.SUCCESS && w.ProjectCode == projectCode && w.StartTime >= start && w.StartTime <= end)
            .OrderByDescending(w => (w.EndTime ?? w.StartTime) - w.StartTime)
            .Take(size)
            .Select(w => WorkflowInstanceView.From(w))
            .ToList();
        return DsResult.Ok(rows);
    }

    // queryByTriggerCode: instances linked to the start call's trigger code (3.2: appear when the master takes the
    // command); any readable project in the path, the query itself is not project-filtered.
    private static DsResult Trigger(DsRequest r)
    {
        var s = r.Store;
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, r.Long("projectCode"), out _) is { } denied)
            return denied;
        var code = r.Long("triggerCode");
        return DsResult.Ok(s.WorkflowInstances.All.Where(w => w.TriggerCode == code).Select(w => WorkflowInstanceView.From(w)).ToList());
    }
}
