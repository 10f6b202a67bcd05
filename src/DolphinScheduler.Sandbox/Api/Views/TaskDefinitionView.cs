using System.Text.Json;
using System.Text.Json.Serialization;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// DS <c>TaskDefinition</c> JSON (README §4): <c>taskParams</c> is embedded JSON; <c>taskParamList</c>/<c>taskParamMap</c>
/// are computed from its <c>localParams</c>. Version-log rows add <c>operator</c>/<c>operateTime</c>; the detail endpoint
/// (TaskDefinitionVO) adds the relation list. 3.2 also has <c>isCache</c> and the <c>dependence</c> getter.
/// </summary>
[DsEntity("TaskDefinition")]
public sealed class TaskDefinitionView
{
    public int? Id { get; init; }
    public long Code { get; init; }
    public string? Name { get; init; }
    public int Version { get; init; }
    public string? Description { get; init; }
    public long ProjectCode { get; init; }
    public int UserId { get; init; }
    public string? TaskType { get; init; }
    public JsonElement? TaskParams { get; init; }
    public List<PropertyView>? TaskParamList { get; init; }
    public Dictionary<string, string?>? TaskParamMap { get; init; }
    public Flag? Flag { get; init; }
    public Flag? IsCache { get; init; }
    public Priority? TaskPriority { get; init; }
    public string? UserName { get; init; }
    public string? ProjectName { get; init; }
    public string? WorkerGroup { get; init; }
    public long EnvironmentCode { get; init; }
    public int FailRetryTimes { get; init; }
    public int FailRetryInterval { get; init; }
    public TimeoutFlag? TimeoutFlag { get; init; }
    public TaskTimeoutStrategy? TimeoutNotifyStrategy { get; init; }
    public int Timeout { get; init; }
    public int DelayTime { get; init; }
    public string? ResourceIds { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public string? ModifyBy { get; init; }
    public int TaskGroupId { get; init; }
    public int TaskGroupPriority { get; init; }
    public int CpuQuota { get; init; }
    public int MemoryMax { get; init; }
    public TaskExecuteType? TaskExecuteType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Operator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? OperateTime { get; init; }

    /// <summary>3.2 getter: <c>JSONUtils.getNodeString(taskParams, "dependence")</c> ("" when absent).</summary>
    public string? Dependence { get; init; }

    /// <summary>TaskDefinitionVO only (GET task-definition/{code}).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<WorkflowTaskRelationView>? WorkflowTaskRelationList { get; init; }

    public static TaskDefinitionView From(TaskDefinitionRow t, List<WorkflowTaskRelationView>? relations = null)
    {
        var log = t as TaskDefinitionLogRow;
        var (list, map) = LocalParams(t.TaskParams);
        return new TaskDefinitionView
        {
            Id = t.Id,
            Code = t.Code,
            Name = t.Name,
            Version = t.Version,
            Description = t.Description,
            ProjectCode = t.ProjectCode,
            UserId = t.UserId,
            TaskType = t.TaskType,
            TaskParams = Lenient.Raw(t.TaskParams),
            TaskParamList = list,
            TaskParamMap = map,
            Flag = t.Flag,
            IsCache = t.IsCache,
            TaskPriority = t.TaskPriority,
            WorkerGroup = t.WorkerGroup,
            EnvironmentCode = t.EnvironmentCode,
            FailRetryTimes = t.FailRetryTimes,
            FailRetryInterval = t.FailRetryInterval,
            TimeoutFlag = t.TimeoutFlag,
            TimeoutNotifyStrategy = t.TimeoutNotifyStrategy,
            Timeout = t.Timeout,
            DelayTime = t.DelayTime,
            ResourceIds = t.ResourceIds,
            CreateTime = t.CreateTime,
            UpdateTime = t.UpdateTime,
            TaskGroupId = t.TaskGroupId,
            TaskGroupPriority = t.TaskGroupPriority,
            CpuQuota = t.CpuQuota ?? -1,
            MemoryMax = t.MemoryMax ?? -1,
            TaskExecuteType = t.TaskExecuteType,
            Operator = log?.Operator,
            OperateTime = log?.OperateTime,
            Dependence = NodeString(t.TaskParams, "dependence"),
            WorkflowTaskRelationList = relations,
        };
    }

    /// <summary>getTaskParamList / getTaskParamMap: from the first <c>localParams</c> anywhere in taskParams.</summary>
    public static (List<PropertyView>? List, Dictionary<string, string?>? Map) LocalParams(string? taskParams)
    {
        if (string.IsNullOrEmpty(taskParams))
            return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(taskParams);
            if (Lenient.FindValue(doc.RootElement, "localParams") is not { } local || local.ValueKind == JsonValueKind.Null)
                return (null, null);
            var list = PropertyView.ListOf(local) ?? [];
            Dictionary<string, string?>? map = null;
            if (list.Count > 0)
            {
                map = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var p in list)
                    if (p?.Prop is not null)
                        map[p.Prop] = p.Value;
            }
            return (list, map);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>JSONUtils.getNodeString: the text of the first such node ("" when absent or unparsable).</summary>
    public static string NodeString(string? json, string name)
    {
        if (string.IsNullOrEmpty(json))
            return "";
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (Lenient.FindValue(doc.RootElement, name) is not { } node)
                return "";
            return node.ValueKind == JsonValueKind.String ? node.GetString()! : Lenient.Compact(node);
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
