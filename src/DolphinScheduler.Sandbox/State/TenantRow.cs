namespace DolphinScheduler.Sandbox.State;

/// <summary>t_ds_tenant. <see cref="QueueId"/> is not validated by DS on create/update.</summary>
public sealed class TenantRow : IRow
{
    public int Id { get; set; }
    public required string TenantCode { get; set; }
    public string? Description { get; set; }
    public int QueueId { get; set; }
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }
}
