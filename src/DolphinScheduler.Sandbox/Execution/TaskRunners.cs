using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>How a task body ended. <see cref="Killed"/> = stopped from outside (kill, timeout, shutdown).</summary>
public enum TaskOutcome
{
    Success,
    Failure,
    Killed,
}

/// <summary>Everything a task body needs; built by the workflow run when the attempt is dispatched.</summary>
public sealed class TaskRunContext
{
    public required TaskSnapshot Task { get; init; }
    public required int TaskInstanceId { get; init; }
    public required string ExecutePath { get; init; }
    public required TaskLog Log { get; init; }
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required DateTime BaseTime { get; init; }
    public required bool DryRun { get; init; }
    public required ExecutionOptions Options { get; init; }

    /// <summary>Receives the process id once a process started (the row's <c>pid</c>).</summary>
    public Action<int>? OnProcessStarted { get; init; }

    /// <summary>Starts a sub-workflow instance and completes with its outcome (SUB_PROCESS / SUB_WORKFLOW tasks).</summary>
    public Func<TaskRunContext, CancellationToken, Task<TaskOutcome>>? RunSubWorkflow { get; init; }

    public string Resolve(string text) => ParameterResolver.Resolve(text, Parameters, BaseTime);
}

/// <summary>The task bodies: SHELL and PYTHON run for real, SUB_PROCESS starts a child instance, the rest are simulated.</summary>
public static class TaskRunners
{
    private static readonly Lazy<string?> python3 = new(() => FindOnPath(RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ["python3.exe", "python.exe"] : ["python3"]));
    private static readonly Lazy<string?> windowsSh = new(() => FindOnPath(["sh.exe", "bash.exe"]));

    public static Task<TaskOutcome> RunAsync(TaskRunContext c, CancellationToken kill)
    {
        if (c.DryRun)
            return DryRunAsync(c, kill);
        return c.Task.TaskType.ToUpperInvariant() switch
        {
            "SHELL" => RunShellAsync(c, kill),
            "PYTHON" => python3.Value is { } py ? RunPythonAsync(c, py, kill) : SimulateAsync(c, kill, "python3 was not found on this machine"),
            "SUB_PROCESS" or "SUB_WORKFLOW" when c.RunSubWorkflow is not null => c.RunSubWorkflow(c, kill),
            _ => SimulateAsync(c, kill, null),
        };
    }

    private static async Task<TaskOutcome> DryRunAsync(TaskRunContext c, CancellationToken kill)
    {
        c.Log.Info("The task instance is in dry-run mode: the sandbox does not execute it and reports SUCCESS");
        return await Wait(TimeSpan.FromMilliseconds(20), kill) ? TaskOutcome.Success : TaskOutcome.Killed;
    }

    private static async Task<TaskOutcome> SimulateAsync(TaskRunContext c, CancellationToken kill, string? reason)
    {
        c.Log.Info($"The DolphinScheduler sandbox does not run {c.Task.TaskType} tasks; it simulates them and reports SUCCESS"
            + (reason is null ? "" : $" ({reason})"));
        if (!await Wait(c.Options.SimulatedTaskDuration, kill))
        {
            c.Log.Info("simulated task killed");
            return TaskOutcome.Killed;
        }
        c.Log.Info("simulated task finished");
        return TaskOutcome.Success;
    }

