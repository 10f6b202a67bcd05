using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>DS <c>Tenant</c> JSON (README §4).</summary>
[DsEntity("Tenant")]
public sealed class TenantView
{
    public int Id { get; init; }
    public string? TenantCode { get; init; }
    public string? Description { get; init; }
    public int QueueId { get; init; }
    public string? QueueName { get; init; }
    public string? Queue { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }

    public static TenantView From(TenantRow t, string? queueName = null, string? queue = null) => new()
    {
        Id = t.Id,
        TenantCode = t.TenantCode,
        Description = t.Description,
        QueueId = t.QueueId,
        QueueName = queueName,
        Queue = queue,
        CreateTime = t.CreateTime,
        UpdateTime = t.UpdateTime,
    };
}
