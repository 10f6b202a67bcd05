using System.Net;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Tests.Instances;
using Xunit;

namespace DolphinScheduler.Client.Tests.Logs;

public class TaskLogParsingTests
{
    [Fact]
    public void The_head_line_of_the_first_window_is_not_a_log_line()
    {
        var lines = TaskLogReader.ParseLines("[LOG-PATH]: /logs/1.log, [HOST]:  worker:1234\na\r\nb\r\nc", firstWindow: true);
        Assert.Equal(new[] { "a", "b", "c" }, lines);
        Assert.Equal(new[] { "x" }, TaskLogReader.ParseLines("[LOG-PATH]: /logs/1.log, [HOST]: 10.0.0.1:1234\nx\r\n", firstWindow: true));
        Assert.Empty(TaskLogReader.ParseLines("[LOG-PATH]: /logs/1.log, [HOST]: 10.0.0.1:1234\n", firstWindow: true));
    }

    [Fact]
    public void Only_the_first_window_has_a_head()
    {
        Assert.Equal(new[] { "[LOG-PATH]: looks like a head", "x" }, TaskLogReader.ParseLines("[LOG-PATH]: looks like a head\r\nx", firstWindow: false));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    [InlineData("one", new[] { "one" })]
    [InlineData("a\r\nb", new[] { "a", "b" })]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b" })]                 // the worker ends every line with \r\n
    [InlineData("\tcontinued\r\n", new[] { "\tcontinued" })]
    [InlineData("a\r\n\r\nb", new[] { "a", "", "b" })]
    public void Lines_are_split_on_DS_separators(string? message, string[] expected)
    {
        Assert.Equal(expected, TaskLogReader.ParseLines(message, firstWindow: false));
    }
}

/// <summary>The follow arithmetic against a log that grows while the task runs.</summary>
public class TaskLogFollowTests
{
    /// <summary>
    /// A task log: <see cref="Grow"/> appends lines; reads answer the window [skip, skip+limit) of what exists now.
    /// Every read is recorded, so the test can check that no line was fetched twice.
    /// </summary>
    private sealed class GrowingLog
    {
        public readonly List<string> Lines = new();
        public readonly List<(int Skip, int Limit, int Returned)> Reads = new();
        public bool Ended;
        public int StatePolls;
        public Action? OnRead;
        public Action? OnStatePoll;

        public void Grow(int n)
        {
            lock (Lines) for (var i = 0; i < n; i++) Lines.Add("line " + (Lines.Count + 1));
        }

        public Task<IReadOnlyList<string>> Read(int skip, int limit, CancellationToken ct)
        {
            OnRead?.Invoke();
            lock (Lines)
            {
                var window = Lines.Skip(skip).Take(limit).ToList();
                Reads.Add((skip, limit, window.Count));
                return Task.FromResult<IReadOnlyList<string>>(window);
            }
        }

        public Task<bool> IsEnded(CancellationToken ct)
        {
            StatePolls++;
            OnStatePoll?.Invoke();
            return Task.FromResult(Ended);
        }
    }

    private static async Task<List<string>> Drain(TaskLogReader reader, int maxSteps = 10_000)
    {
        var all = new List<string>();
        for (var i = 0; i < maxSteps; i++)
        {
            var step = await reader.NextAsync();
            all.AddRange(step.Lines);
            if (step.Done) return all;
        }
        throw new Xunit.Sdk.XunitException("the reader did not finish");
    }

    private static TaskLogOptions Follow(int pageLines, int? tail = null) => new() { Follow = true, PageLines = pageLines, Tail = tail, PollInterval = TimeSpan.FromMilliseconds(1) };

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task Every_line_once_in_order_and_only_new_lines_are_fetched(int pageLines)
    {
        var log = new GrowingLog();
        var polls = 0;
        // The task prints 0–4 lines between polls for 40 polls, then ends (its last lines written before the end).
        log.OnStatePoll = () =>
        {
            polls++;
            if (polls <= 40) log.Grow(polls % 5);
            else { log.Grow(2); log.Ended = true; }
        };
        var reader = new TaskLogReader(log.Read, log.IsEnded, Follow(pageLines));

        var lines = await Drain(reader);

        Assert.Equal(log.Lines, lines);                                           // all, once, in order
        Assert.Equal(log.Lines.Count, log.Reads.Sum(r => r.Returned));            // no line fetched twice
        var expectedSkip = 0;
        foreach (var read in log.Reads)                                           // each window starts where the last ended
        {
            Assert.Equal(expectedSkip, read.Skip);
            Assert.Equal(pageLines, read.Limit);
            expectedSkip += read.Returned;
        }
        Assert.Equal(log.Lines.Count, reader.LinesRead);
        Assert.True(reader.Done);
    }

