using System.Text.Json;
using System.Text.Json.Nodes;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>The engine's view of the workflow-definition tables (<see cref="WorkflowDags"/>). Called under Gate.</summary>
public sealed class StoreWorkflowDefinitions(SandboxStore store) : IWorkflowDefinitionSource
{
    /// <summary>Builds the <c>dagData</c> JSON object of a definition version; set by the definitions area's views.</summary>
    public Func<WorkflowDag, object?>? DagDataView { get; set; }

    public WorkflowSnapshot? Current(long code) => WorkflowDags.CurrentDag(store, code) is { } dag ? Snapshot(dag) : null;

    public WorkflowSnapshot? Version(long code, int version) => WorkflowDags.Dag(store, code, version) is { } dag ? Snapshot(dag) : null;

    public object? DagData(long code, int version)
        => DagDataView is { } view && WorkflowDags.Dag(store, code, version) is { } dag ? view(dag) : null;

    private WorkflowSnapshot Snapshot(WorkflowDag dag)
    {
        var d = dag.Definition;
        // Task order: as the relations list them (DS builds the DAG from the relation rows).
        var tasks = new List<TaskSnapshot>();
        var seen = new HashSet<long>();
        foreach (var r in dag.Relations)
        {
            if (r.PostTaskCode <= 0 || !seen.Add(r.PostTaskCode))
                continue;
            var t = dag.Tasks.FirstOrDefault(x => x.Code == r.PostTaskCode && x.Version == r.PostTaskVersion)
                ?? dag.Tasks.FirstOrDefault(x => x.Code == r.PostTaskCode);
            if (t is not null)
                tasks.Add(Task(t));
        }
        return new WorkflowSnapshot
        {
            Code = d.Code,
            Version = d.Version,
            Name = d.Name,
            ProjectCode = d.ProjectCode,
            ProjectName = store.Projects.All.FirstOrDefault(p => p.Code == d.ProjectCode)?.Name,
            Online = d.ReleaseState == ReleaseState.ONLINE,
            GlobalParams = d.GlobalParams,
            Timeout = d.Timeout,
            Locations = d.Locations,
            Tasks = tasks,
            Edges = dag.Relations.Where(r => r.PreTaskCode > 0 && r.PostTaskCode > 0).Select(r => (r.PreTaskCode, r.PostTaskCode)).ToList(),
        };
    }

    private static TaskSnapshot Task(TaskDefinitionRow t) => new()
    {
        Code = t.Code,
        Version = t.Version,
        Name = t.Name ?? t.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TaskType = t.TaskType ?? "SHELL",
        TaskParams = ParseObject(t.TaskParams),
        Enabled = t.Flag != Flag.NO,
        TaskPriority = t.TaskPriority?.ToString() ?? "MEDIUM",
        WorkerGroup = t.WorkerGroup,
        EnvironmentCode = t.EnvironmentCode,
        FailRetryTimes = Math.Max(0, t.FailRetryTimes),
        FailRetryInterval = Math.Max(0, t.FailRetryInterval),
        TimeoutEnabled = t.TimeoutFlag == TimeoutFlag.OPEN,
        TimeoutNotifyStrategy = t.TimeoutNotifyStrategy?.ToString(),
        Timeout = t.Timeout,
        DelayTime = Math.Max(0, t.DelayTime),
        TaskGroupId = t.TaskGroupId,
        TaskGroupPriority = t.TaskGroupPriority,
        CpuQuota = t.CpuQuota,
        MemoryMax = t.MemoryMax,
        TaskExecuteType = t.TaskExecuteType?.ToString() ?? "BATCH",
    };

    private static JsonObject? ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
