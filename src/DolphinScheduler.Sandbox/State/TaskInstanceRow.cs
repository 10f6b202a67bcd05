namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// t_ds_task_instance. Every attempt (first run, retry, recovery re-run) is its own row; superseded attempts get
/// <see cref="Flag"/> = NO and disappear from <c>…/{id}/tasks</c> but stay in the task-instance list.
/// </summary>
public sealed class TaskInstanceRow : IRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string TaskType { get; set; }
    public int WorkflowInstanceId { get; set; }
    public string? WorkflowInstanceName { get; set; }
    public long ProjectCode { get; set; }
    public long TaskCode { get; set; }
    public int TaskDefinitionVersion { get; set; }
    public string? ProcessDefinitionName { get; set; }
    public int TaskGroupPriority { get; set; }
    public TaskExecutionStatus State { get; set; }
    public DateTime? FirstSubmitTime { get; set; }
    public DateTime? SubmitTime { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public string? Host { get; set; }
    public string? ExecutePath { get; set; }
    public string? LogPath { get; set; }
    public int RetryTimes { get; set; }
    public Flag AlertFlag { get; set; } = Flag.NO;
    public int Pid { get; set; }
    public string? AppLink { get; set; }
    public Flag Flag { get; set; } = Flag.YES;
    public int MaxRetryTimes { get; set; }
    public int RetryInterval { get; set; }
    public string? TaskInstancePriority { get; set; }
    public string? WorkflowInstancePriority { get; set; }
    public string? WorkerGroup { get; set; }
    public long? EnvironmentCode { get; set; }
    public string? EnvironmentConfig { get; set; }
    public int ExecutorId { get; set; }
    public string? VarPool { get; set; }
    public string? ExecutorName { get; set; }
    public int DelayTime { get; set; }
    public string? TaskParams { get; set; }
    public int DryRun { get; set; }
    public int TaskGroupId { get; set; }
    public int? CpuQuota { get; set; }
    public int? MemoryMax { get; set; }
    public string TaskExecuteType { get; set; } = "BATCH";
    public int TestFlag { get; set; }
}
