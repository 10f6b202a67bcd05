namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// t_ds_schedules: at most one per workflow definition. Times are UTC instants (the JSON's wall times were read in
/// the server zone, UTC); <see cref="TimezoneId"/> is the zone the cron fires in. New schedules are OFFLINE.
/// </summary>
public sealed class ScheduleRow : IRow
{
    public int Id { get; set; }
    public long WorkflowDefinitionCode { get; set; }
    public DateTime StartTime { get; set; }
    public DateTime EndTime { get; set; }
    public string? TimezoneId { get; set; }
    public required string Crontab { get; set; }
    public FailureStrategy? FailureStrategy { get; set; }
    public WarningType? WarningType { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
    public int UserId { get; set; }
    public ReleaseState ReleaseState { get; set; }
    public int WarningGroupId { get; set; }
    public Priority? WorkflowInstancePriority { get; set; }
    public string? WorkerGroup { get; set; }
    public string? TenantCode { get; set; }
    public long? EnvironmentCode { get; set; }
}
