using System.Text.Json;
using System.Text.Json.Serialization;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// DS <c>WorkflowTaskRelation</c> (3.2 <c>ProcessTaskRelation</c>) JSON; <c>conditionParams</c> is embedded JSON.
/// Log rows (what DagData carries) add <c>operator</c>/<c>operateTime</c>.
/// </summary>
[DsEntity("WorkflowTaskRelation")]
public sealed class WorkflowTaskRelationView
{
    public int? Id { get; init; }
    public string? Name { get; init; }
    public int WorkflowDefinitionVersion { get; init; }
    public long ProjectCode { get; init; }
    public long WorkflowDefinitionCode { get; init; }
    public long PreTaskCode { get; init; }
    public int PreTaskVersion { get; init; }
    public long PostTaskCode { get; init; }
    public int PostTaskVersion { get; init; }
    public ConditionType? ConditionType { get; init; }
    public JsonElement? ConditionParams { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Operator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? OperateTime { get; init; }

    public static WorkflowTaskRelationView From(WorkflowTaskRelationRow r)
    {
        var log = r as WorkflowTaskRelationLogRow;
        return new WorkflowTaskRelationView
        {
            Id = r.Id,
            Name = r.Name,
            WorkflowDefinitionVersion = r.WorkflowDefinitionVersion,
            ProjectCode = r.ProjectCode,
            WorkflowDefinitionCode = r.WorkflowDefinitionCode,
            PreTaskCode = r.PreTaskCode,
            PreTaskVersion = r.PreTaskVersion,
            PostTaskCode = r.PostTaskCode,
            PostTaskVersion = r.PostTaskVersion,
            ConditionType = r.ConditionType,
            ConditionParams = Lenient.Raw(r.ConditionParams),
            CreateTime = r.CreateTime,
            UpdateTime = r.UpdateTime,
            Operator = log?.Operator,
            OperateTime = log?.OperateTime,
        };
    }
}
