using System;
using System.Collections.Generic;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>
    /// What <c>start-workflow-instance</c> answered, as the flavour reads it: 3.3+ returns the ids of the instances it
    /// created; 3.2 returns a trigger code whose instances appear (once the master handled the command) under
    /// <c>GET .../process-instances/trigger?triggerCode=</c>.
    /// </summary>
    internal sealed class StartAnswer
    {
        private StartAnswer(IReadOnlyList<int> ids, long? triggerCode)
        {
            InstanceIds = ids;
            TriggerCode = triggerCode;
        }

        public IReadOnlyList<int> InstanceIds { get; }
        public long? TriggerCode { get; }

        public static StartAnswer Ids(IReadOnlyList<int> ids) => new(ids, null);
        public static StartAnswer Trigger(long triggerCode) => new(Array.Empty<int>(), triggerCode);
    }
}
