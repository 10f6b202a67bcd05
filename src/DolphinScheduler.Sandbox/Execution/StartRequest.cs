using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>A validated start (start-workflow-instance / start-process-instance / batch start / sub-workflow).</summary>
public sealed class StartRequest
{
    public required WorkflowSnapshot Workflow { get; init; }
    public required UserRow User { get; init; }

    /// <summary>START_PROCESS, COMPLEMENT_DATA (3.2 also takes other command types and runs them as a start).</summary>
    public string CommandType { get; init; } = "START_PROCESS";

    public string? FailureStrategy { get; init; } = "CONTINUE";
    public string? WarningType { get; init; } = "NONE";
    public int? WarningGroupId { get; init; }
    public string? Priority { get; init; } = "MEDIUM";
    public string WorkerGroup { get; init; } = "default";
    public string TenantCode { get; init; } = "default";
    public long EnvironmentCode { get; init; } = -1;
    public IReadOnlyList<long> StartNodes { get; init; } = [];
    public string TaskDependType { get; init; } = "TASK_POST";
    public IReadOnlyDictionary<string, string> StartParams { get; init; } = new Dictionary<string, string>();
    public int DryRun { get; init; }
    public int TestFlag { get; init; }

    /// <summary>The complement dates (one instance each); a single null for a normal start.</summary>
    public IReadOnlyList<DateTime?> ScheduleTimes { get; init; } = [null];

    /// <summary>RUN_MODE_PARALLEL runs complement dates in parallel queues; serial otherwise.</summary>
    public bool Parallel { get; init; }

    public int? ExpectedParallelismNumber { get; init; }

    /// <summary>The original scheduleTime/complement JSON, kept in the command parameter.</summary>
    public string? ScheduleTimeJson { get; init; }

    // Sub-workflow starts.
    public int ParentWorkflowInstanceId { get; init; }
    public int ParentTaskInstanceId { get; init; }
}

/// <summary>What a start created: 3.3+ instance ids (synchronously), 3.2 the trigger code.</summary>
public sealed record StartResult(IReadOnlyList<int> InstanceIds, long? TriggerCode);
