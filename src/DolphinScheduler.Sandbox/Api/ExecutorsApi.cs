using System.Globalization;
using System.Text.Json;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Execution;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /projects/{projectCode}/executors (README §6 "Executors"): start, batch start, execute (control), batch execute,
/// execute-task, stream task start. ExecutorController/ExecutorServiceImpl of 3.2.2 and dev-2501; the work itself is
/// done by <see cref="ExecutionEngine"/>. Permission: 3.2 checks the path project, 3.3+ the project owning the
/// definition or instance (README §10.10).
/// </summary>
public static class ExecutorsApi
{
    private const int MaxTaskTimeout = 24 * 3600; // Constants.MAX_TASK_TIMEOUT
    private const int ScheduleTimeMaxLength = 100; // Constants.SCHEDULE_TIME_MAX_LENGTH

    public static IEndpointRouteBuilder MapExecutors(this IEndpointRouteBuilder app)
    {
        app.MapDs("POST", "/projects/{projectCode}/executors/start-workflow-instance", StartWorkflow);
        app.MapDs("POST", "/projects/{projectCode}/executors/batch-start-workflow-instance", BatchStart);
        app.MapDs("POST", "/projects/{projectCode}/executors/execute", Execute);
        app.MapDs("POST", "/projects/{projectCode}/executors/batch-execute", BatchExecute);
        app.MapDs("POST", "/projects/{projectCode}/executors/execute-task", ExecuteTask);
        app.MapDs("POST", "/projects/{projectCode}/executors/task-instance/{code}/start", StartStreamTask);
        return app;
    }

    private static ExecutionEngine Engine(DsRequest r) => r.Http.RequestServices.GetRequiredService<ExecutionEngine>();

    // ------------------------------------------------------------------ start

    private static DsResult StartWorkflow(DsRequest r)
    {
        var result = StartOne(r, r.Long("workflowDefinitionCode"));
        if (result.Error is not null)
            return result.Error;
        return r.Flavor.StartReturnsTriggerCode ? DsResult.Ok(result.Started!.TriggerCode) : DsResult.Ok(result.Started!.InstanceIds);
    }

    private sealed record StartOutcome(StartResult? Started, DsResult? Error);

    /// <summary>execProcessInstance (3.2) / triggerWorkflowDefinition + backfillWorkflowDefinition (3.3+).</summary>
    private static StartOutcome StartOne(DsRequest r, long definitionCode)
    {
        var s = r.Store;
        var flavor = r.Flavor;
        var engine = Engine(r);
        var execType = r.Enum("execType");
        if (flavor.RejectsOtherExecTypes)
        {
            if (execType is null)
                throw new InvalidOperationException("Cannot invoke \"org.apache.dolphinscheduler.common.enums.CommandType.ordinal()\" because \"execType\" is null");
            if (execType is not ("START_PROCESS" or "COMPLEMENT_DATA"))
                throw new DsServiceException(DsStatuses.InternalServerErrorArgs, $"The execType: {execType} is invalid");
        }
        execType ??= "START_PROCESS";
        var complement = execType == "COMPLEMENT_DATA";
        var scheduleTime = r.Str("scheduleTime");

        WorkflowDefinitionRow? definition;
        if (flavor.CommandBasedStart)
        {
            var projectCode = r.Long("projectCode");
            ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
            var timeout = r.Declares("timeout") ? r.IntOrNull("timeout") ?? MaxTaskTimeout : MaxTaskTimeout;
            if (timeout <= 0 || timeout > MaxTaskTimeout)
                return new StartOutcome(null, DsResult.Error(DsStatuses.TaskTimeoutParamsError));
            if (r.IntOrNull("expectedParallelismNumber") is <= 0)
                return new StartOutcome(null, DsResult.Error(DsStatuses.TaskParallelismParamsError));
            CheckTenant(s, r.Str("tenantCode"));
            var version = r.Declares("version") ? r.IntOrNull("version") : null;
            definition = version is { } v ? WorkflowDags.DefinitionVersion(s, definitionCode, v) : WorkflowDags.Definition(s, definitionCode);
            if (definition is null)
                throw new InvalidOperationException("Cannot invoke \"ProcessDefinition.getVersion()\" because \"processDefinition\" is null");
            Workflows.DefinitionChecks.CheckRunnable(s, flavor, projectCode, definition);
        }
        else
        {
            if (complement)
                ParseBackfillJson(scheduleTime);
            ParseStartNodes33(r.Str("startNodeList"));
            definition = WorkflowDags.Definition(s, definitionCode)
                ?? throw new DsServiceException(DsStatuses.InternalServerErrorArgs, $"Cannot find the workflow: {definitionCode}");
            ProjectAccess.CheckAuthorizedOrThrow(s, r.User, definition.ProjectCode);
            Workflows.DefinitionChecks.CheckRunnable(s, flavor, definition.ProjectCode, definition);
        }
        var workflow = engine.Definitions.Version(definition.Code, definition.Version)
            ?? throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, definition.Code);

