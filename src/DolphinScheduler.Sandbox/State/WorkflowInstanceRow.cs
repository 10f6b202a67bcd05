namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// t_ds_workflow_instance (3.2: t_ds_process_instance). Columns use the newest names; pass-through enum values
/// (failure strategy, warning type, priority, command type, depend type) are kept as the constant names the request
/// carried, so every flavour's values survive. The last block is engine bookkeeping that DS keeps in the command
/// parameter or the master's memory.
/// </summary>
public sealed class WorkflowInstanceRow : IRow
{
    public int Id { get; set; }
    public long WorkflowDefinitionCode { get; set; }
    public int WorkflowDefinitionVersion { get; set; }
    public long ProjectCode { get; set; }
    public WorkflowExecutionStatus State { get; set; }
    public List<StateDesc> StateHistory { get; } = [];
    public Flag Recovery { get; set; } = Flag.NO;
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public int RunTimes { get; set; }
    public required string Name { get; set; }
    public string? Host { get; set; }
    public string CommandType { get; set; } = "START_PROCESS";
    public string? CommandParam { get; set; }
    public string? TaskDependType { get; set; }
    public int MaxTryTimes { get; set; }
    public string? FailureStrategy { get; set; }
    public string? WarningType { get; set; }
    public int? WarningGroupId { get; set; }
    public DateTime? ScheduleTime { get; set; }
    public DateTime? CommandStartTime { get; set; }
    public string? GlobalParams { get; set; }
    public int ExecutorId { get; set; }
    public string? ExecutorName { get; set; }
    public string? TenantCode { get; set; }
    public Flag IsSubWorkflow { get; set; } = Flag.NO;
    public string? HistoryCmd { get; set; }
    public string? WorkflowInstancePriority { get; set; }
    public string? WorkerGroup { get; set; }
    public long? EnvironmentCode { get; set; }
    public int Timeout { get; set; }
    public string? VarPool { get; set; }
    public int NextWorkflowInstanceId { get; set; }
    public int DryRun { get; set; }
    public DateTime? RestartTime { get; set; }
    public int TestFlag { get; set; }

    // ---- engine bookkeeping (not columns) ----

    /// <summary>3.2 trigger code of the start call that created the instance (t_ds_trigger_relation).</summary>
    public long? TriggerCode { get; set; }

    /// <summary>The task codes the run starts from (empty = all), with <see cref="TaskDependType"/>.</summary>
    public List<long> StartNodes { get; set; } = [];

    /// <summary>Start parameters (startParams) by name; they override global parameters of the same name.</summary>
    public Dictionary<string, string> StartParams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The sub-workflow task instance that started this instance (0 = none).</summary>
    public int ParentTaskInstanceId { get; set; }

    /// <summary>The parent workflow instance (0 = none).</summary>
    public int ParentWorkflowInstanceId { get; set; }

    /// <summary>Seeded rows never ran; they have no task instances and no definition snapshot.</summary>
    public bool Seeded { get; set; }

    public void AddHistoryCmd(string commandType)
        => HistoryCmd = string.IsNullOrEmpty(HistoryCmd) ? commandType : HistoryCmd + "," + commandType;

    /// <summary>ProcessInstance.isComplementData(): historyCmd starts with COMPLEMENT_DATA.</summary>
    public bool IsComplementData => HistoryCmd?.StartsWith("COMPLEMENT_DATA", StringComparison.Ordinal) == true;
}

/// <summary>One entry of <c>stateHistory</c>: <c>{"time":"yyyy-MM-dd HH:mm:ss","state":"NAME","desc":"…"}</c>.</summary>
public sealed record StateDesc(DateTime Time, WorkflowExecutionStatus State, string Desc);
