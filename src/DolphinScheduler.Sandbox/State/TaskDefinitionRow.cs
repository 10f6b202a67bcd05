namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// t_ds_task_definition: the current version of a task definition (tasks belong to a project; a workflow version
/// uses specific task versions through its relations). All versions are in <see cref="SandboxStore.TaskDefinitionLogs"/>.
/// Enum fields are null when the JSON carried no or an unknown name (DS reads unknown enum names as null).
/// </summary>
public class TaskDefinitionRow : IRow
{
    public int Id { get; set; }
    public long Code { get; set; }
    public string? Name { get; set; }
    public int Version { get; set; }
    public string? Description { get; set; }
    public long ProjectCode { get; set; }
    public int UserId { get; set; }
    public string? TaskType { get; set; }
    /// <summary>JSON text of the type-specific parameters (sent as an embedded object, answered as one).</summary>
    public string? TaskParams { get; set; }
    public Flag? Flag { get; set; }
    /// <summary>3.2 only (<c>isCache</c>).</summary>
    public Flag? IsCache { get; set; }
    public Priority? TaskPriority { get; set; }
    public string? WorkerGroup { get; set; }
    public long EnvironmentCode { get; set; }
    public int FailRetryTimes { get; set; }
    /// <summary>Minutes.</summary>
    public int FailRetryInterval { get; set; }
    public TimeoutFlag? TimeoutFlag { get; set; }
    public TaskTimeoutStrategy? TimeoutNotifyStrategy { get; set; }
    /// <summary>Minutes.</summary>
    public int Timeout { get; set; }
    /// <summary>Minutes.</summary>
    public int DelayTime { get; set; }
    public string? ResourceIds { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public int TaskGroupId { get; set; }
    public int TaskGroupPriority { get; set; }
    public int? CpuQuota { get; set; }
    public int? MemoryMax { get; set; }
    public TaskExecuteType? TaskExecuteType { get; set; }

    /// <summary>TaskDefinition.equals: the fields whose change makes a new task version.</summary>
    public bool SameDefinitionAs(TaskDefinitionRow o)
        => FailRetryTimes == o.FailRetryTimes && FailRetryInterval == o.FailRetryInterval && Timeout == o.Timeout
           && DelayTime == o.DelayTime && Name == o.Name && Description == o.Description && TaskType == o.TaskType
           && TaskParams == o.TaskParams && Flag == o.Flag && IsCache == o.IsCache && TaskPriority == o.TaskPriority
           && WorkerGroup == o.WorkerGroup && TimeoutFlag == o.TimeoutFlag && TimeoutNotifyStrategy == o.TimeoutNotifyStrategy
           && (ResourceIds == o.ResourceIds || (ResourceIds == "" && o.ResourceIds is null) || (o.ResourceIds == "" && ResourceIds is null))
           && EnvironmentCode == o.EnvironmentCode && TaskGroupId == o.TaskGroupId && TaskGroupPriority == o.TaskGroupPriority
           && (CpuQuota ?? -1) == (o.CpuQuota ?? -1) && (MemoryMax ?? -1) == (o.MemoryMax ?? -1) && TaskExecuteType == o.TaskExecuteType;

    protected void CopyTaskTo(TaskDefinitionRow t)
    {
        t.Id = Id; t.Code = Code; t.Name = Name; t.Version = Version; t.Description = Description; t.ProjectCode = ProjectCode;
        t.UserId = UserId; t.TaskType = TaskType; t.TaskParams = TaskParams; t.Flag = Flag; t.IsCache = IsCache;
        t.TaskPriority = TaskPriority; t.WorkerGroup = WorkerGroup; t.EnvironmentCode = EnvironmentCode;
        t.FailRetryTimes = FailRetryTimes; t.FailRetryInterval = FailRetryInterval; t.TimeoutFlag = TimeoutFlag;
        t.TimeoutNotifyStrategy = TimeoutNotifyStrategy; t.Timeout = Timeout; t.DelayTime = DelayTime; t.ResourceIds = ResourceIds;
        t.CreateTime = CreateTime; t.UpdateTime = UpdateTime; t.TaskGroupId = TaskGroupId; t.TaskGroupPriority = TaskGroupPriority;
        t.CpuQuota = CpuQuota; t.MemoryMax = MemoryMax; t.TaskExecuteType = TaskExecuteType;
    }

    /// <summary>The current-table row for this definition (id 0: the table assigns one).</summary>
    public TaskDefinitionRow ToCurrent()
    {
        var t = new TaskDefinitionRow();
        CopyTaskTo(t);
        t.Id = 0;
        return t;
    }
}

/// <summary>t_ds_task_definition_log: one row per task version (<see cref="Operator"/> = user id who saved it).</summary>
public sealed class TaskDefinitionLogRow : TaskDefinitionRow
{
    public int Operator { get; set; }
    public DateTime OperateTime { get; set; }

    public TaskDefinitionLogRow CopyLog()
    {
        var t = new TaskDefinitionLogRow { Operator = Operator, OperateTime = OperateTime };
        CopyTaskTo(t);
        return t;
    }
}