        var startNodes = flavor.CommandBasedStart ? CheckStartNodes32(r.Str("startNodeList"), workflow) : ParseStartNodes33(r.Str("startNodeList"));

        IReadOnlyList<DateTime?> dates = [null];
        if (complement)
        {
            var parsed = flavor.CommandBasedStart ? ComplementDates32(scheduleTime) : ComplementDates33(scheduleTime);
            if (parsed is null)
                return new StartOutcome(null, DsResult.Error(DsStatuses.StartWorkflowInstanceError)); // createCommand returned 0
            if (parsed.Count == 0)
            {
                if (flavor.CommandBasedStart)
                    throw new DsServiceException(DsStatuses.TaskComplementDataDateError);
                throw new InvalidOperationException("backfillDateList is empty");
            }
            dates = parsed.Cast<DateTime?>().ToList();
        }

        var request = new StartRequest
        {
            Workflow = workflow,
            User = r.User,
            CommandType = execType,
            FailureStrategy = r.Enum("failureStrategy"),
            WarningType = r.Enum("warningType"),
            WarningGroupId = r.IntOrNull("warningGroupId"),
            Priority = r.Enum("workflowInstancePriority") ?? "MEDIUM",
            WorkerGroup = r.Str("workerGroup") ?? "default",
            TenantCode = r.Str("tenantCode") ?? "default",
            EnvironmentCode = r.LongOrNull("environmentCode") ?? -1,
            StartNodes = startNodes,
            TaskDependType = r.Enum("taskDependType") ?? "TASK_POST",
            StartParams = ParseStartParams(r.Str("startParams"), acceptPropertyList: flavor.StartParamsAcceptPropertyList),
            DryRun = r.IntOrNull("dryRun") ?? 0,
            TestFlag = r.Declares("testFlag") ? r.IntOrNull("testFlag") ?? 0 : 0,
            ScheduleTimes = dates,
            Parallel = r.Enum("runMode") == "RUN_MODE_PARALLEL",
            ExpectedParallelismNumber = r.IntOrNull("expectedParallelismNumber"),
            ScheduleTimeJson = scheduleTime,
        };
        var started = engine.Start(request);
        if (flavor.StartStoresWarningGroupOnDefinition && ReferenceEquals(definition, WorkflowDags.Definition(s, definition.Code)))
            definition.WarningGroupId = request.WarningGroupId; // 3.2.2: processDefinitionMapper.updateById after the command
        return new StartOutcome(started, null);
    }

    private static void CheckTenant(SandboxStore s, string? tenantCode)
    {
        if (tenantCode != "default" && !s.Tenants.All.Any(t => t.TenantCode == tenantCode))
            throw new DsServiceException(DsStatuses.TenantNotExist, tenantCode);
    }

    /// <summary>3.2 checkStartNodeList: every code must be a task of the version (10207).</summary>
    private static List<long> CheckStartNodes32(string? startNodeList, WorkflowSnapshot workflow)
    {
        var result = new List<long>();
        if (string.IsNullOrEmpty(startNodeList))
            return result;
        foreach (var part in JavaText.Split(startNodeList, ','))
        {
            if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                throw new FormatException($"For input string: \"{part}\"");
            if (workflow.Task(code) is null)
                throw new DsServiceException(DsStatuses.StartNodeNotExistInLastWorkflow, part);
            result.Add(code);
        }
        return result;
    }

    /// <summary>3.3+ WorkflowUtils.parseStartNodeList: trimmed longs, else 10000 "Parse startNodes: … error".</summary>
    private static List<long> ParseStartNodes33(string? startNodeList)
    {
        if (string.IsNullOrEmpty(startNodeList))
            return [];
        var result = new List<long>();
        foreach (var part in startNodeList.Split(','))
        {
            if (!long.TryParse(part.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                throw new DsServiceException(DsStatuses.InternalServerErrorArgs, $"Parse startNodes: {startNodeList} error");
            result.Add(code);
        }
        return result;
    }

    /// <summary>
    /// startParams: a JSON object <c>{"k":"v"}</c> (all versions; JSONUtils.toMap), or in 3.3+ a JSON array of Property.
    /// Anything else is ignored, as DS ignores what it cannot parse.
    /// </summary>
    internal static Dictionary<string, string> ParseStartParams(string? json, bool acceptPropertyList)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
            return result;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                    result[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.GetRawText();
            }
            else if (acceptPropertyList && doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var (name, value) in ParameterResolver.ReadProperties(json))
                    result[name] = value;
            }
        }
        catch (JsonException)
        {
        }
        return result;
    }

    // ---- complement dates (createComplementCommandList / BackfillWorkflowRequestTransformer) ----

    /// <summary>3.2: null when isValidateScheduleTime fails (START_PROCESS_INSTANCE_ERROR), else the dates (maybe empty).</summary>
    private static List<DateTime>? ComplementDates32(string? scheduleTime)
    {
        if (string.IsNullOrEmpty(scheduleTime))
            return null;
        var map = ReadStringMap(scheduleTime);
        if (map is null)
            return null;
        if (map.TryGetValue("complementScheduleDateList", out var list) && list is null)
            return null;
        if (map.ContainsKey("complementStartDate"))
        {
            var start = DsDates.Parse(map.GetValueOrDefault("complementStartDate"), null);
            var end = DsDates.Parse(map.GetValueOrDefault("complementEndDate"), null);
            if (start is null || end is null || start > end)
                return null;
        }
        var dates = ComplementDates(map);
        if (dates.Count > ScheduleTimeMaxLength && map.ContainsKey("complementScheduleDateList"))
            throw new DsServiceException(DsStatuses.ScheduleTimeNumberExceed);
        return dates;
    }

    private static List<DateTime> ComplementDates33(string? scheduleTime)
    {
        var map = ParseBackfillJson(scheduleTime);
        var hasRange = !string.IsNullOrEmpty(map.GetValueOrDefault("complementStartDate")) && !string.IsNullOrEmpty(map.GetValueOrDefault("complementEndDate"));
        if (!hasRange && string.IsNullOrEmpty(map.GetValueOrDefault("complementScheduleDateList")))
            throw new DsServiceException(DsStatuses.InternalServerErrorArgs, $"backfillTime: {scheduleTime} is invalid");
        return ComplementDates(map);
    }

    private static Dictionary<string, string?> ParseBackfillJson(string? scheduleTime)
    {
        if (string.IsNullOrEmpty(scheduleTime) || ReadStringMap(scheduleTime) is not { } map)
            throw new DsServiceException(DsStatuses.InternalServerErrorArgs, $"Parse backfillTime: {scheduleTime} error");
        return map;
    }

    /// <summary>
    /// A date range gives every midnight in [start, end] (CronUtils.getSelfFireDateList with DS's default daily cron;
    /// start == end gives start); a date list gives its distinct dates. Sorted ascending here; the caller keeps order.
    /// </summary>
    private static List<DateTime> ComplementDates(Dictionary<string, string?> map)
    {
        var result = new List<DateTime>();
        if (!string.IsNullOrEmpty(map.GetValueOrDefault("complementStartDate")) && !string.IsNullOrEmpty(map.GetValueOrDefault("complementEndDate")))
        {
            var start = DsDates.Parse(map["complementStartDate"], null);
            var end = DsDates.Parse(map["complementEndDate"], null);
            if (start is { } a && end is { } b)
            {
                if (a == b)
                    result.Add(a);
                else
                {
                    for (var d = a.Date == a ? a : a.Date.AddDays(1); d <= b && result.Count <= 10_000; d = d.AddDays(1))
                        result.Add(d);
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(map.GetValueOrDefault("complementScheduleDateList")))
        {
            result = map["complementScheduleDateList"]!.Split(',')
                .Select(x => DsDates.Parse(x.Trim(), null))
                .Where(x => x is not null)
                .Select(x => x!.Value)
                .Distinct()
                .ToList();
        }
        return result;
    }

    private static Dictionary<string, string?>? ReadStringMap(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                }, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // ------------------------------------------------------------------ batch start

    private static DsResult BatchStart(DsRequest r)
    {
        var codes = r.Str("workflowDefinitionCodes")!;
        if (r.Flavor.CommandBasedStart)
        {
            // 3.2.2: distinct codes, Long.parseLong each; returned errors are collected, exceptions escape.
            var failed = new List<string>();
            object? lastData = null;
            foreach (var text in JavaText.Split(codes, ',').Distinct())
            {
                var code = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c)
                    ? c : throw new FormatException($"For input string: \"{text}\"");
                var outcome = StartOne(r, code);
                if (outcome.Error is not null)
                    failed.Add(code.ToString(CultureInfo.InvariantCulture));
                else
                    lastData = outcome.Started!.TriggerCode;
            }
            return failed.Count > 0 ? DsResult.Error(DsStatuses.BatchStartWorkflowInstanceError, string.Join(',', failed)) : DsResult.Ok(lastData);
        }

        // 3.3+: each code goes through the single-start handler; the first exception aborts the request.
        var ids = new List<int>();
        foreach (var text in codes.Split(','))
        {
            var code = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c)
                ? c : throw new FormatException($"For input string: \"{text}\"");
            var outcome = StartOne(r, code);
            if (outcome.Error is not null)
                return outcome.Error;
            ids.AddRange(outcome.Started!.InstanceIds);
        }
        return DsResult.Ok(ids);
    }

    // ------------------------------------------------------------------ control

    private static DsResult Execute(DsRequest r)
    {
        ControlOne(r, r.Int("workflowInstanceId"), r.Enum("executeType")!);
        return DsResult.Ok();
    }

    /// <summary>ExecutorServiceImpl.execute (3.2) / controlWorkflowInstance (3.3+).</summary>
    private static void ControlOne(DsRequest r, int instanceId, string executeType)
    {
        var s = r.Store;
        var flavor = r.Flavor;
        var engine = Engine(r);
        WorkflowInstanceRow w;
        if (flavor.ExecutorChecksPathProject)
        {
            var projectCode = r.Long("projectCode");
            ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
            w = s.WorkflowInstances.Find(instanceId) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, instanceId);
            if (w.ProjectCode != projectCode)
                throw new InvalidOperationException("The workflow instance's project code doesn't equals to the given project");
            if (WorkflowDags.DefinitionVersion(s, w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion) is null)
                throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, w.WorkflowDefinitionCode);
        }
        else
        {
            w = s.WorkflowInstances.Find(instanceId) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, instanceId);
            ProjectAccess.CheckAuthorizedOrThrow(s, r.User, w.ProjectCode);
        }
        engine.Control(w, executeType, r.User);
    }

    private static DsResult BatchExecute(DsRequest r)
    {
        var ids = r.Str("workflowInstanceIds")!;
        var executeType = r.Enum("executeType")!;
        var failures = new List<string>();
        if (r.Flavor.BatchExecuteCollectsErrors)
        {
            if (string.IsNullOrEmpty(ids))
                return DsResult.Ok();
            foreach (var text in JavaText.Split(ids, ','))
            {
                var id = JavaText.ParseInt(text);
                try
                {
                    ControlOne(r, id, executeType);
                }
                catch (Exception)
                {
                    failures.Add(r.Flavor.Message(DsStatuses.WorkflowInstanceError, [text]));
                }
            }
            return failures.Count > 0 ? DsResult.Error(DsStatuses.BatchExecuteWorkflowInstanceError, string.Join("\n", failures)) : DsResult.Ok();
        }

        foreach (var text in ids.Split(','))
        {
            var id = JavaText.ParseInt(text);
            try
            {
                ControlOne(r, id, executeType);
            }
            catch (DsServiceException e)
            {
                failures.Add($"Failed do action {executeType} on workflowInstance: {id}reason: {r.Flavor.Message(e.Status, e.Args)}");
            }
            catch (Exception e)
            {
                failures.Add($"Failed do action {executeType} on workflowInstance: {id}reason: {e.Message}");
            }
        }
        if (failures.Count > 0)
            throw new DsServiceException(DsStatuses.InternalServerErrorArgs, string.Join("\n", failures));
        return DsResult.Ok();
    }

    /// <summary>executeTask: re-run task(s) of a finished instance (EXECUTE_TASK command).</summary>
    private static DsResult ExecuteTask(DsRequest r)
    {
        var s = r.Store;
        var engine = Engine(r);
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var id = r.Int("workflowInstanceId");
        var w = s.WorkflowInstances.Find(id) ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, id);
        if (!w.State.IsFinished())
            return DsResult.Error(DsStatuses.WorkflowInstanceIsNotFinished);
        var workflow = engine.Definitions.Version(w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion);
        if (workflow is null)
            throw new InvalidOperationException("Cannot invoke \"WorkflowDefinition.setReleaseState()\" because \"workflowDefinition\" is null");
        if (workflow.ProjectCode != projectCode)
            throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, workflow.Code);
        var startNodeList = r.Str("startNodeList")!;
        if (!long.TryParse(startNodeList, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var taskCode))
            return DsResult.Error(DsStatuses.RequestParamsNotValidError, startNodeList);
        if (!s.TaskDefinitionLogs.All.Any(t => t.Code == taskCode))
            return DsResult.Error(DsStatuses.ExecuteNotDefineTask);
        if (engine.IsBusy(w.Id))
            return DsResult.Error(DsStatuses.WorkflowInstanceExecutingCommand, w.WorkflowDefinitionCode.ToString(CultureInfo.InvariantCulture));
        engine.ExecuteTask(w, workflow, [taskCode], r.Enum("taskDependType")!);
        return DsResult.Ok();
    }

    /// <summary>execStreamTaskInstance: runs one task definition version outside any workflow (stream tasks).</summary>
    private static DsResult StartStreamTask(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        CheckTenant(s, r.Str("tenantCode"));
        var code = r.Long("code");
        var version = r.Int("version");
        var task = WorkflowDags.TaskVersion(s, code, version);
        if (task is null || task.ProjectCode != projectCode)
            throw new DsServiceException(DsStatuses.StartTaskInstanceError);
        Engine(r).StartStandaloneTask(task, r.User, projectCode, r.Str("workerGroup") ?? "default", r.IntOrNull("dryRun") ?? 0,
            ParseStartParams(r.Str("startParams"), acceptPropertyList: false));
        return DsResult.Ok(true);
    }
}