    [Fact]
    public async Task Lines_written_just_before_the_end_are_not_lost()
    {
        var log = new GrowingLog();
        log.Grow(5);
        var reads = 0;
        // Between the last empty window and the end, the task writes 7 more lines and ends.
        log.OnRead = () => { if (++reads == 3) { log.Grow(7); log.Ended = true; } };
        var reader = new TaskLogReader(log.Read, log.IsEnded, Follow(4));

        var lines = await Drain(reader);

        Assert.Equal(12, lines.Count);
        Assert.Equal(log.Lines, lines);
    }

    [Fact]
    public async Task A_task_that_had_ended_returns_after_one_pass()
    {
        var log = new GrowingLog { Ended = true };
        log.Grow(10);
        var reader = new TaskLogReader(log.Read, log.IsEnded, Follow(4));
        var lines = await Drain(reader);
        Assert.Equal(10, lines.Count);
        // 4 + 4 + 2, an empty window (caught up), one state poll (ended), one empty confirming window.
        Assert.Equal(new[] { 0, 4, 8, 10, 10 }, log.Reads.Select(r => r.Skip));
        Assert.Equal(1, log.StatePolls);
    }

    [Fact]
    public async Task Without_follow_the_log_is_read_once_without_state_polls()
    {
        var log = new GrowingLog();
        log.Grow(9);
        var reader = new TaskLogReader(log.Read, null, new TaskLogOptions { PageLines = 4 });
        Assert.Equal(log.Lines, await Drain(reader));
        Assert.Equal(new[] { 0, 4, 8, 9 }, log.Reads.Select(r => r.Skip));
        Assert.Equal(0, log.StatePolls);
    }

    [Fact]
    public async Task A_window_shorter_than_the_limit_is_not_the_end()
    {
        // The worker stops a window at 64 KiB, so fewer lines than asked for can come back while more follow.
        var log = new GrowingLog { Ended = true };
        log.Grow(11);
        Task<IReadOnlyList<string>> Read(int skip, int limit, CancellationToken ct) => log.Read(skip, Math.Min(limit, 3), ct);
        foreach (var follow in new[] { false, true })
        {
            log.Reads.Clear();
            var reader = new TaskLogReader(Read, log.IsEnded, new TaskLogOptions { Follow = follow, PageLines = 10, PollInterval = TimeSpan.FromMilliseconds(1) });
            Assert.Equal(log.Lines, await Drain(reader));
            Assert.Equal(11, log.Reads.Sum(r => r.Returned));
        }
    }

    [Fact]
    public async Task Tail_starts_with_the_last_lines_then_follows()
    {
        var log = new GrowingLog();
        log.Grow(25);
        var polls = 0;
        log.OnStatePoll = () => { if (++polls == 3) { log.Grow(3); log.Ended = true; } };
        var reader = new TaskLogReader(log.Read, log.IsEnded, Follow(10, tail: 5));

        var lines = await Drain(reader);

        Assert.Equal(log.Lines.Skip(20), lines);
        Assert.Equal(log.Lines.Count, log.Reads.Sum(r => r.Returned));
    }

