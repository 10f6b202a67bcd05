using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Clients
{
    public sealed class InstanceWaitOptions
    {
        /// <summary>Give up after this long (null: wait as long as it takes).</summary>
        public TimeSpan? Timeout { get; set; }
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
        /// <summary>Also read the task instances on each poll (for progress).</summary>
        public bool IncludeTasks { get; set; } = true;
        /// <summary>
        /// The instance as it was when a command (rerun, recovery, resume) was sent. While it was in a final state the
        /// wait ends only after a new run has been seen: a state other than a final one, a higher RunTimes, or another
        /// restart or end time. Without it a rerun of a SUCCESS instance would "end" at once on the old state.
        /// </summary>
        public DsInstance? Baseline { get; set; }
    }

    /// <summary>One poll of a wait.</summary>
    public sealed class InstanceWaitStatus
    {
        internal InstanceWaitStatus(DsInstance instance, IReadOnlyList<DsTaskInstance> tasks, bool ended, bool timedOut, TimeSpan elapsed, int polls)
        {
            Instance = instance;
            Tasks = tasks;
            Ended = ended;
            TimedOut = timedOut;
            Elapsed = elapsed;
            Polls = polls;
        }

        public DsInstance Instance { get; }
        public IReadOnlyList<DsTaskInstance> Tasks { get; }
        /// <summary>The instance reached a final state (of the awaited run).</summary>
        public bool Ended { get; }
        public bool TimedOut { get; }
        /// <summary>The wait is over: ended or timed out.</summary>
        public bool Done => Ended || TimedOut;
        public bool Succeeded => Ended && Instance.State == "SUCCESS";
        public TimeSpan Elapsed { get; }
        public int Polls { get; }
    }

    /// <summary>
    /// Polls one instance until it ends. Each <see cref="NextAsync"/> sleeps the poll interval (except the first),
    /// reads the instance (and its tasks), and reports; the caller shows progress between steps and stops when
    /// <see cref="InstanceWaitStatus.Done"/>. Cancellation ends the sleep at once.
    /// </summary>
    public sealed class InstanceWaiter
    {
        private readonly InstancesClient _client;
        private readonly InstanceWaitOptions _options;
        private readonly Stopwatch _watch = new();
        private readonly bool _needsNewRun;
        private DsInstance _current;
        private bool _sawNewRun;
        private int _polls;

        internal InstanceWaiter(InstancesClient client, DsInstance instance, InstanceWaitOptions options)
        {
            _client = client;
            _options = options;
            _current = instance;
            var baseline = options.Baseline;
            _needsNewRun = baseline != null && client.Rules.IsFinal(baseline.State);
        }

        public DsInstance Current => _current;

        public async Task<InstanceWaitStatus> NextAsync(CancellationToken cancellationToken = default)
        {
            if (!_watch.IsRunning) _watch.Start();
            else
            {
                var delay = _options.PollInterval;
                if (_options.Timeout is TimeSpan limit)
                {
                    var left = limit - _watch.Elapsed;
                    if (left < delay) delay = left < TimeSpan.Zero ? TimeSpan.Zero : left;
                }
                if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            _polls++;
            _current = await _client.RefreshAsync(_current, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<DsTaskInstance> tasks = Array.Empty<DsTaskInstance>();
            if (_options.IncludeTasks)
                tasks = (await _client.ListTasksAsync(_current.ProjectCode, _current.Id, cancellationToken).ConfigureAwait(false)).Tasks;

            if (_needsNewRun) TrackNewRun(_current);
            var ended = _client.Rules.IsFinal(_current.State) && (!_needsNewRun || _sawNewRun);
            var timedOut = !ended && _options.Timeout is TimeSpan t && _watch.Elapsed >= t;
            return new InstanceWaitStatus(_current, tasks, ended, timedOut, _watch.Elapsed, _polls);
        }

        private void TrackNewRun(DsInstance now)
        {
            var baseline = _options.Baseline!;
            if (!_client.Rules.IsFinal(now.State)) _sawNewRun = true;
            if (now.RunTimes > baseline.RunTimes) _sawNewRun = true;
            if (now.RestartTime != null && now.RestartTime != baseline.RestartTime) _sawNewRun = true;
            if (now.EndTime != null && baseline.EndTime != null && now.EndTime > baseline.EndTime) _sawNewRun = true;
        }

        /// <summary>Counts of the task states, e.g. "2 SUCCESS, 1 RUNNING_EXECUTION", for progress text.</summary>
        public static string Summarize(IReadOnlyList<DsTaskInstance> tasks) =>
            string.Join(", ", tasks.GroupBy(t => t.State).OrderByDescending(g => g.Count()).Select(g => g.Count() + " " + g.Key));
    }
}
