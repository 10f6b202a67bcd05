using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Workflows;

/// <summary>
/// <c>generateTaskDefinitionList</c> and <c>generateTaskRelationList</c> of ProcessDefinitionServiceImpl (3.2.2) /
/// WorkflowDefinitionServiceImpl (dev-2501), with <c>ProcessService.transformTask</c> and <c>graphHasCycle</c>:
/// the JSON form fields are bound leniently like DS's Jackson mapper, then checked in DS's order. Every failure is a
/// thrown ServiceException (HTTP 200); anything DS hits as an unexpected exception (NullPointerException, duplicate
/// map keys, unknown 3.3+ task type) becomes 10001 with the literal <c>{0}</c>.
/// </summary>
public static partial class DefinitionPayload
{
    public static List<TaskDefinitionLogRow> Tasks(string? json, SandboxFlavor flavor)
    {
        var tasks = ParseTasks(json, flavor);
        if (tasks is null || tasks.Count == 0)
            throw new DsServiceException(DsStatuses.DataIsNotValid, json ?? "null");
        foreach (var task in tasks)
        {
            if (task is null)
                throw Unexpected();
            CheckParameters(task, flavor);
        }
        return tasks!;
    }

    public static List<WorkflowTaskRelationLogRow> Relations(string? json, IReadOnlyList<TaskDefinitionLogRow> tasks, SandboxFlavor flavor)
    {
        var relations = ParseRelations(json);
        if (relations is null || relations.Count == 0)
            throw new DsServiceException(DsStatuses.DataIsNotValid);
        if (relations.Any(r => r is null))
            throw Unexpected();

        // transformTask: post code -> its non-zero pre codes, then a node per post code found among the tasks.
        var preByPost = new Dictionary<long, List<long>>();
        var postOrder = new List<long>();
        foreach (var r in relations)
        {
            if (!preByPost.TryGetValue(r!.PostTaskCode, out var pres))
            {
                preByPost[r.PostTaskCode] = pres = [];
                postOrder.Add(r.PostTaskCode);
            }
            if (r.PreTaskCode != 0)
                pres.Add(r.PreTaskCode);
        }
        var byCode = new Dictionary<long, TaskDefinitionLogRow>();
        foreach (var t in tasks)
            if (!byCode.TryAdd(t.Code, t))
                throw Unexpected(); // Collectors.toMap: duplicate key
        var nodes = new List<(long Code, List<long> Pre)>();
        foreach (var post in postOrder)
        {
            if (!byCode.TryGetValue(post, out var task))
                continue;
            if (flavor.TasksNeedIsCache && task.IsCache is null)
                throw Unexpected(); // taskDefinitionLog.getIsCache().getCode()
            if (preByPost[post].Any(pre => !byCode.ContainsKey(pre)))
                throw Unexpected(); // taskDefinitionLogMap::get -> null -> TaskDefinition::getCode
            nodes.Add((post, preByPost[post]));
        }
        if (nodes.Count != relations.Count)
        {
            var found = nodes.Select(n => n.Code).ToHashSet();
            var missing = postOrder.Where(c => !found.Contains(c)).ToList();
            if (missing.Count > 0)
                throw new DsServiceException(DsStatuses.TaskDefineNotExist, string.Join(",", missing));
        }
        if (HasCycle(nodes))
            throw new DsServiceException(DsStatuses.WorkflowNodeHasCycle);
        if (relations.Any(r => r!.PostTaskCode == 0))
            throw new DsServiceException(DsStatuses.CheckWorkflowTaskRelationError);
        return relations!;
    }

    /// <summary>DS's DAG.addEdge without node creation: an edge from a non-node, a self-loop or one closing a cycle fails.</summary>
    private static bool HasCycle(List<(long Code, List<long> Pre)> nodes)
    {
        var codes = nodes.Select(n => n.Code).ToHashSet();
        var next = codes.ToDictionary(c => c, _ => new List<long>());
        foreach (var (code, pres) in nodes)
        {
            foreach (var pre in pres)
            {
                if (pre == code || !codes.Contains(pre) || Reaches(next, code, pre))
                    return true;
                next[pre].Add(code);
            }
        }
        return false;
    }

