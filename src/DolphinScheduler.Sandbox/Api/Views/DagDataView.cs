using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>DS <c>DagData</c>: {workflowDefinition, workflowTaskRelationList, taskDefinitionList} (3.2: processDefinition, processTaskRelationList).</summary>
[DsEntity("DagData")]
public sealed class DagDataView
{
    public required WorkflowDefinitionView WorkflowDefinition { get; init; }
    public required List<WorkflowTaskRelationView> WorkflowTaskRelationList { get; init; }
    public required List<TaskDefinitionView> TaskDefinitionList { get; init; }

    /// <summary>genDagData: the definition as read, the relation-log rows of its version and their task-log rows.</summary>
    public static DagDataView From(WorkflowDag dag, WorkflowDefinitionView? definition = null) => new()
    {
        WorkflowDefinition = definition ?? WorkflowDefinitionView.Read(dag.Definition),
        WorkflowTaskRelationList = dag.Relations.Select(WorkflowTaskRelationView.From).ToList(),
        TaskDefinitionList = dag.Tasks.Select(t => TaskDefinitionView.From(t)).ToList(),
    };
}
