using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// DS <c>Schedule</c> entity JSON (README §4); the joined fields (workflowDefinitionName, projectName, userName, …) are
/// null unless the DS query fills them. List endpoints answer <see cref="ScheduleVoView"/> instead.
/// </summary>
[DsEntity("Schedule")]
public sealed class ScheduleView
{
    public int Id { get; init; }
    public long WorkflowDefinitionCode { get; init; }
    public string? WorkflowDefinitionName { get; init; }
    public string? ProjectName { get; init; }
    public string? DefinitionDescription { get; init; }
    public DateTime? StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public string? TimezoneId { get; init; }
    public string? Crontab { get; init; }
    public FailureStrategy? FailureStrategy { get; init; }
    public WarningType? WarningType { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public int UserId { get; init; }
    public string? UserName { get; init; }
    public ReleaseState? ReleaseState { get; init; }
    public int WarningGroupId { get; init; }
    public Priority? WorkflowInstancePriority { get; init; }
    public string? WorkerGroup { get; init; }
    public string? TenantCode { get; init; }
    public long? EnvironmentCode { get; init; }
    public string? EnvironmentName { get; init; }

    /// <summary>The t_ds_schedules columns only (<c>selectById</c>, <c>baseSql</c>).</summary>
    public static ScheduleView Columns(ScheduleRow s, string? workflowDefinitionName = null, string? projectName = null, string? userName = null) => new()
    {
        Id = s.Id,
        WorkflowDefinitionCode = s.WorkflowDefinitionCode,
        WorkflowDefinitionName = workflowDefinitionName,
        ProjectName = projectName,
        StartTime = s.StartTime,
        EndTime = s.EndTime,
        TimezoneId = s.TimezoneId,
        Crontab = s.Crontab,
        FailureStrategy = s.FailureStrategy,
        WarningType = s.WarningType,
        CreateTime = s.CreateTime,
        UpdateTime = s.UpdateTime,
        UserId = s.UserId,
        UserName = userName,
        ReleaseState = s.ReleaseState,
        WarningGroupId = s.WarningGroupId,
        WorkflowInstancePriority = s.WorkflowInstancePriority,
        WorkerGroup = s.WorkerGroup,
        TenantCode = s.TenantCode,
        EnvironmentCode = s.EnvironmentCode,
    };
}

/// <summary>
/// DS <c>ScheduleVO</c> (list endpoints): the Schedule fields with <c>startTime</c>/<c>endTime</c> preformatted as
/// strings in the API server's JVM zone (UTC here); <c>definitionDescription</c> is not copied by the VO constructor.
/// </summary>
[DsEntity("Schedule")]
public sealed class ScheduleVoView
{
    public int Id { get; init; }
    public long WorkflowDefinitionCode { get; init; }
    public string? WorkflowDefinitionName { get; init; }
    public string? ProjectName { get; init; }
    public string? DefinitionDescription { get; init; }
    public string? StartTime { get; init; }
    public string? EndTime { get; init; }
    public string? TimezoneId { get; init; }
    public string? Crontab { get; init; }
    public FailureStrategy? FailureStrategy { get; init; }
    public WarningType? WarningType { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public int UserId { get; init; }
    public string? UserName { get; init; }
    public ReleaseState? ReleaseState { get; init; }
    public int WarningGroupId { get; init; }
    public Priority? WorkflowInstancePriority { get; init; }
    public string? WorkerGroup { get; init; }
    public string? TenantCode { get; init; }
    public long? EnvironmentCode { get; init; }
    public string? EnvironmentName { get; init; }

    public static ScheduleVoView From(ScheduleRow s, string? workflowDefinitionName, string? projectName, string? userName) => new()
    {
        Id = s.Id,
        WorkflowDefinitionCode = s.WorkflowDefinitionCode,
        WorkflowDefinitionName = workflowDefinitionName,
        ProjectName = projectName,
        StartTime = DsDateTimeConverter.ToWire(s.StartTime),
        EndTime = DsDateTimeConverter.ToWire(s.EndTime),
        TimezoneId = s.TimezoneId,
        Crontab = s.Crontab,
        FailureStrategy = s.FailureStrategy,
        WarningType = s.WarningType,
        CreateTime = s.CreateTime,
        UpdateTime = s.UpdateTime,
        UserId = s.UserId,
        UserName = userName,
        ReleaseState = s.ReleaseState,
        WarningGroupId = s.WarningGroupId,
        WorkflowInstancePriority = s.WorkflowInstancePriority,
        WorkerGroup = s.WorkerGroup,
        TenantCode = s.TenantCode,
        EnvironmentCode = s.EnvironmentCode,
    };
}