    [Fact]
    public async Task A_task_not_yet_dispatched_has_no_log_yet()
    {
        var log = new GrowingLog();
        var calls = 0;
        Task<IReadOnlyList<string>> Read(int skip, int limit, CancellationToken ct)
        {
            if (++calls <= 2) throw new DsApiException("task instance host is null", DsErrorKind.Unknown, code: 10191);
            return log.Read(skip, limit, ct);
        }
        var polls = 0;
        log.OnStatePoll = () => { if (++polls == 4) { log.Grow(3); log.Ended = true; } };
        var reader = new TaskLogReader(Read, log.IsEnded, Follow(10));
        Assert.Equal(log.Lines, await Drain(reader));
    }
}

/// <summary>The same arithmetic through HTTP: parameter names, the head line, state polling by task list.</summary>
public class TaskLogHttpTests
{
    [Theory]
    [InlineData(DsServerVersion.V3_2, "processInstanceId")]
    [InlineData(DsServerVersion.V3_4, "workflowInstanceId")]
    public async Task Follow_over_http_sends_skipLineNum_and_limit_and_polls_the_task(DsServerVersion version, string instanceParam)
    {
        var fileLines = new List<string>();
        var state = "RUNNING_EXECUTION";
        var logCalls = 0;
        var fake = new FakeDs();
        fake.Route = r =>
        {
            if (r.Path == "/log/detail")
            {
                logCalls++;
                if (logCalls % 2 == 0 && fileLines.Count < 12) fileLines.Add("out " + fileLines.Count);
                if (fileLines.Count >= 12) state = "SUCCESS";
                var skip = int.Parse(r.Query["skipLineNum"]);
                var limit = int.Parse(r.Query["limit"]);
                var window = fileLines.Skip(skip).Take(limit).ToList();
                var message = (skip == 0 ? "[LOG-PATH]: /tmp/x.log, [HOST]:  worker:1234\n" : "") + string.Join("\r\n", window);
                return new { lineNum = Math.Max(1, window.Count), message };
            }
            if (r.Path == "/projects/7/task-instances")
                return Wire.Page(new object[] { Wire.Task(version, 100, "print", state), Wire.Task(version, 99, "print", "FAILURE") });
            throw new InvalidOperationException(r.ToString());
        };
        var client = fake.Client(version);
        var task = client.TaskInstances.List(7, null, DolphinScheduler.Client.Paging.PageRequest.All).First();

        var reader = client.Logs.Open(task, new TaskLogOptions { Follow = true, PageLines = 5, PollInterval = TimeSpan.FromMilliseconds(1) });
        var lines = new List<string>();
        while (true)
        {
            var step = await reader.NextAsync();
            lines.AddRange(step.Lines);
            if (step.Done) break;
        }

        Assert.Equal(fileLines, lines);
        var logReads = fake.Where("GET", "/log/detail").ToList();
        Assert.All(logReads, r => Assert.Equal("100", r.Query["taskInstanceId"]));
        Assert.All(logReads, r => Assert.Equal("5", r.Query["limit"]));
        Assert.Equal(0, int.Parse(logReads[0].Query["skipLineNum"]));
        Assert.True(logReads.Select(r => int.Parse(r.Query["skipLineNum"])).Zip(logReads.Skip(1).Select(r => int.Parse(r.Query["skipLineNum"]))).All(p => p.First <= p.Second));
        var statePolls = fake.Where("GET", "/projects/7/task-instances").Skip(1).ToList();
        Assert.NotEmpty(statePolls);
        Assert.All(statePolls, r => Assert.Equal("5", r.Query[instanceParam]));
        Assert.All(statePolls, r => Assert.Equal("1001", r.Query["taskCode"]));
    }

    [Fact]
    public async Task Save_writes_the_whole_log_and_never_leaves_a_partial_file()
    {
        var dir = Directory.CreateTempSubdirectory("dslog");
        try
        {
            var fake = new FakeDs();
            var fail = false;
            fake.Route = r =>
            {
                Assert.Equal("/log/download-log", r.Path);
                Assert.Equal("100", r.Query["taskInstanceId"]);
                var content = fail ? (HttpContent)new StreamContent(new FailingStream()) : new ByteArrayContent("a\nb\n"u8.ToArray());
                content.Headers.ContentType = new("application/octet-stream");
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            };
            var client = fake.Client(DsServerVersion.V3_4);
            var target = Path.Combine(dir.FullName, "task.log");

            var file = await client.Logs.SaveAsync(100, target, overwrite: false);
            Assert.Equal(target, file.FullName);
            Assert.Equal("a\nb\n", File.ReadAllText(target));

            await Assert.ThrowsAsync<IOException>(() => client.Logs.SaveAsync(100, target, overwrite: false));

            fail = true;
            var other = Path.Combine(dir.FullName, "other.log");
            await Assert.ThrowsAnyAsync<Exception>(() => client.Logs.SaveAsync(100, other, overwrite: false));
            Assert.False(File.Exists(other));
            await Assert.ThrowsAnyAsync<Exception>(() => client.Logs.SaveAsync(100, target, overwrite: true));
            Assert.Equal("a\nb\n", File.ReadAllText(target));           // the old file is untouched
            Assert.Single(Directory.GetFiles(dir.FullName));             // no temporary file left
        }
        finally { dir.Delete(true); }
    }

    private sealed class FailingStream : Stream
    {
        private int _reads;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ > 0) throw new IOException("connection reset");
            buffer[offset] = (byte)'x';
            return 1;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
