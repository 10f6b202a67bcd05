using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// Base of the cmdlets that move file content: like <c>Run</c>, but the core also reports progress, which is written
    /// with Write-Progress on the pipeline thread (polled five times a second) and completed at the end.
    /// </summary>
    public abstract class DsTransferCmdlet : DsCmdlet
    {
        private static int _nextActivity = 0x5D50;

        /// <summary>One progress bar per cmdlet invocation.</summary>
        protected int ActivityId { get; } = Interlocked.Increment(ref _nextActivity);

        private bool _progressShown;

        protected T RunWithProgress<T, TProgress>(Func<IProgress<TProgress>, CancellationToken, Task<T>> call, Func<TProgress, ProgressRecord> describe)
        {
            var log = NewLog();
            var progress = new LatestProgress<TProgress>();
            Task<T> task;
            using (DsLogContext.Use(log))
            {
                try { task = call(progress, CancellationToken); }
                catch (Exception ex) { task = Task.FromException<T>(ex); }
            }
            // Progress is polled (a gauge), so a fast transfer does not wake the pipeline thread for every buffer.
            var handles = new WaitHandle[] { ((IAsyncResult)task).AsyncWaitHandle, log.Available };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles, 200);
                Drain(log);
                if (!task.IsCompleted && progress.TryTake(out var value))
                {
                    WriteProgress(describe(value));
                    _progressShown = true;
                }
            }
            Drain(log);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Ends the progress bar if one was shown.</summary>
        protected void CompleteProgress(string activity)
        {
            if (!_progressShown) return;
            WriteProgress(new ProgressRecord(ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            _progressShown = false;
        }

        protected static string Size(long bytes)
        {
            if (bytes < 0) return "?";
            string[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
            double value = bytes;
            var unit = 0;
            while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
            return value.ToString(unit == 0 ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + " " + units[unit];
        }

        private void Drain(QueuedLog log)
        {
            while (log.Items.TryDequeue(out var item))
            {
                switch (item.Level)
                {
                    case QueuedLog.Level.Verbose: WriteVerbose(item.Text); break;
                    case QueuedLog.Level.Debug: WriteDebug(item.Text); break;
                    case QueuedLog.Level.Warning: WriteWarning(item.Text); break;
                }
            }
        }

        /// <summary>Keeps only the latest report: progress is a gauge, not a log.</summary>
        private sealed class LatestProgress<TValue> : IProgress<TValue>
        {
            private readonly object _lock = new();
            private TValue _value = default!;
            private bool _has;

            public void Report(TValue value)
            {
                lock (_lock) { _value = value; _has = true; }
            }

            public bool TryTake(out TValue value)
            {
                lock (_lock)
                {
                    value = _value;
                    if (!_has) return false;
                    _has = false;
                    return true;
                }
            }
        }
    }
}
