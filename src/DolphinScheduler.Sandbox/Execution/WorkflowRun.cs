using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>
/// One execution of a workflow instance: the DAG runner ("master") for a start, a recovery, a repeat run or an
/// execute-task command. It runs as a single async loop that handles one event at a time under
/// <see cref="SandboxStore.Gate"/>: task attempts (each on its own background task) report back through a channel,
/// as do retry timers and PAUSE/STOP requests.
/// <para>Rules (docs/server-compatibility.md Q3): a task starts when every upstream task in the run succeeded
/// (disabled tasks and tasks outside the start-node selection count as done); failure strategy END kills running
/// tasks and starts nothing new, CONTINUE keeps independent branches going; a failed task with retries left gets a new
/// task-instance row after failRetryInterval (the old row gets flag NO); PAUSE lets running tasks finish and creates
/// the next ones in PAUSE; STOP kills running tasks (KILL).</para>
/// </summary>
internal sealed class WorkflowRun
{
    public enum Mode
    {
        Start,
        RecoverFailure,
        RecoverSuspended,
        Repeat,
        ExecuteTask,
    }

    internal abstract record RunEvent;
    internal sealed record PauseRequested : RunEvent;
    internal sealed record StopRequested : RunEvent;
    private sealed record AttemptEnded(Node Node, TaskInstanceRow Row, TaskOutcome Outcome) : RunEvent;
    private sealed record RetryDue(Node Node, TaskInstanceRow Row) : RunEvent;

    private enum Phase
    {
        Pending,
        Active,
        RetryWait,
        Done,
        Blocked,
    }

    private sealed class Node(TaskSnapshot def)
    {
        public TaskSnapshot Def { get; } = def;
        public List<Node> Preds { get; } = [];
        public List<Node> Succs { get; } = [];
        public bool InRun { get; set; }
        public Phase Phase { get; set; } = Phase.Pending;
        public TaskInstanceRow? Row { get; set; }
        public TaskInstanceRow? ReuseRow { get; set; }
        public CancellationTokenSource? Kill { get; set; }
        public volatile bool TimedOut;
        public int Attempt { get; set; }
        public DateTime? FirstSubmitTime { get; set; }

        /// <summary>Done with success, skipped (disabled) or not part of this run: successors may go.</summary>
        public bool Satisfied => !InRun || !Def.Enabled || (Phase == Phase.Done && (Row is null || Row.State.IsSuccess()));

        /// <summary>Ended without success: successors never run in this execution.</summary>
        public bool Broken => InRun && Def.Enabled
            && (Phase == Phase.Blocked || (Phase == Phase.Done && Row is not null && Row.State is TaskExecutionStatus.FAILURE or TaskExecutionStatus.KILL));
    }

    private readonly ExecutionEngine engine;
    private readonly SandboxStore store;
    private readonly WorkflowSnapshot workflow;
    private readonly Mode mode;
    private readonly List<Node> order;      // topological order
    private readonly Channel<RunEvent> events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<WorkflowExecutionStatus> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool pauseRequested;
    private bool stopRequested;
    private bool endTriggered;
    private bool finished;

    public WorkflowRun(ExecutionEngine engine, WorkflowInstanceRow instance, WorkflowSnapshot workflow, Mode mode,
        IReadOnlyList<long> startNodes, string? taskDependType)
    {
        this.engine = engine;
        store = engine.Store;
        this.workflow = workflow;
        this.mode = mode;
        Instance = instance;
        InstanceId = instance.Id;
        order = BuildGraph(workflow, startNodes, taskDependType);
    }

    public int InstanceId { get; }

    public WorkflowInstanceRow Instance { get; }

    /// <summary>3.3+ recover calls already wrote SUBMITTED_SUCCESS/runTimes synchronously.</summary>
    public bool AlreadyApplied { get; init; }

    /// <summary>Completes with the final state when the run ends.</summary>
    public Task<WorkflowExecutionStatus> Completion => completion.Task;

