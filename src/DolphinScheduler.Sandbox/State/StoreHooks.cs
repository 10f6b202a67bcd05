namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// Questions the foundation areas ask about data later areas own. Defaults answer "none"; the workflow,
/// schedule and execution areas replace them when they are added (combine delegates if several areas answer).
/// All are invoked under <see cref="SandboxStore.Gate"/>.
/// </summary>
public sealed class StoreHooks
{
    /// <summary>Workflow definitions in a project: blocks project delete (10137) and fills <c>defCount</c>.</summary>
    public Func<long, int> CountWorkflowDefinitions { get; set; } = _ => 0;

    /// <summary>Running instances of a project's current definitions: 3.2's <c>Project.instRunningCount</c>.</summary>
    public Func<long, int> CountRunningWorkflowInstances { get; set; } = _ => 0;

    /// <summary>Unfinished workflow instances running with a tenant code: blocks tenant delete (10142).</summary>
    public Func<string, int> CountUnfinishedInstancesOfTenant { get; set; } = _ => 0;

    /// <summary>Schedules using a tenant code: blocks tenant delete (10143).</summary>
    public Func<string, int> CountSchedulesOfTenant { get; set; } = _ => 0;

    // Asked by the workflow-definition area about instances (owned by the execution engine).

    /// <summary>
    /// Workflow instances of a definition (any version when the version is null) that are not in a final state:
    /// blocks definition delete and version delete (10163).
    /// </summary>
    public Func<long, int?, int> CountUnfinishedInstancesOfDefinition { get; set; } = (_, _) => 0;

    /// <summary>Deleting a definition deletes its workflow instances (and their task instances, sub-instances, logs).</summary>
    public Action<long> DeleteInstancesOfDefinition { get; set; } = _ => { };
}
