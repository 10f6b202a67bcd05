using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>
    /// Collects core log text from any thread; the cmdlet writes it out on the pipeline thread. Verbose and debug text
    /// is only asked for when the cmdlet would show it (<see cref="IDsLog.VerboseEnabled"/>), so a plain call queues
    /// nothing and wakes the pipeline thread once, when its work is done.
    /// </summary>
    internal sealed class QueuedLog : IDsLog
    {
        public enum Level { Verbose, Debug, Warning }

        // Set when an item is queued or the awaited task ends; no kernel handle unless Available is asked for.
        private readonly ManualResetEventSlim _signal = new(false);
        private AutoResetEvent? _available;

        public QueuedLog() : this(true, true) { }

        public QueuedLog(bool verbose, bool debug)
        {
            VerboseEnabled = verbose;
            DebugEnabled = debug;
        }

        public bool VerboseEnabled { get; }
        public bool DebugEnabled { get; }

        public ConcurrentQueue<(Level Level, string Text)> Items { get; } = new();

        /// <summary>A wait handle set on each queued item, for callers that wait on handles (made on first use).</summary>
        public AutoResetEvent Available
        {
            get
            {
                if (_available == null) Interlocked.CompareExchange(ref _available, new AutoResetEvent(!Items.IsEmpty), null);
                return _available!;
            }
        }

        public void Verbose(string message) { if (VerboseEnabled) Enqueue(Level.Verbose, message); }
        public void Debug(string message) { if (DebugEnabled) Enqueue(Level.Debug, message); }
        public void Warning(string message) => Enqueue(Level.Warning, message);

        /// <summary>Blocks until <paramref name="task"/> has ended or an item is queued (items queued before count).</summary>
        public void WaitForItemOr(Task task)
        {
            if (task.IsCompleted || !Items.IsEmpty) return;
            if (!_continuationAdded)
            {
                _continuationAdded = true;
                task.ContinueWith((_, state) => ((ManualResetEventSlim)state!).Set(), _signal, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            _signal.Wait();
            _signal.Reset();
        }

        private bool _continuationAdded;

        private void Enqueue(Level level, string text)
        {
            Items.Enqueue((level, text));
            _signal.Set();
            _available?.Set();
        }
    }
}
