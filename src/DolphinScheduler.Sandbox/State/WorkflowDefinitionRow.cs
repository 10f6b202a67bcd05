namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// t_ds_workflow_definition (3.2: t_ds_process_definition): the current version of a workflow definition. Every saved
/// version is also in <see cref="SandboxStore.WorkflowDefinitionLogs"/>; the relations of version N are the
/// relation-log rows with that version, and each relation names the task-definition-log versions it uses
/// (read a version's DAG with <see cref="WorkflowDags"/>).
/// </summary>
public class WorkflowDefinitionRow : IRow
{
    public int Id { get; set; }
    public long Code { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public ReleaseState ReleaseState { get; set; }
    public long ProjectCode { get; set; }
    public string? Description { get; set; }
    /// <summary>JSON text of an array of Property, as sent (default <c>[]</c>).</summary>
    public string? GlobalParams { get; set; }
    public Flag Flag { get; set; } = Flag.YES;
    public int UserId { get; set; }
    /// <summary>JSON text as sent (the UI's <c>[{taskCode,x,y}]</c>); never parsed.</summary>
    public string? Locations { get; set; }
    /// <summary>Column written by schedule create/update (the alert group of the schedule).</summary>
    public int? WarningGroupId { get; set; }
    /// <summary>Minutes; 0 = none.</summary>
    public int Timeout { get; set; }
    public WorkflowExecutionType? ExecutionType { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }

    /// <summary>A detached copy (same id), e.g. to store as a log row or to compare before/after an update.</summary>
    public WorkflowDefinitionRow CopyDefinition() => new()
    {
        Id = Id, Code = Code, Name = Name, Version = Version, ReleaseState = ReleaseState, ProjectCode = ProjectCode,
        Description = Description, GlobalParams = GlobalParams, Flag = Flag, UserId = UserId, Locations = Locations,
        WarningGroupId = WarningGroupId, Timeout = Timeout, ExecutionType = ExecutionType, CreateTime = CreateTime, UpdateTime = UpdateTime,
    };
}

/// <summary>t_ds_workflow_definition_log: one row per saved version (<see cref="Operator"/> = user id who saved it).</summary>
public sealed class WorkflowDefinitionLogRow : WorkflowDefinitionRow
{
    public int Operator { get; set; }
    public DateTime OperateTime { get; set; }

    public static WorkflowDefinitionLogRow From(WorkflowDefinitionRow d, int operatorId, DateTime operateTime)
    {
        var c = d.CopyDefinition();
        return new WorkflowDefinitionLogRow
        {
            Code = c.Code, Name = c.Name, Version = c.Version, ReleaseState = c.ReleaseState, ProjectCode = c.ProjectCode,
            Description = c.Description, GlobalParams = c.GlobalParams, Flag = c.Flag, UserId = c.UserId, Locations = c.Locations,
            WarningGroupId = c.WarningGroupId, Timeout = c.Timeout, ExecutionType = c.ExecutionType, CreateTime = c.CreateTime,
            UpdateTime = c.UpdateTime, Operator = operatorId, OperateTime = operateTime,
        };
    }
}
