namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// One version of a workflow as DS's <c>ProcessService.genDagData</c> assembles it: the definition, the relation-log
/// rows of that version and the task-definition-log rows they point at (post-task code and version).
/// </summary>
public sealed record WorkflowDag(
    WorkflowDefinitionRow Definition,
    IReadOnlyList<WorkflowTaskRelationLogRow> Relations,
    IReadOnlyList<TaskDefinitionLogRow> Tasks);

/// <summary>
/// Read access to stored workflow definitions for every area (API handlers, the execution engine). Call under
/// <see cref="SandboxStore.Gate"/>; the returned rows are the stored objects (do not modify them outside the gate).
/// </summary>
public static class WorkflowDags
{
    /// <summary>The current definition row (t_ds_workflow_definition) or null.</summary>
    public static WorkflowDefinitionRow? Definition(SandboxStore s, long code)
        => s.WorkflowDefinitions.All.FirstOrDefault(d => d.Code == code);

    /// <summary>A definition as of a version: the current row when it has that version, else the version log row.</summary>
    public static WorkflowDefinitionRow? DefinitionVersion(SandboxStore s, long code, int version)
    {
        var current = Definition(s, code);
        if (current is not null && current.Version == version)
            return current;
        return s.WorkflowDefinitionLogs.All.FirstOrDefault(d => d.Code == code && d.Version == version);
    }

    /// <summary>The edges of one version (relation log), in insertion order.</summary>
    public static IReadOnlyList<WorkflowTaskRelationLogRow> Relations(SandboxStore s, long code, int version)
        => s.WorkflowTaskRelationLogs.All.Where(r => r.WorkflowDefinitionCode == code && r.WorkflowDefinitionVersion == version).ToList();

    /// <summary>TaskDefinitionLogDao.queryTaskDefineLogList: the task versions named as post tasks of the edges.</summary>
    public static IReadOnlyList<TaskDefinitionLogRow> Tasks(SandboxStore s, IEnumerable<WorkflowTaskRelationRow> relations)
    {
        var wanted = relations.Where(r => r.PostTaskCode > 0).Select(r => (r.PostTaskCode, r.PostTaskVersion)).ToHashSet();
        return wanted.Count == 0 ? [] : s.TaskDefinitionLogs.All.Where(t => wanted.Contains((t.Code, t.Version))).ToList();
    }

    /// <summary>One task version (t_ds_task_definition_log) or null.</summary>
    public static TaskDefinitionLogRow? TaskVersion(SandboxStore s, long code, int version)
        => s.TaskDefinitionLogs.All.FirstOrDefault(t => t.Code == code && t.Version == version);

    /// <summary>The DAG of a definition version, or null when the definition/version does not exist.</summary>
    public static WorkflowDag? Dag(SandboxStore s, long code, int version)
    {
        var definition = DefinitionVersion(s, code, version);
        if (definition is null)
            return null;
        var relations = Relations(s, code, version);
        return new WorkflowDag(definition, relations, Tasks(s, relations));
    }

    /// <summary>The DAG of the current version.</summary>
    public static WorkflowDag? CurrentDag(SandboxStore s, long code)
        => Definition(s, code) is { } d ? Dag(s, code, d.Version) : null;

    /// <summary>The schedule of a workflow (at most one) or null.</summary>
    public static ScheduleRow? Schedule(SandboxStore s, long workflowDefinitionCode)
        => s.Schedules.All.FirstOrDefault(x => x.WorkflowDefinitionCode == workflowDefinitionCode);
}