    private static bool Reaches(Dictionary<long, List<long>> next, long from, long to)
    {
        var seen = new HashSet<long>();
        var queue = new Queue<long>([from]);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (n == to)
                return true;
            if (seen.Add(n))
                foreach (var m in next[n])
                    queue.Enqueue(m);
        }
        return false;
    }

    private static void CheckParameters(TaskDefinitionLogRow task, SandboxFlavor flavor)
    {
        var check = task.TaskType is null ? null : flavor.TaskParameterCheck(task.TaskType);
        JsonElement? parameters = null;
        if (!string.IsNullOrEmpty(task.TaskParams))
        {
            try
            {
                using var doc = JsonDocument.Parse(task.TaskParams);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                    parameters = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
            }
        }
        if (check is null || parameters is null)
        {
            // 3.2.2: no parameters object -> checkTaskParameters false; 3.3+: getTaskChannel / parseTaskParameters throw.
            if (flavor.UnknownTaskTypeIsParameterInvalid)
                throw new DsServiceException(DsStatuses.WorkflowNodeSParameterInvalid, task.Name);
            throw Unexpected();
        }
        if (!check(parameters.Value))
            throw new DsServiceException(DsStatuses.WorkflowNodeSParameterInvalid, task.Name);
    }

    /// <summary>The unexpected-exception path of generateTask*List: <c>new ServiceException(REQUEST_PARAMS_NOT_VALID_ERROR)</c>.</summary>
    private static DsServiceException Unexpected() => new(DsStatuses.RequestParamsNotValidError);

    // ---- Jackson binding of the form fields ----

    /// <summary>JSONUtils.toList(taskDefinitionJson, TaskDefinitionLog.class); null when Jackson fails (DS then sees an empty list).</summary>
    public static List<TaskDefinitionLogRow?>? ParseTasks(string? json, SandboxFlavor flavor)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return null;
            var list = new List<TaskDefinitionLogRow?>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Null)
                {
                    list.Add(null);
                    continue;
                }
                if (e.ValueKind != JsonValueKind.Object)
                    return null;
                list.Add(ReadTask(e, flavor));
            }
            return list;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static TaskDefinitionLogRow ReadTask(JsonElement e, SandboxFlavor flavor)
    {
        // Properties DS binds but then overwrites still have to be readable (Jackson fails the whole list otherwise).
        foreach (var name in new[] { "id", "projectCode", "userId", "operator" })
            Lenient.LongOrNull(e, name);
        foreach (var name in new[] { "createTime", "updateTime", "operateTime" })
            DateField(e, name);
        foreach (var name in new[] { "userName", "projectName", "modifyBy" })
            Lenient.String(e, name);
        if (Lenient.TryGet(e, "taskParamList", out var tpl) && PropertyView.ListOf(tpl) is null)
            throw new FormatException("taskParamList");
        if (Lenient.TryGet(e, "taskParamMap", out var tpm) && tpm.ValueKind != JsonValueKind.Object)
            throw new FormatException("taskParamMap");

        return new TaskDefinitionLogRow
        {
            Code = Lenient.Long(e, "code"),
            Name = Lenient.String(e, "name"),
            Version = Lenient.Int(e, "version"),
            Description = Lenient.String(e, "description"),
            TaskType = Lenient.String(e, "taskType"),
            TaskParams = Lenient.JsonData(e, "taskParams"),
            Flag = Lenient.Enum<Flag>(e, "flag", null),
            IsCache = flavor.TasksNeedIsCache ? Lenient.Enum<Flag>(e, "isCache", null) : null,
            TaskPriority = Lenient.Enum<Priority>(e, "taskPriority", null),
            WorkerGroup = Lenient.String(e, "workerGroup"),
            EnvironmentCode = Lenient.Long(e, "environmentCode"),
            FailRetryTimes = Lenient.Int(e, "failRetryTimes"),
            FailRetryInterval = Lenient.Int(e, "failRetryInterval"),
            TimeoutFlag = Lenient.Enum<TimeoutFlag>(e, "timeoutFlag", null),
            TimeoutNotifyStrategy = Lenient.Enum<TaskTimeoutStrategy>(e, "timeoutNotifyStrategy", null),
            Timeout = Lenient.Int(e, "timeout"),
            DelayTime = Lenient.Int(e, "delayTime"),
            ResourceIds = Lenient.String(e, "resourceIds"),
            TaskGroupId = Lenient.Int(e, "taskGroupId"),
            TaskGroupPriority = Lenient.Int(e, "taskGroupPriority"),
            CpuQuota = Lenient.IntOrNull(e, "cpuQuota"),
            MemoryMax = Lenient.IntOrNull(e, "memoryMax"),
            TaskExecuteType = Lenient.Enum<TaskExecuteType>(e, "taskExecuteType", null),
        };
    }

    /// <summary>JSONUtils.toList(taskRelationJson, WorkflowTaskRelationLog.class); null when Jackson fails.</summary>
    public static List<WorkflowTaskRelationLogRow?>? ParseRelations(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return null;
            var list = new List<WorkflowTaskRelationLogRow?>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Null)
                {
                    list.Add(null);
                    continue;
                }
                if (e.ValueKind != JsonValueKind.Object)
                    return null;
                foreach (var name in new[] { "id", "projectCode", "processDefinitionCode", "workflowDefinitionCode", "operator",
                             "processDefinitionVersion", "workflowDefinitionVersion" })
                    Lenient.LongOrNull(e, name);
                foreach (var name in new[] { "createTime", "updateTime", "operateTime" })
                    DateField(e, name);
                list.Add(new WorkflowTaskRelationLogRow
                {
                    Name = Lenient.String(e, "name"),
                    PreTaskCode = Lenient.Long(e, "preTaskCode"),
                    PreTaskVersion = Lenient.Int(e, "preTaskVersion"),
                    PostTaskCode = Lenient.Long(e, "postTaskCode"),
                    PostTaskVersion = Lenient.Int(e, "postTaskVersion"),
                    ConditionType = Lenient.Enum<ConditionType>(e, "conditionType", null),
                    ConditionParams = Lenient.JsonData(e, "conditionParams"),
                });
            }
            return list;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// A java.util.Date property under JSONUtils' <c>yyyy-MM-dd HH:mm:ss</c> SimpleDateFormat (lenient, prefix parse,
    /// server zone = UTC) or epoch milliseconds. Null when absent; FormatException when Jackson could not read it.
    /// </summary>
    public static DateTime? DateField(JsonElement o, string name)
    {
        if (!Lenient.TryGet(o, name, out var v))
            return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var ms))
            return DateTime.UnixEpoch.AddMilliseconds(ms);
        if (v.ValueKind == JsonValueKind.String)
            return ParseDate(v.GetString()!) ?? throw new FormatException($"Cannot parse date \"{v.GetString()}\"");
        throw new FormatException(name);
    }

    /// <summary>SimpleDateFormat("yyyy-MM-dd HH:mm:ss").parse (lenient: out-of-range fields roll over), in UTC.</summary>
    public static DateTime? ParseDate(string text)
    {
        var m = DateRegex().Match(text);
        if (!m.Success)
            return null;
        int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        try
        {
            var d = new DateTime(Math.Max(1, G(1)), 1, 1, 0, 0, 0, DateTimeKind.Utc)
                .AddMonths(G(2) - 1).AddDays(G(3) - 1).AddHours(G(4)).AddMinutes(G(5)).AddSeconds(G(6));
            return d;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*(\d{1,4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})")]
    private static partial Regex DateRegex();
}