    private static async Task<bool> Wait(TimeSpan delay, CancellationToken kill)
    {
        try
        {
            await Task.Delay(delay, kill);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static Task<TaskOutcome> RunShellAsync(TaskRunContext c, CancellationToken kill)
    {
        var raw = c.Task.RawScript ?? "";
        var script = c.Resolve(raw.Replace("\r\n", "\n", StringComparison.Ordinal));
        c.Log.Info("raw script : " + raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\n\t", StringComparison.Ordinal));
        c.Log.Info("task execute path : " + c.ExecutePath);

        string file;
        string fileName;
        string arguments;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && windowsSh.Value is null)
        {
            file = Path.Combine(c.ExecutePath, $"{c.TaskInstanceId}_node.cmd");
            File.WriteAllText(file, "@echo off\r\ncd /d \"%~dp0\"\r\n" + script.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n");
            fileName = Environment.GetEnvironmentVariable("ComSpec") ?? "cmd.exe";
            arguments = $"/d /c \"{file}\"";
        }
        else
        {
            file = Path.Combine(c.ExecutePath, $"{c.TaskInstanceId}_node.sh");
            File.WriteAllText(file, "#!/bin/sh\nBASEDIR=$(cd `dirname $0`; pwd)\ncd \"$BASEDIR\"\n" + script + "\n");
            fileName = windowsSh.Value ?? "/bin/sh";
            arguments = Quote(file);
        }
        return RunProcessAsync(c, fileName, arguments, kill);
    }

    private static Task<TaskOutcome> RunPythonAsync(TaskRunContext c, string python, CancellationToken kill)
    {
        var raw = c.Task.RawScript ?? "";
        var script = c.Resolve(raw.Replace("\r\n", "\n", StringComparison.Ordinal));
        c.Log.Info("raw python script : " + raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\n\t", StringComparison.Ordinal));
        var file = Path.Combine(c.ExecutePath, $"py_{c.TaskInstanceId}_node.py");
        File.WriteAllText(file, script + "\n");
        return RunProcessAsync(c, python, "-u " + Quote(file), kill);
    }

    private static string Quote(string path) => "\"" + path.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Runs the process, logs stdout+stderr line by line (batched like DS), kills the whole tree on <paramref name="kill"/>.</summary>
    private static async Task<TaskOutcome> RunProcessAsync(TaskRunContext c, string fileName, string arguments, CancellationToken kill)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = c.ExecutePath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var pending = new ConcurrentQueue<string>();
        using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) pending.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) pending.Enqueue(e.Data); };

        c.Log.Info($"Executing shell command : {fileName} {arguments}");
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            c.Log.Error("process start failed: " + e.Message);
            return TaskOutcome.Failure;
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        c.OnProcessStarted?.Invoke(process.Id);
        c.Log.Info($"process start, process id is: {process.Id}");

        var killed = false;
        using var flusherStop = new CancellationTokenSource();
        var flusher = FlushLoopAsync(c, pending, flusherStop.Token);
        try
        {
            await process.WaitForExitAsync(kill);
        }
        catch (OperationCanceledException)
        {
            killed = true;
            KillTree(process);
            c.Log.Info($"process id:{process.Id}, cmd:{fileName} {arguments} killed");
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
            }
        }
        if (process.HasExited)
            process.WaitForExit(); // drains the asynchronous output readers
        flusherStop.Cancel();
        await flusher;
        Drain(c, pending);

        var exitCode = process.HasExited ? process.ExitCode : -1;
        c.Log.Info($"process has exited. execute path:{c.ExecutePath}, processId:{process.Id} ,exitStatusCode:{exitCode} ,processWaitForStatus:true ,processExitValue:{exitCode}");
        if (killed)
            return TaskOutcome.Killed;
        if (exitCode == 0)
            return TaskOutcome.Success;
        return exitCode == 137 ? TaskOutcome.Killed : TaskOutcome.Failure; // TaskConstants.EXIT_CODE_KILL
    }

    private static async Task FlushLoopAsync(TaskRunContext c, ConcurrentQueue<string> pending, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(c.Options.LogFlushInterval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Drain(c, pending);
        }
    }

    private static void Drain(TaskRunContext c, ConcurrentQueue<string> pending)
    {
        var batch = new List<string>();
        while (pending.TryDequeue(out var line))
            batch.Add(line);
        c.Log.Output(batch);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
        }
    }

    private static string? FindOnPath(string[] names)
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var dir in paths)
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