    public void Post(RunEvent e) => events.Writer.TryWrite(e);

    // ------------------------------------------------------------------ graph

    private static List<Node> BuildGraph(WorkflowSnapshot workflow, IReadOnlyList<long> startNodes, string? taskDependType)
    {
        var nodes = workflow.Tasks.Select(t => new Node(t)).ToList();
        var byCode = new Dictionary<long, Node>();
        foreach (var n in nodes)
            byCode.TryAdd(n.Def.Code, n);
        foreach (var (pre, post) in workflow.Edges)
        {
            if (pre == 0 || pre == post || !byCode.TryGetValue(pre, out var from) || !byCode.TryGetValue(post, out var to))
                continue;
            if (!to.Preds.Contains(from))
            {
                to.Preds.Add(from);
                from.Succs.Add(to);
            }
        }

        var starts = startNodes.Where(byCode.ContainsKey).Select(c => byCode[c]).ToList();
        if (starts.Count == 0)
        {
            foreach (var n in nodes)
                n.InRun = true;
        }
        else
        {
            foreach (var s in starts)
                s.InRun = true;
            if (taskDependType == "TASK_PRE")
                Mark(starts, n => n.Preds);
            else if (taskDependType != "TASK_ONLY")
                Mark(starts, n => n.Succs); // TASK_POST is the default
        }

        // Kahn's algorithm in definition order; a cycle (never stored by DS) keeps the remaining nodes in definition order.
        var indegree = nodes.ToDictionary(n => n, n => n.Preds.Count);
        var result = new List<Node>();
        var ready = new Queue<Node>(nodes.Where(n => indegree[n] == 0));
        while (ready.Count > 0)
        {
            var n = ready.Dequeue();
            result.Add(n);
            foreach (var s in n.Succs)
                if (--indegree[s] == 0)
                    ready.Enqueue(s);
        }
        result.AddRange(nodes.Where(n => !result.Contains(n)));
        return result;

        static void Mark(List<Node> from, Func<Node, List<Node>> next)
        {
            var stack = new Stack<Node>(from);
            while (stack.Count > 0)
            {
                foreach (var n in next(stack.Pop()))
                {
                    if (n.InRun)
                        continue;
                    n.InRun = true;
                    stack.Push(n);
                }
            }
        }
    }

    // ------------------------------------------------------------------ main loop

    public async Task RunAsync(TimeSpan initialDelay)
    {
        try
        {
            if (initialDelay > TimeSpan.Zero)
                await Task.Delay(initialDelay, engine.ShuttingDown);
            lock (store.Gate)
            {
                if (!Activate())
                    return;
                Schedule();
                TryFinish();
            }
            while (!finished)
            {
                var e = await events.Reader.ReadAsync(engine.ShuttingDown);
                lock (store.Gate)
                {
                    if (store.WorkflowInstances.Find(InstanceId) is null)
                    {
                        Abort(); // the instance was deleted under us
                        return;
                    }
                    Handle(e);
                    Schedule();
                    TryFinish();
                }
            }
        }
        catch (OperationCanceledException) when (engine.ShuttingDown.IsCancellationRequested)
        {
            lock (store.Gate)
                Abort();
        }
        catch (Exception e)
        {
            engine.LogWarning(e, $"workflow instance {InstanceId}: the sandbox engine failed; marking it FAILURE");
            lock (store.Gate)
            {
                foreach (var n in order)
                    n.Kill?.Cancel();
                Complete(WorkflowExecutionStatus.FAILURE);
            }
        }
        finally
        {
            completion.TrySetResult(Instance.State);
        }
    }

    /// <summary>The master takes the command: instance to RUNNING_EXECUTION, task rows prepared per mode.</summary>
    private bool Activate()
    {
        if (store.WorkflowInstances.Find(InstanceId) is null)
        {
            Abort();
            return false;
        }
        var w = Instance;
        var now = store.Now;
        var flavor = engine.Flavor;
        var valid = ValidRows();

        switch (mode)
        {
            case Mode.Start:
                if (w.State == WorkflowExecutionStatus.SUBMITTED_SUCCESS)
                {
                    // 3.3+: RunWorkflowCommandHandler
                    w.State = WorkflowExecutionStatus.RUNNING_EXECUTION;
                    w.Host = engine.Options.MasterHost;
                    w.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.RUNNING_EXECUTION, w.CommandType));
                }
                break;

