namespace DolphinScheduler.Sandbox.State;

/// <summary>t_ds_queue: <see cref="Queue"/> is the YARN queue value, <see cref="QueueName"/> its display name.</summary>
public sealed class QueueRow : IRow
{
    public int Id { get; set; }
    public required string QueueName { get; set; }
    public required string Queue { get; set; }
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }
}
