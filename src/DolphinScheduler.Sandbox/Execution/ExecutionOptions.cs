namespace DolphinScheduler.Sandbox.Execution;

/// <summary>Timing knobs of the execution engine (see README "Execution").</summary>
public sealed class ExecutionOptions
{
    /// <summary>
    /// How long one DS "minute" lasts in the sandbox, for failRetryInterval, task timeouts and delayTime
    /// (<c>--retry-interval-scale</c>, in seconds; default 1: a 1-minute retry interval waits 1 s; 60 = real time).
    /// </summary>
    public double MinuteSeconds { get; init; } = 1.0;

    /// <summary>How many task bodies (processes, simulations) run at once; the rest wait in SUBMITTED_SUCCESS.</summary>
    public int MaxConcurrentTasks { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>3.2: delay until a "master" takes a start/control command (DS masters poll every second).</summary>
    public TimeSpan CommandPickupDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>3.3+: delay until the master moves a SUBMITTED_SUCCESS instance to RUNNING_EXECUTION.</summary>
    public TimeSpan MasterStartDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a simulated (non-SHELL/PYTHON) task runs before it succeeds.</summary>
    public TimeSpan SimulatedTaskDuration { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Script output lines arriving within this window are written as one log event (DS batches output).</summary>
    public TimeSpan LogFlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Workflow master host (instances) and worker host (task instances), DS's <c>ip:port</c> form.</summary>
    public string MasterHost { get; init; } = "127.0.0.1:5678";

    public string WorkerHost { get; init; } = "127.0.0.1:1234";

    public TimeSpan Minutes(int dsMinutes) => TimeSpan.FromSeconds(dsMinutes * MinuteSeconds);
}
