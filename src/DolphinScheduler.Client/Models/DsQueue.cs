using System;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>A YARN queue registered in DS's security centre.</summary>
    public sealed class DsQueue : DsObject
    {
        public int Id { get; private set; }
        /// <summary>The display name (queueName).</summary>
        public string Name { get; private set; } = "";
        /// <summary>The YARN queue value (queue), e.g. root.etl.</summary>
        public string QueueValue { get; private set; } = "";
        public DateTime? CreateTime { get; private set; }
        public DateTime? UpdateTime { get; private set; }

        internal static DsQueue From(WireObject w, DsConnection connection) => new()
        {
            Connection = connection,
            Id = w.Int("id") ?? 0,
            Name = w.String("queueName") ?? "",
            QueueValue = w.String("queue") ?? "",
            CreateTime = w.Date("createTime"),
            UpdateTime = w.Date("updateTime"),
        };

        public override string ToString() => Name;
    }
}
