using System.Text.Json.Nodes;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>
/// What the engine needs of one workflow definition version: tasks, edges and parameters. Built from the definition
/// store (<see cref="IWorkflowDefinitionSource"/>) when an instance starts, then kept by the run, so later edits of
/// the definition do not change a running instance (DS runs the instance's definition version).
/// </summary>
public sealed class WorkflowSnapshot
{
    public required long Code { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public required long ProjectCode { get; init; }
    public string? ProjectName { get; init; }
    public bool Online { get; init; } = true;

    /// <summary>JSON text of the global parameters (array of Property), as stored on the definition.</summary>
    public string? GlobalParams { get; init; }

    /// <summary>Workflow timeout in minutes (copied to the instance; only alerts in DS).</summary>
    public int Timeout { get; init; }

    public string? Locations { get; init; }

    public required IReadOnlyList<TaskSnapshot> Tasks { get; init; }

    /// <summary>Edges (pre → post); roots have pre 0 in DS and are not listed here.</summary>
    public required IReadOnlyList<(long Pre, long Post)> Edges { get; init; }

    public TaskSnapshot? Task(long code) => Tasks.FirstOrDefault(t => t.Code == code);
}

/// <summary>One task definition version as the engine runs it.</summary>
public sealed class TaskSnapshot
{
    public required long Code { get; init; }
    public int Version { get; init; } = 1;
    public required string Name { get; init; }
    public required string TaskType { get; init; }

    /// <summary>The task parameters object (rawScript, localParams, …); null when absent.</summary>
    public JsonObject? TaskParams { get; init; }

    /// <summary>flag YES; a disabled (NO) task is skipped and counts as satisfied for its successors.</summary>
    public bool Enabled { get; init; } = true;

    public string? TaskPriority { get; init; } = "MEDIUM";
    public string? WorkerGroup { get; init; } = "default";
    public long EnvironmentCode { get; init; } = -1;
    public int FailRetryTimes { get; init; }

    /// <summary>Minutes between retries (scaled by the sandbox's retry-interval option).</summary>
    public int FailRetryInterval { get; init; } = 1;

    public bool TimeoutEnabled { get; init; }

    /// <summary>WARN, FAILED or WARNFAILED (null when closed).</summary>
    public string? TimeoutNotifyStrategy { get; init; }

    /// <summary>Minutes (scaled).</summary>
    public int Timeout { get; init; }

    /// <summary>Minutes before the task starts (scaled).</summary>
    public int DelayTime { get; init; }

    public int TaskGroupId { get; init; }
    public int TaskGroupPriority { get; init; }
    public int? CpuQuota { get; init; } = -1;
    public int? MemoryMax { get; init; } = -1;
    public string TaskExecuteType { get; init; } = "BATCH";

    public string? RawScript => TaskParams?["rawScript"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? TaskParams["rawScript"]!.GetValue<string>()
        : null;

    /// <summary>Whether the timeout kills the task (FAILED or WARNFAILED); WARN only logs.</summary>
    public bool TimeoutKills => TimeoutEnabled && TimeoutNotifyStrategy is "FAILED" or "WARNFAILED";
}
