namespace DolphinScheduler.Sandbox.Execution;

/// <summary>
/// How the execution area reads the workflow-definition store (owned by the definitions area). All members are
/// called under <see cref="State.SandboxStore.Gate"/>.
/// </summary>
public interface IWorkflowDefinitionSource
{
    /// <summary>The current version of a definition (with its release state), or null when the code is unknown.</summary>
    WorkflowSnapshot? Current(long code);

    /// <summary>A stored version of a definition, or null.</summary>
    WorkflowSnapshot? Version(long code, int version);

    /// <summary>
    /// The <c>dagData</c> object of a definition version as the definitions area serializes it
    /// (<c>{workflowDefinition, workflowTaskRelationList, taskDefinitionList}</c>), or null.
    /// </summary>
    object? DagData(long code, int version);
}

/// <summary>Until a definition store is wired in: no definitions exist.</summary>
public sealed class NoWorkflowDefinitions : IWorkflowDefinitionSource
{
    public static readonly NoWorkflowDefinitions Instance = new();

    public WorkflowSnapshot? Current(long code) => null;

    public WorkflowSnapshot? Version(long code, int version) => null;

    public object? DagData(long code, int version) => null;
}
