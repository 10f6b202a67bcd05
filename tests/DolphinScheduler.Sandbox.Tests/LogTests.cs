using System.Text;
using DolphinScheduler.Sandbox.Execution;
using DolphinScheduler.Sandbox.Flavors;
using static DolphinScheduler.Sandbox.Tests.Infrastructure.ExecutionSandboxes;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>/log/detail and download-log semantics (research Q5).</summary>
public sealed class LogTests(ExecutionSandboxes sandbox) : IClassFixture<ExecutionSandboxes>
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Following_a_running_task_loses_and_duplicates_no_line(string v)
    {
        const int count = 60;
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("chatty", $"i=1; while [ $i -le {count} ]; do echo line-$i; i=$((i+1)); sleep 0.03; done")], []);
        var id = await sandbox.Start(v, wf);
        var task = await sandbox.WaitTask(v, wf.ProjectCode, id, "chatty", "RUNNING_EXECUTION");
        var taskId = task.GetProperty("id").GetInt32();

        // The module's -Follow rule: skip += number of "\r\n"; drop the header at skip 0; stop once final and drained.
        var lines = new List<string>();
        var skip = 0;
        var requests = 0;
        var final = false;
        while (true)
        {
            var r = await sandbox.Admin(v).Get("/log/detail", ("taskInstanceId", taskId), ("skipLineNum", skip), ("limit", 7));
            Assert.True(r.Code == 0, r.ToString());
            requests++;
            var message = r.Data.GetProperty("message").GetString()!;
            var lineNum = r.Data.GetProperty("lineNum").GetInt32();
            if (skip == 0)
            {
                var header = v == "3.2" ? "[LOG-PATH]: " : "[LOG-PATH]: ";
                Assert.StartsWith(header, message);
                Assert.Contains(v == "3.2" ? ", [HOST]:  127.0.0.1:1234\n" : ", [HOST]: 127.0.0.1:1234\n", message);
                message = message[(message.IndexOf('\n') + 1)..];
            }
            var n = CountCrLf(message);
            Assert.True(n <= 7, $"limit 7 returned {n} lines");
            Assert.Equal(n == 0 ? 1 : n, lineNum); // lineNum = lines returned, 1 when none (header-only or empty)
            if (n > 0)
                Assert.EndsWith("\r\n", message);
            lines.AddRange(message.Split("\r\n")[..n]);
            skip += n;
            if (n > 0)
                continue;
            if (final)
                break;
            var state = StateOf(TaskNamed(await sandbox.Tasks(v, wf.ProjectCode, id), "chatty"));
            final = state is "SUCCESS" or "FAILURE" or "KILL";
            if (!final)
                await Task.Delay(50);
        }

        var output = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"(?: -> |^\t)line-(\d+)$"))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, count), output);
        Assert.True(requests > 5);

        // The same text in one read, and in the download (header + raw file).
        var whole = await sandbox.Admin(v).Get("/log/detail", ("taskInstanceId", taskId), ("skipLineNum", 0), ("limit", 100000));
        var wholeLines = whole.Data.GetProperty("message").GetString()!;
        Assert.Equal(lines, wholeLines[(wholeLines.IndexOf('\n') + 1)..].Split("\r\n")[..^1]);

        var download = await sandbox.Admin(v).Send(HttpMethod.Get, $"/log/download-log?taskInstanceId={taskId}", []);
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal("application/octet-stream", download.ContentType);
        Assert.StartsWith("[LOG-PATH]: ", download.Body);
        Assert.Equal(lines, download.Body[(download.Body.IndexOf('\n') + 1)..].Split('\n')[..^1]);

        var scoped = await sandbox.Admin(v).Get($"/log/{wf.ProjectCode}/detail", ("taskInstanceId", taskId), ("skipLineNum", 3), ("limit", 2));
        Assert.Equal(0, scoped.Code);
        Assert.Equal(string.Join("", lines.Skip(3).Take(2).Select(l => l + "\r\n")), scoped.Data.GetString());
    }

    private static int CountCrLf(string s)
    {
        var n = 0;
        for (var i = s.IndexOf("\r\n", StringComparison.Ordinal); i >= 0; i = s.IndexOf("\r\n", i + 2, StringComparison.Ordinal))
            n++;
        return n;
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Log_lines_use_the_flavours_pattern_and_errors_use_DS_codes(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("one", "echo hello; echo world")], []);
        var id = await sandbox.Start(v, wf);
        await sandbox.Wait(v, wf.ProjectCode, id);
        var task = Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id));
        var log = await sandbox.Log(v, task.GetProperty("id").GetInt32());
        var pattern = v == "3.2"
            ? @"\[INFO\] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+0000 -  -> hello\r\n\tworld\r\n"
            : @"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO  \[TaskExecutor-\d+\] -  -> hello\r\n\tworld\r\n";
        Assert.Matches(pattern, log);

        var missing = await sandbox.Admin(v).Get("/log/detail", ("taskInstanceId", 999999), ("skipLineNum", 0), ("limit", 10));
        Assert.Equal((10008, "task instance not found"), (missing.Code, missing.Msg));
        var missingDownload = await sandbox.Admin(v).Get("/log/download-log", ("taskInstanceId", 999999));
        Assert.Equal((10000, "Internal Server Error: task instance is null or host is null"), (missingDownload.Code, missingDownload.Msg));

        // Not dispatched yet (delayed): no host.
        var delayed = await sandbox.NewWorkflow(v, [new TaskSpec("later") { DelayTime = 20 }], []);
        var delayedId = await sandbox.Start(v, delayed);
        var waiting = await sandbox.WaitTask(v, delayed.ProjectCode, delayedId, "later", "DELAY_EXECUTION");
        var noHost = await sandbox.Admin(v).Get("/log/detail", ("taskInstanceId", waiting.GetProperty("id").GetInt32()), ("skipLineNum", 0), ("limit", 10));
        Assert.Equal((10191, "task instance host is null"), (noHost.Code, noHost.Msg));
        Assert.Equal(0, (await sandbox.Execute(v, delayed.ProjectCode, delayedId, "STOP")).Code);
        Assert.Equal("STOP", StateOf(await sandbox.Wait(v, delayed.ProjectCode, delayedId)));

        var (_, userName, user) = await sandbox.NewUser(v);
        var denied = await user.Get("/log/detail", ("taskInstanceId", task.GetProperty("id").GetInt32()), ("skipLineNum", 0), ("limit", 10));
        Assert.Equal((30002, $"user {userName} is not has project {wf.ProjectCode:#,##0} permission"), (denied.Code, denied.Msg));
    }

    [Fact]
    public void Pages_stop_after_64_KB_and_cut_overlong_lines()
    {
        var dir = Directory.CreateTempSubdirectory("ds-log-test-").FullName;
        var path = Path.Combine(dir, "1.log");
        var sb = new StringBuilder();
        for (var i = 0; i < 200; i++)
            sb.Append(new string('x', 999)).Append('\n'); // 1000 bytes per line
        sb.Append(new string('y', 70000)).Append('\n');
        sb.Append("partial"); // not terminated yet: not returned
        File.WriteAllText(path, sb.ToString());

        var page = LogReader.ReadPage(path, 0, 1000);
        var lines = page.Split("\r\n")[..^1];
        Assert.Equal(66, lines.Length); // stops once >= 65 535 bytes were collected
        Assert.Equal(66, LogReader.JavaSplitCount(page));

        var big = LogReader.ReadPage(path, 200, 1000);
        Assert.StartsWith(new string('y', 65535) + " [this line's size 70000 bytes is exceed 65535 bytes, so only 65535 characters are reserved for performance reasons.]\r\n", big);
        Assert.Equal(1, LogReader.JavaSplitCount(big));
        Assert.Equal("", LogReader.ReadPage(path, 201, 10));
        Assert.Equal(1, LogReader.JavaSplitCount(""));

        var log = new TaskLog(Path.Combine(dir, "2.log"), SandboxFlavor.V32, TimeProvider.System, "");
        log.Output(["a", "b"]);
        Assert.Matches(@"^\[INFO\] .* \+0000 -  -> a\r\n\tb\r\n$", LogReader.ReadPage(log.Path, 0, 10));
    }
}
