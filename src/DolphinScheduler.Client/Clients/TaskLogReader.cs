using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Clients
{
    public sealed class TaskLogOptions
    {
        /// <summary>Keep reading new lines until the task has ended.</summary>
        public bool Follow { get; set; }
        /// <summary>Start with only the last this many lines of what is there.</summary>
        public int? Tail { get; set; }
        /// <summary>Lines per request (limit).</summary>
        public int PageLines { get; set; } = LogsClient.DefaultPageLines;
        /// <summary>While following: the pause between polls once all lines so far were read.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    }

    /// <summary>Lines read by one step of a <see cref="TaskLogReader"/>.</summary>
    public sealed class TaskLogStep
    {
        internal TaskLogStep(IReadOnlyList<string> lines, bool done) { Lines = lines; Done = done; }
        public IReadOnlyList<string> Lines { get; }
        /// <summary>Nothing more will come.</summary>
        public bool Done { get; }
    }

    /// <summary>
    /// Reads a task log in windows of lines (GET /log/detail: skipLineNum, limit). The reader keeps the number of log
    /// lines consumed and asks only for the lines after it, so every line is returned once, in order, and the bytes
    /// fetched stay close to the log's size. A window may hold fewer than <c>limit</c> lines although more follow (the
    /// worker stops at 64 KiB), so only an <em>empty</em> window means "caught up" (docs/server-compatibility.md Q5).
    /// While following, the task's state is read after an empty window and <em>before</em> the next read: once the
    /// task had ended before a window was read and that window came back empty, the log is complete and the reader is
    /// done.
    /// </summary>
    public sealed class TaskLogReader
    {
        // Answers that mean "no log yet" while a task waits to run: 10191 TASK_INSTANCE_HOST_IS_NULL (not dispatched),
        // 10103 QUERY_TASK_INSTANCE_LOG_ERROR (host set, log file not there yet).
        private static readonly int[] NoLogYet = { 10191, 10103 };

        private readonly Func<int, int, CancellationToken, Task<IReadOnlyList<string>>> _read;
        private readonly Func<CancellationToken, Task<bool>>? _ended;
        private readonly TaskLogOptions _options;
        private int _skip;
        private bool _started;
        private bool _lastWasEmpty;
        private bool _endSeen;
        private bool _done;

        internal TaskLogReader(Func<int, int, CancellationToken, Task<IReadOnlyList<string>>> read, Func<CancellationToken, Task<bool>>? ended, TaskLogOptions options)
        {
            if (options.Follow && ended == null) throw new ArgumentException("Following needs a way to tell that the task has ended.", nameof(ended));
            if (options.PageLines < 1) throw new ArgumentOutOfRangeException(nameof(options), "PageLines must be at least 1.");
            _read = read;
            _ended = ended;
            _options = options;
        }

        /// <summary>Log lines consumed so far (the next request's skipLineNum).</summary>
        public int LinesRead => _skip;

        public bool Done => _done;

        public async Task<TaskLogStep> NextAsync(CancellationToken cancellationToken = default)
        {
            if (_done) return new TaskLogStep(Array.Empty<string>(), true);
            if (!_started)
            {
                _started = true;
                if (_options.Tail is int tail) return await ReadTailAsync(Math.Max(0, tail), cancellationToken).ConfigureAwait(false);
            }
            while (true)
            {
                var checkedEnd = false;
                if (_options.Follow && _lastWasEmpty && !_endSeen)
                {
                    _endSeen = await _ended!(cancellationToken).ConfigureAwait(false);
                    checkedEnd = true;
                }
                var lines = await ReadWindowAsync(cancellationToken).ConfigureAwait(false);
                if (lines.Count > 0) return new TaskLogStep(lines, false);
                if (!_options.Follow || _endSeen)
                {
                    _done = true;
                    return new TaskLogStep(lines, true);
                }
                // Caught up with a running task: read its state, then the next window; pause only between idle polls.
                if (checkedEnd) await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<TaskLogStep> ReadTailAsync(int tail, CancellationToken cancellationToken)
        {
            var ring = new Queue<string>(Math.Min(tail, 4096));
            while (true)
            {
                var lines = await ReadWindowAsync(cancellationToken).ConfigureAwait(false);
                if (lines.Count == 0) break;
                foreach (var line in lines)
                {
                    if (tail == 0) break;
                    if (ring.Count == tail) ring.Dequeue();
                    ring.Enqueue(line);
                }
            }
            if (!_options.Follow) _done = true;
            return new TaskLogStep(ring.ToArray(), _done);
        }

        private async Task<IReadOnlyList<string>> ReadWindowAsync(CancellationToken cancellationToken)
        {
            var limit = _options.PageLines;
            IReadOnlyList<string> lines;
            try
            {
                lines = await _read(_skip, limit, cancellationToken).ConfigureAwait(false);
            }
            catch (DsApiException ex) when (_options.Follow && ex.Code is int code && Array.IndexOf(NoLogYet, code) >= 0)
            {
                lines = Array.Empty<string>();
            }
            if (lines.Count > limit) lines = Trim(lines, limit);
            _skip += lines.Count;
            _lastWasEmpty = lines.Count == 0;
            return lines;
        }

        private static IReadOnlyList<string> Trim(IReadOnlyList<string> lines, int limit)
        {
            var copy = new string[limit];
            for (var i = 0; i < limit; i++) copy[i] = lines[i];
            return copy;
        }

        /// <summary>
        /// The log lines in a /log/detail message. DS joins the file's lines with "\r\n" (no separator after the last),
        /// and on the first window (skipLineNum 0) puts a "[LOG-PATH]: ..., [HOST]: ..." head line in front that is
        /// not a line of the file. An empty message is no line (DS's own lineNum says 1 then, so it is not used).
        /// </summary>
        internal static IReadOnlyList<string> ParseLines(string? message, bool firstWindow)
        {
            if (string.IsNullOrEmpty(message)) return Array.Empty<string>();
            var text = message!;
            if (firstWindow && text.StartsWith("[LOG-PATH]", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? "" : text.Substring(end + 1);
                if (text.Length == 0) return Array.Empty<string>();
            }
            var lines = new List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '\n') continue;
                var len = i - start;
                if (len > 0 && text[i - 1] == '\r') len--;
                lines.Add(text.Substring(start, len));
                start = i + 1;
            }
            // A trailing separator ends the last line; text after the last separator is a last line of its own.
            if (start < text.Length) lines.Add(text.Substring(start).TrimEnd('\r'));
            return lines;
        }
    }
}
