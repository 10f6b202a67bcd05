using System.Text.Json.Serialization;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// DS <c>WorkflowDefinition</c> (3.2 <c>ProcessDefinition</c>) JSON, README §4 field order; version-log rows
/// (WorkflowDefinitionLog) add <c>operator</c> and <c>operateTime</c>. Fields that are not columns (userName,
/// projectName, schedule, modifyBy, …) are filled only where the DS query joins them.
/// </summary>
[DsEntity("WorkflowDefinition")]
public sealed class WorkflowDefinitionView
{
    public int? Id { get; init; }
    public long Code { get; init; }
    public string? Name { get; init; }
    public int Version { get; init; }
    public ReleaseState? ReleaseState { get; init; }
    public long ProjectCode { get; init; }
    public string? Description { get; init; }
    public string? GlobalParams { get; init; }
    public List<PropertyView>? GlobalParamList { get; init; }
    public Dictionary<string, string?>? GlobalParamMap { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public Flag? Flag { get; init; }
    public int UserId { get; init; }
    public string? UserName { get; init; }
    public string? ProjectName { get; init; }
    public string? Locations { get; init; }
    public ReleaseState? ScheduleReleaseState { get; init; }
    public ScheduleView? Schedule { get; init; }
    public int Timeout { get; init; }
    public string? ModifyBy { get; init; }
    public int? WarningGroupId { get; init; }
    public WorkflowExecutionType? ExecutionType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Operator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? OperateTime { get; init; }

    /// <summary>
    /// A row as MyBatis reads it (setters run: globalParamList is parsed); <c>getGlobalParamMap()</c> is computed
    /// from globalParams when that is non-empty.
    /// </summary>
    public static WorkflowDefinitionView Read(WorkflowDefinitionRow d, string? userName = null, string? projectName = null,
        ScheduleRow? schedule = null, string? modifyBy = null)
        => Build(d, PropertyView.ListOf(d.GlobalParams), d.GlobalParams, userName, projectName, schedule, modifyBy);

    public static WorkflowDefinitionView Build(WorkflowDefinitionRow d, List<PropertyView>? globalParamList, string? mapSource,
        string? userName = null, string? projectName = null, ScheduleRow? schedule = null, string? modifyBy = null,
        int? version = null, ReleaseState? releaseState = null, bool releaseStateUnset = false)
        => new()
        {
            Id = d.Id,
            Code = d.Code,
            Name = d.Name,
            Version = version ?? d.Version,
            ReleaseState = releaseStateUnset ? null : releaseState ?? d.ReleaseState,
            ProjectCode = d.ProjectCode,
            Description = d.Description,
            GlobalParams = d.GlobalParams,
            GlobalParamList = globalParamList,
            GlobalParamMap = ParamMap(mapSource),
            CreateTime = d.CreateTime,
            UpdateTime = d.UpdateTime,
            Flag = d.Flag,
            UserId = d.UserId,
            UserName = userName,
            ProjectName = projectName,
            Locations = d.Locations,
            ScheduleReleaseState = schedule?.ReleaseState,
            Schedule = schedule is null ? null : ScheduleView.Columns(schedule),
            Timeout = d.Timeout,
            ModifyBy = modifyBy,
            WarningGroupId = d.WarningGroupId,
            ExecutionType = d.ExecutionType,
            Operator = (d as WorkflowDefinitionLogRow)?.Operator,
            OperateTime = (d as WorkflowDefinitionLogRow)?.OperateTime,
        };

    /// <summary>getGlobalParamMap: null for empty text, else prop → value of the parsed list.</summary>
    public static Dictionary<string, string?>? ParamMap(string? globalParams)
    {
        if (string.IsNullOrEmpty(globalParams))
            return null;
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in PropertyView.ListOf(globalParams))
            if (p?.Prop is not null)
                map[p.Prop] = p.Value;
        return map;
    }
}
