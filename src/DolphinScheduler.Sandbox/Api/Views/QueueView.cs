using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>DS <c>Queue</c> JSON (README §4).</summary>
[DsEntity("Queue")]
public sealed class QueueView
{
    public int Id { get; init; }
    public string? QueueName { get; init; }
    public string? Queue { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }

    public static QueueView From(QueueRow q) => new()
    {
        Id = q.Id,
        QueueName = q.QueueName,
        Queue = q.Queue,
        CreateTime = q.CreateTime,
        UpdateTime = q.UpdateTime,
    };
}
