using System;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>A tenant: the OS user DS runs tasks as, bound to a queue.</summary>
    public sealed class DsTenant : DsObject
    {
        public int Id { get; private set; }
        public string TenantCode { get; private set; } = "";
        public string? Description { get; private set; }
        public int QueueId { get; private set; }
        public string? QueueName { get; private set; }
        public string? QueueValue { get; private set; }
        public DateTime? CreateTime { get; private set; }
        public DateTime? UpdateTime { get; private set; }

        internal static DsTenant From(WireObject w, DsConnection connection) => new()
        {
            Connection = connection,
            Id = w.Int("id") ?? 0,
            TenantCode = w.String("tenantCode") ?? "",
            Description = w.String("description"),
            QueueId = w.Int("queueId") ?? 0,
            QueueName = w.String("queueName"),
            QueueValue = w.String("queue"),
            CreateTime = w.Date("createTime"),
            UpdateTime = w.Date("updateTime"),
        };

        public override string ToString() => TenantCode;
    }
}
