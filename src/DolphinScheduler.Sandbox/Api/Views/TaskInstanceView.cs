using System.Text.Json.Serialization;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// DS <c>TaskInstance</c> JSON (README §4): entity fields in order, then 3.2's getter-only booleans. Fields present in
/// one flavour only (3.2: isCache, cacheKey, dependency, …, testFlag) are dropped by the flavour; 3.2 renames
/// (processInstanceId, processInstance, processDefine, processInstancePriority) come from it too.
/// </summary>
[DsEntity("TaskInstance")]
public class TaskInstanceView
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public string? TaskType { get; set; }
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
    public Flag AlertFlag { get; set; }
    public object? WorkflowInstance { get; set; }
    public object? WorkflowDefinition { get; set; }
    public object? TaskDefine { get; set; }
    public int Pid { get; set; }
    public string? AppLink { get; set; }
    public Flag Flag { get; set; }
    public Flag IsCache { get; set; } = Flag.NO;
    public string? CacheKey { get; set; }
    public object? Dependency { get; set; }
    public object? ConditionsParameters { get; set; }
    public object? SwitchDependency { get; set; }
    public string? Duration { get; set; }
    public int MaxRetryTimes { get; set; }
    public int RetryInterval { get; set; }
    public string? TaskInstancePriority { get; set; }
    public string? WorkflowInstancePriority { get; set; }
    public string? DependentResult { get; set; }
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
    public string? TaskExecuteType { get; set; }
    public int TestFlag { get; set; }

    // 3.2.2 getter-only properties (Jackson serializes them after the fields).
    public object? ConditionResult => null;
    public bool TaskComplete { get; set; }
    public bool SubProcess => TaskType is "SUB_PROCESS" or "SUB_WORKFLOW";
    public bool DependTask => TaskType == "DEPENDENT";
    public bool Dynamic => TaskType == "DYNAMIC";
    public bool ConditionsTask => TaskType == "CONDITIONS";
    public bool SwitchTask => TaskType == "SWITCH";
    public bool BlockingTask => TaskType == "BLOCKING";
    public bool FirstRun => EndTime is null;

    public static TaskInstanceView From(TaskInstanceRow t, string? duration = null) => Fill(new TaskInstanceView(), t, duration);

    protected static T Fill<T>(T v, TaskInstanceRow t, string? duration) where T : TaskInstanceView
    {
        v.Id = t.Id;
        v.Name = t.Name;
        v.TaskType = t.TaskType;
        v.WorkflowInstanceId = t.WorkflowInstanceId;
        v.WorkflowInstanceName = t.WorkflowInstanceName;
        v.ProjectCode = t.ProjectCode;
        v.TaskCode = t.TaskCode;
        v.TaskDefinitionVersion = t.TaskDefinitionVersion;
        v.ProcessDefinitionName = t.ProcessDefinitionName;
        v.TaskGroupPriority = t.TaskGroupPriority;
        v.State = t.State;
        v.FirstSubmitTime = t.FirstSubmitTime;
        v.SubmitTime = t.SubmitTime;
        v.StartTime = t.StartTime;
        v.EndTime = t.EndTime;
        v.Host = t.Host;
        v.ExecutePath = t.ExecutePath;
        v.LogPath = t.LogPath;
        v.RetryTimes = t.RetryTimes;
        v.AlertFlag = t.AlertFlag;
        v.Pid = t.Pid;
        v.AppLink = t.AppLink;
        v.Flag = t.Flag;
        v.Duration = duration;
        v.MaxRetryTimes = t.MaxRetryTimes;
        v.RetryInterval = t.RetryInterval;
        v.TaskInstancePriority = t.TaskInstancePriority;
        v.WorkflowInstancePriority = t.WorkflowInstancePriority;
        v.WorkerGroup = t.WorkerGroup;
        v.EnvironmentCode = t.EnvironmentCode;
        v.EnvironmentConfig = t.EnvironmentConfig;
        v.ExecutorId = t.ExecutorId;
        v.VarPool = t.VarPool;
        v.ExecutorName = t.ExecutorName;
        v.DelayTime = t.DelayTime;
        v.TaskParams = t.TaskParams;
        v.DryRun = t.DryRun;
        v.TaskGroupId = t.TaskGroupId;
        v.CpuQuota = t.CpuQuota;
        v.MemoryMax = t.MemoryMax;
        v.TaskExecuteType = t.TaskExecuteType;
        v.TestFlag = t.TestFlag;
        // isTaskComplete: success, kill, forced success, or failure without retries left.
        v.TaskComplete = t.State is TaskExecutionStatus.SUCCESS or TaskExecutionStatus.KILL or TaskExecutionStatus.FORCED_SUCCESS
            || (t.State == TaskExecutionStatus.FAILURE && t.RetryTimes >= t.MaxRetryTimes);
        return v;
    }
}

/// <summary>
/// 3.3+ <c>…/workflow-instances/{id}/tasks</c> items: <c>TaskInstanceDependentDetails</c> = TaskInstance plus
/// <c>taskInstanceDependentResult</c> (serialized last, after the inherited fields). 3.2 lists plain TaskInstances.
/// </summary>
[DsEntity("TaskInstance")]
public sealed class TaskInstanceDependentView : TaskInstanceView
{
    [JsonPropertyOrder(1000)]
    public object? TaskInstanceDependentResult { get; set; }

    public static TaskInstanceDependentView FromRow(TaskInstanceRow t) => Fill(new TaskInstanceDependentView(), t, null);
}

/// <summary>DS <c>ResponseTaskLog</c>: <c>lineNum</c> = lines returned (see LogStore), <c>message</c> = the text.</summary>
public sealed record ResponseTaskLogView(int LineNum, string Message);