            case Mode.Repeat:
                foreach (var t in valid)
                    t.Flag = Flag.NO;
                valid.Clear();
                if (flavor.RepeatResetsStartTime)
                    w.StartTime = now;
                Rerun(w, "REPEAT_RUNNING", now);
                break;

            case Mode.RecoverFailure:
            case Mode.RecoverSuspended:
            {
                var command = mode == Mode.RecoverFailure ? "START_FAILURE_TASK_PROCESS" : "RECOVER_SUSPENDED_PROCESS";
                foreach (var t in valid.ToList())
                {
                    if (t.State is TaskExecutionStatus.FAILURE or TaskExecutionStatus.KILL or TaskExecutionStatus.STOP)
                    {
                        t.Flag = Flag.NO; // re-created with a new id when its turn comes
                        valid.Remove(t);
                    }
                }
                if (!AlreadyApplied)
                    Rerun(w, command, now);
                else
                {
                    w.State = WorkflowExecutionStatus.RUNNING_EXECUTION;
                    w.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.RUNNING_EXECUTION, command));
                }
                break;
            }

            case Mode.ExecuteTask:
                foreach (var t in valid.ToList())
                {
                    if (order.Any(n => n.InRun && n.Def.Code == t.TaskCode))
                    {
                        t.Flag = Flag.NO;
                        valid.Remove(t);
                    }
                }
                Rerun(w, "EXECUTE_TASK", now);
                break;
        }
        w.Host ??= engine.Options.MasterHost;

        // Existing valid rows decide where each task stands (recover / execute-task keep successes).
        foreach (var n in order)
        {
            var row = valid.Where(t => t.TaskCode == n.Def.Code).MaxBy(t => t.Id);
            if (row is null)
                continue;
            n.Row = row;
            n.FirstSubmitTime = row.FirstSubmitTime;
            if (row.State.IsSuccess())
                n.Phase = Phase.Done;
            else if (row.State == TaskExecutionStatus.PAUSE)
            {
                n.Phase = Phase.Pending;
                n.ReuseRow = row; // reset in place (same id) when it starts
                n.Row = null;
            }
            else
                n.Phase = Phase.Done;
            if (!n.InRun && mode != Mode.ExecuteTask)
                n.InRun = true; // keep recorded progress part of the run's outcome
        }
        return true;
    }

    private void Rerun(WorkflowInstanceRow w, string command, DateTime now)
    {
        w.RunTimes++;
        w.CommandType = command;
        w.AddHistoryCmd(command);
        w.EndTime = null;
        w.RestartTime = now;
        w.State = WorkflowExecutionStatus.RUNNING_EXECUTION;
        w.Host = engine.Options.MasterHost;
        w.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.RUNNING_EXECUTION,
            engine.Flavor.RunningHistoryDesc(command)));
    }

    private List<TaskInstanceRow> ValidRows()
        => store.TaskInstances.All.Where(t => t.WorkflowInstanceId == InstanceId && t.Flag == Flag.YES).ToList();

    private void Handle(RunEvent e)
    {
        var now = store.Now;
        switch (e)
        {
            case PauseRequested:
                if (stopRequested)
                    break;
                pauseRequested = true;
                if (Instance.State == WorkflowExecutionStatus.RUNNING_EXECUTION)
                    Instance.State = WorkflowExecutionStatus.READY_PAUSE; // 3.3+: the master writes it
                foreach (var n in order.Where(n => n.Phase == Phase.RetryWait))
                    n.Phase = Phase.Done; // a failed task waiting to retry keeps FAILURE
                break;

            case StopRequested:
                stopRequested = true;
                if (Instance.State is WorkflowExecutionStatus.RUNNING_EXECUTION or WorkflowExecutionStatus.READY_PAUSE)
                    Instance.State = WorkflowExecutionStatus.READY_STOP;
                foreach (var n in order)
                {
                    if (n.Phase == Phase.Active)
                        n.Kill?.Cancel();
                    else if (n.Phase == Phase.RetryWait)
                        n.Phase = Phase.Done;
                    else if (n.Phase == Phase.Done && n.Row is { State: TaskExecutionStatus.PAUSE } paused)
                    {
                        paused.State = TaskExecutionStatus.KILL; // tasks not started are killed
                        paused.EndTime = now;
                    }
                }
                break;

            case AttemptEnded ended:
                OnAttemptEnded(ended, now);
                break;

            case RetryDue due:
                if (due.Node.Phase != Phase.RetryWait || !ReferenceEquals(due.Node.Row, due.Row))
                    break;
                if (stopRequested || pauseRequested || endTriggered)
                {
                    due.Node.Phase = Phase.Done;
                    break;
                }
                due.Row.Flag = Flag.NO;
                due.Node.Attempt++;
                StartAttempt(due.Node, now);
                break;
        }
    }

    private void OnAttemptEnded(AttemptEnded e, DateTime now)
    {
        var n = e.Node;
        if (!ReferenceEquals(n.Row, e.Row) || n.Phase != Phase.Active)
            return;
        var state = e.Outcome switch
        {
            TaskOutcome.Success => TaskExecutionStatus.SUCCESS,
            TaskOutcome.Failure => TaskExecutionStatus.FAILURE,
            _ => n.TimedOut ? engine.Flavor.TimeoutTaskState : TaskExecutionStatus.KILL,
        };
        e.Row.State = state;
        e.Row.EndTime = now;
        n.Kill?.Dispose();
        n.Kill = null;

        if (state == TaskExecutionStatus.FAILURE && n.Attempt < n.Def.FailRetryTimes && !stopRequested && !pauseRequested && !endTriggered)
        {
            n.Phase = Phase.RetryWait;
            var row = e.Row;
            var delay = engine.Options.Minutes(n.Def.FailRetryInterval);
            engine.Spawn(async () =>
            {
                await Task.Delay(delay, engine.ShuttingDown);
                Post(new RetryDue(n, row));
            });
            return;
        }

        n.Phase = Phase.Done;
        var failed = state == TaskExecutionStatus.FAILURE || (state == TaskExecutionStatus.KILL && n.TimedOut);
        if (failed && !stopRequested && !endTriggered && Instance.FailureStrategy == "END")
        {
            // FailureStrategy END (3.2 semantics for both flavours): kill the others, start nothing new.
            endTriggered = true;
            foreach (var other in order)
            {
                if (other.Phase == Phase.Active)
                    other.Kill?.Cancel();
                else if (other.Phase == Phase.RetryWait)
                    other.Phase = Phase.Done;
            }
        }
    }

    /// <summary>Starts every task whose upstream tasks are all done (or creates it in PAUSE while pausing).</summary>
    private void Schedule()
    {
        if (finished)
            return;
        var now = store.Now;
        var canStart = !stopRequested && !endTriggered;
        foreach (var n in order)
        {
            if (!n.InRun || n.Phase != Phase.Pending)
                continue;
            if (!n.Def.Enabled)
            {
                n.Phase = Phase.Done; // forbidden task: skipped, no task instance
                continue;
            }
            var preds = n.Preds.Where(p => p.InRun && p.Def.Enabled).ToList();
            if (preds.Any(p => p.Broken))
            {
                n.Phase = Phase.Blocked;
                continue;
            }
            if (!preds.All(p => p.Satisfied) || !canStart)
                continue;
            if (pauseRequested)
            {
                var row = n.ReuseRow ?? NewRow(n, now);
                n.ReuseRow = null;
                row.State = TaskExecutionStatus.PAUSE;
                row.SubmitTime ??= now;
                row.EndTime = now;
                n.Row = row;
                n.Phase = Phase.Done;
                continue;
            }
            StartAttempt(n, now);
        }
    }

    private TaskInstanceRow NewRow(Node n, DateTime now)
    {
        var d = n.Def;
        var w = Instance;
        return store.TaskInstances.Insert(new TaskInstanceRow
        {
            Name = d.Name,
            TaskType = d.TaskType,
            WorkflowInstanceId = w.Id,
            WorkflowInstanceName = w.Name,
            ProjectCode = w.ProjectCode,
            TaskCode = d.Code,
            TaskDefinitionVersion = d.Version,
            ProcessDefinitionName = workflow.Name,
            TaskGroupPriority = d.TaskGroupPriority,
            State = TaskExecutionStatus.SUBMITTED_SUCCESS,
            FirstSubmitTime = n.FirstSubmitTime ?? now,
            SubmitTime = now,
            RetryTimes = n.Attempt,
            MaxRetryTimes = d.FailRetryTimes,
            RetryInterval = d.FailRetryInterval,
            TaskInstancePriority = d.TaskPriority ?? "MEDIUM",
            WorkflowInstancePriority = w.WorkflowInstancePriority,
            WorkerGroup = string.IsNullOrEmpty(d.WorkerGroup) ? w.WorkerGroup : d.WorkerGroup,
            EnvironmentCode = d.EnvironmentCode,
            ExecutorId = w.ExecutorId,
            ExecutorName = w.ExecutorName,
            DelayTime = d.DelayTime,
            TaskParams = d.TaskParams?.ToJsonString(),
            DryRun = w.DryRun,
            TaskGroupId = d.TaskGroupId,
            CpuQuota = d.CpuQuota,
            MemoryMax = d.MemoryMax,
            TaskExecuteType = d.TaskExecuteType,
            TestFlag = w.TestFlag,
        });
    }

    private void StartAttempt(Node n, DateTime now)
    {
        TaskInstanceRow row;
        if (n.ReuseRow is { } reuse)
        {
            row = reuse;
            n.ReuseRow = null;
            row.State = TaskExecutionStatus.SUBMITTED_SUCCESS;
            row.SubmitTime = now;
            row.StartTime = null;
            row.EndTime = null;
        }
        else
        {
            row = NewRow(n, now);
        }
        n.FirstSubmitTime ??= row.FirstSubmitTime;
        n.Row = row;
        n.Phase = Phase.Active;
        n.TimedOut = false;
        n.Kill = CancellationTokenSource.CreateLinkedTokenSource(engine.ShuttingDown);
        var token = n.Kill.Token;
        var context = PrepareAttempt(n, row);
        engine.Spawn(() => ExecuteAttemptAsync(n, row, context, token));
    }

    private sealed record AttemptContext(string LogPath, string ExecutePath, IReadOnlyDictionary<string, string> Parameters, DateTime BaseTime, bool DryRun, string Host);

    /// <summary>Paths and parameters of an attempt (under Gate; the attempt itself runs outside it).</summary>
    private AttemptContext PrepareAttempt(Node n, TaskInstanceRow row)
    {
        var w = Instance;
        var day = (row.FirstSubmitTime ?? store.Now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var logPath = Path.Combine(engine.LogRoot, day, w.WorkflowDefinitionCode.ToString(CultureInfo.InvariantCulture),
            w.WorkflowDefinitionVersion.ToString(CultureInfo.InvariantCulture), w.Id.ToString(CultureInfo.InvariantCulture), $"{row.Id}.log");
        var execPath = Path.Combine(engine.ExecRoot, SafeSegment(w.TenantCode ?? "default"), w.ProjectCode.ToString(CultureInfo.InvariantCulture),
            $"{w.WorkflowDefinitionCode}_{w.WorkflowDefinitionVersion}", w.Id.ToString(CultureInfo.InvariantCulture), row.Id.ToString(CultureInfo.InvariantCulture));
        var baseTime = w.ScheduleTime ?? store.Now;
        var parameters = ParameterResolver.Build(
            new ParameterResolver.Context(w.ScheduleTime, store.Now, execPath, row.Id, n.Def.Code, n.Def.Name, w.Id, w.WorkflowDefinitionCode,
                workflow.Name, w.ProjectCode, workflow.ProjectName),
            workflow.GlobalParams, w.StartParams, n.Def.TaskParams);
        var host = IsLogicTask(n.Def.TaskType) ? engine.Options.MasterHost : engine.Options.WorkerHost;
        return new AttemptContext(logPath, execPath, parameters, baseTime, w.DryRun == 1, host);
    }

    private static string SafeSegment(string s) => string.Concat(s.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));

    private static bool IsLogicTask(string type)
        => type.ToUpperInvariant() is "SUB_PROCESS" or "SUB_WORKFLOW" or "DEPENDENT" or "CONDITIONS" or "SWITCH" or "DYNAMIC";

    /// <summary>One attempt: delay, wait for a slot, DISPATCH, RUNNING_EXECUTION, the task body, then report back.</summary>
    private async Task ExecuteAttemptAsync(Node n, TaskInstanceRow row, AttemptContext ctx, CancellationToken kill)
    {
        var outcome = TaskOutcome.Failure;
        var slotTaken = false;
        TaskLog? log = null;
        try
        {
            if (n.Def.DelayTime > 0)
            {
                lock (store.Gate)
                    row.State = TaskExecutionStatus.DELAY_EXECUTION;
                await Task.Delay(engine.Options.Minutes(n.Def.DelayTime), kill);
            }
            await engine.TaskSlots.WaitAsync(kill);
            slotTaken = true;

            Directory.CreateDirectory(ctx.ExecutePath);
            log = new TaskLog(ctx.LogPath, engine.Flavor, store.Clock, engine.Flavor.LogThread(row.Id));
            lock (store.Gate)
            {
                row.State = TaskExecutionStatus.DISPATCH;
                row.Host = ctx.Host;
                row.LogPath = ctx.LogPath;
                row.ExecutePath = ctx.ExecutePath;
            }
            WriteHeader(log, n, row, ctx);
            kill.ThrowIfCancellationRequested();
            lock (store.Gate)
            {
                row.State = TaskExecutionStatus.RUNNING_EXECUTION;
                row.StartTime = store.Now;
            }
            log.Info("*********************************  Execute task instance  *************************************");

            using var timeout = ArmTimeout(n, log);
            var context = new TaskRunContext
            {
                Task = n.Def,
                TaskInstanceId = row.Id,
                ExecutePath = ctx.ExecutePath,
                Log = log,
                Parameters = ctx.Parameters,
                BaseTime = ctx.BaseTime,
                DryRun = ctx.DryRun,
                Options = engine.Options,
                OnProcessStarted = pid =>
                {
                    lock (store.Gate)
                        row.Pid = pid;
                },
                RunSubWorkflow = (c, k) => RunSubWorkflowAsync(n, row, c, k),
            };
            outcome = await TaskRunners.RunAsync(context, kill);
            if (n.TimedOut && outcome != TaskOutcome.Success)
                outcome = TaskOutcome.Killed;
        }
        catch (OperationCanceledException)
        {
            outcome = TaskOutcome.Killed;
        }
        catch (Exception e)
        {
            log?.Error("task execution failed: " + e.Message);
            engine.LogWarning(e, $"task instance {row.Id}: the sandbox could not run it");
            outcome = TaskOutcome.Failure;
        }
        finally
        {
            if (slotTaken)
                engine.TaskSlots.Release();
        }
        if (log is not null)
        {
            log.Info($"task instance id: {row.Id}, execute status: {OutcomeText(outcome, n.TimedOut)}");
            log.Info("FINALIZE_SESSION");
        }
        Post(new AttemptEnded(n, row, outcome));
    }

    private string OutcomeText(TaskOutcome outcome, bool timedOut) => outcome switch
    {
        TaskOutcome.Success => "SUCCESS",
        TaskOutcome.Failure => "FAILURE",
        _ => timedOut ? engine.Flavor.TimeoutTaskState.ToString() : "KILL",
    };

    private void WriteHeader(TaskLog log, Node n, TaskInstanceRow row, AttemptContext ctx)
    {
        log.Info("***********************************************************************************************");
        log.Info("*********************************  Initialize task context  ***********************************");
        log.Info("***********************************************************************************************");
        log.Info("Begin to initialize task");
        log.Info($"Set task startTime: {store.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}");
        log.Info($"Set task workflowInstanceId: {Instance.Id}, taskInstanceId: {row.Id}, taskName: {n.Def.Name}, taskType: {n.Def.TaskType}");
        log.Info($"Set task execute path: {ctx.ExecutePath}");
        log.Info("End initialize task");
    }

    /// <summary>timeoutFlag OPEN: WARN only logs; FAILED/WARNFAILED kill the task (3.2 FAILURE, 3.3+ KILL).</summary>
    private CancellationTokenSource? ArmTimeout(Node n, TaskLog log)
    {
        if (!n.Def.TimeoutEnabled || n.Def.Timeout <= 0)
            return null;
        var cts = new CancellationTokenSource(engine.Options.Minutes(n.Def.Timeout));
        cts.Token.Register(() =>
        {
            log.Warn($"Task timeout: the task ran longer than {n.Def.Timeout} minute(s), timeout strategy: {n.Def.TimeoutNotifyStrategy}");
            if (n.Def.TimeoutKills)
            {
                n.TimedOut = true;
                try
                {
                    n.Kill?.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }
        });
        return cts;
    }

    /// <summary>SUB_PROCESS / SUB_WORKFLOW: starts the child definition as a sub-instance and waits for it.</summary>
    private async Task<TaskOutcome> RunSubWorkflowAsync(Node n, TaskInstanceRow row, TaskRunContext c, CancellationToken kill)
    {
        WorkflowRun? child;
        lock (store.Gate)
        {
            var p = n.Def.TaskParams;
            var code = ReadLong(p?["workflowDefinitionCode"]) ?? ReadLong(p?["processDefinitionCode"]);
            var snapshot = code is { } cd ? engine.Definitions.Current(cd) : null;
            if (snapshot is null)
            {
                c.Log.Error($"sub workflow definition {code} does not exist");
                return TaskOutcome.Failure;
            }
            var user = store.Users.Find(Instance.ExecutorId);
            if (user is null)
            {
                c.Log.Error($"executor {Instance.ExecutorId} does not exist");
                return TaskOutcome.Failure;
            }
            var now = store.Now;
            var sub = new WorkflowInstanceRow
            {
                WorkflowDefinitionCode = snapshot.Code,
                WorkflowDefinitionVersion = snapshot.Version,
                ProjectCode = snapshot.ProjectCode,
                Name = engine.Flavor.InstanceName(snapshot.Name, snapshot.Version, now),
                State = WorkflowExecutionStatus.RUNNING_EXECUTION,
                StartTime = now,
                RestartTime = now,
                RunTimes = 1,
                CommandType = "START_PROCESS",
                CommandParam = "{}",
                TaskDependType = "TASK_POST",
                FailureStrategy = Instance.FailureStrategy,
                WarningType = Instance.WarningType,
                WarningGroupId = Instance.WarningGroupId,
                ScheduleTime = Instance.ScheduleTime,
                CommandStartTime = now,
                GlobalParams = snapshot.GlobalParams,
                ExecutorId = Instance.ExecutorId,
                ExecutorName = Instance.ExecutorName,
                TenantCode = Instance.TenantCode,
                IsSubWorkflow = Flag.YES,
                Host = engine.Options.MasterHost,
                WorkflowInstancePriority = Instance.WorkflowInstancePriority,
                WorkerGroup = Instance.WorkerGroup,
                EnvironmentCode = Instance.EnvironmentCode,
                Timeout = snapshot.Timeout,
                DryRun = Instance.DryRun,
                TestFlag = Instance.TestFlag,
                StartParams = new Dictionary<string, string>(Instance.StartParams, StringComparer.Ordinal),
                ParentWorkflowInstanceId = Instance.Id,
                ParentTaskInstanceId = row.Id,
            };
            sub.AddHistoryCmd("START_PROCESS");
            sub.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.RUNNING_EXECUTION, "init sub workflow instance"));
            store.WorkflowInstances.Insert(sub);
            c.Log.Info($"sub workflow instance {sub.Id} ({sub.Name}) started");
            child = new WorkflowRun(engine, sub, snapshot, Mode.Start, [], "TASK_POST");
            engine.RegisterRun(child);
        }
        engine.Spawn(() => child.RunAsync(TimeSpan.Zero));
        WorkflowExecutionStatus final;
        try
        {
            final = await child.Completion.WaitAsync(kill);
        }
        catch (OperationCanceledException)
        {
            child.Post(new StopRequested());
            try
            {
                await child.Completion.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
            }
            return TaskOutcome.Killed;
        }
        c.Log.Info($"sub workflow instance {child.InstanceId} finished: {final}");
        return final switch
        {
            WorkflowExecutionStatus.SUCCESS => TaskOutcome.Success,
            WorkflowExecutionStatus.STOP => TaskOutcome.Killed,
            _ => TaskOutcome.Failure,
        };
    }

    private static long? ReadLong(JsonNode? node)
    {
        if (node is not JsonValue v)
            return null;
        if (v.TryGetValue<long>(out var l))
            return l;
        return v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out l) ? l : null;
    }

    /// <summary>task-instances/{id}/stop on an attempt of this run (under Gate).</summary>
    public bool KillTask(int taskInstanceId)
    {
        var n = order.FirstOrDefault(x => x.Phase == Phase.Active && x.Row?.Id == taskInstanceId);
        if (n?.Kill is null)
            return false;
        n.Kill.Cancel();
        return true;
    }

    // ------------------------------------------------------------------ end

    private void TryFinish()
    {
        if (finished || order.Any(n => n.Phase is Phase.Active or Phase.RetryWait))
            return;
        var rows = ValidRows();
        var anyFail = rows.Any(r => r.State == TaskExecutionStatus.FAILURE);
        var anyKill = rows.Any(r => r.State is TaskExecutionStatus.KILL or TaskExecutionStatus.STOP);
        var anyPause = rows.Any(r => r.State == TaskExecutionStatus.PAUSE);
        var blocked = order.Any(n => n.Phase == Phase.Blocked);
        WorkflowExecutionStatus final;
        if (stopRequested)
            final = anyKill || anyFail ? WorkflowExecutionStatus.STOP : WorkflowExecutionStatus.SUCCESS;
        else if (pauseRequested)
            final = anyPause ? WorkflowExecutionStatus.PAUSE : anyFail || anyKill || blocked ? WorkflowExecutionStatus.FAILURE : WorkflowExecutionStatus.SUCCESS;
        else
            final = anyFail || anyKill || blocked || endTriggered ? WorkflowExecutionStatus.FAILURE : WorkflowExecutionStatus.SUCCESS;
        Complete(final);
    }

    private void Complete(WorkflowExecutionStatus final)
    {
        if (finished)
            return;
        finished = true;
        var now = store.Now;
        Instance.State = final;
        Instance.EndTime = now;
        if (engine.Flavor.HistoryRecordsFinalStates)
            Instance.StateHistory.Add(new StateDesc(now, final, "update by workflow executor"));
        engine.RunFinished(this);
        completion.TrySetResult(final);
    }

    /// <summary>Shutdown or deletion: stop tracking without touching the (possibly deleted) row further.</summary>
    private void Abort()
    {
        finished = true;
        foreach (var n in order)
        {
            try
            {
                n.Kill?.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
        engine.RunFinished(this);
    }
}
