namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// t_ds_workflow_task_relation (3.2: t_ds_process_task_relation): one DAG edge of the current workflow version.
/// Roots have <see cref="PreTaskCode"/> 0. The edges of every version are in <see cref="SandboxStore.WorkflowTaskRelationLogs"/>.
/// </summary>
public class WorkflowTaskRelationRow : IRow
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public int WorkflowDefinitionVersion { get; set; }
    public long ProjectCode { get; set; }
    public long WorkflowDefinitionCode { get; set; }
    public long PreTaskCode { get; set; }
    public int PreTaskVersion { get; set; }
    public long PostTaskCode { get; set; }
    public int PostTaskVersion { get; set; }
    public ConditionType? ConditionType { get; set; }
    /// <summary>JSON text (sent as an embedded object, answered as one).</summary>
    public string? ConditionParams { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }

    protected void CopyRelationTo(WorkflowTaskRelationRow r)
    {
        r.Id = Id; r.Name = Name; r.WorkflowDefinitionVersion = WorkflowDefinitionVersion; r.ProjectCode = ProjectCode;
        r.WorkflowDefinitionCode = WorkflowDefinitionCode; r.PreTaskCode = PreTaskCode; r.PreTaskVersion = PreTaskVersion;
        r.PostTaskCode = PostTaskCode; r.PostTaskVersion = PostTaskVersion; r.ConditionType = ConditionType;
        r.ConditionParams = ConditionParams; r.CreateTime = CreateTime; r.UpdateTime = UpdateTime;
    }

    public WorkflowTaskRelationRow ToCurrent()
    {
        var r = new WorkflowTaskRelationRow();
        CopyRelationTo(r);
        r.Id = 0;
        return r;
    }

    /// <summary>The fields that make two edges the same edge (version-independent).</summary>
    public bool SameEdgeAs(WorkflowTaskRelationRow o)
        => Name == o.Name && PreTaskCode == o.PreTaskCode && PreTaskVersion == o.PreTaskVersion && PostTaskCode == o.PostTaskCode
           && PostTaskVersion == o.PostTaskVersion && ConditionType == o.ConditionType && ConditionParams == o.ConditionParams;
}

/// <summary>t_ds_workflow_task_relation_log: the edges of one workflow version.</summary>
public sealed class WorkflowTaskRelationLogRow : WorkflowTaskRelationRow
{
    public int Operator { get; set; }
    public DateTime OperateTime { get; set; }

    public WorkflowTaskRelationLogRow CopyLog()
    {
        var r = new WorkflowTaskRelationLogRow { Operator = Operator, OperateTime = OperateTime };
        CopyRelationTo(r);
        return r;
    }
}
