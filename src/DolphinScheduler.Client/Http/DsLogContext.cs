using System;
using System.Threading;

namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// The log sink of the current logical operation. A connection is shared by many commands (and by parallel
    /// runspaces), so the sink travels with the async flow instead of living on the connection.
    /// </summary>
    public static class DsLogContext
    {
        private static readonly AsyncLocal<IDsLog?> CurrentSink = new();

        public static IDsLog Current => CurrentSink.Value ?? NullLog.Instance;

        public static IDisposable Use(IDsLog log)
        {
            var previous = CurrentSink.Value;
            CurrentSink.Value = log;
            return new Restore(previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly IDsLog? _previous;
            public Restore(IDsLog? previous) { _previous = previous; }
            public void Dispose() => CurrentSink.Value = _previous;
        }
    }
}
