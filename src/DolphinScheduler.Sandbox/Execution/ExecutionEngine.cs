using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>
/// The sandbox's "master + worker": starts workflow instances, runs each as a <see cref="WorkflowRun"/> on the thread
/// pool (never on a request thread), and applies control commands. Public members that take or return store rows
/// must be called under <see cref="SandboxStore.Gate"/>; they only schedule work and return at once.
/// </summary>
public sealed class ExecutionEngine : IAsyncDisposable
{
    private readonly Dictionary<int, WorkflowRun> runs = new();          // active runs by instance id (under Gate)
    private readonly HashSet<int> pendingCommands = new();              // instances with a queued command (under Gate)
    private readonly ConcurrentDictionary<Task, byte> background = new();
    private readonly CancellationTokenSource shutdown = new();
    private readonly ILogger? logger;

    public ExecutionEngine(SandboxStore store, SandboxFlavor flavor, ExecutionOptions options, ILogger<ExecutionEngine>? logger = null)
    {
        Store = store;
        Flavor = flavor;
        Options = options;
        this.logger = logger;
        TaskSlots = new SemaphoreSlim(options.MaxConcurrentTasks, options.MaxConcurrentTasks);
    }

    public SandboxStore Store { get; }
    public SandboxFlavor Flavor { get; }
    public ExecutionOptions Options { get; }

    /// <summary>The workflow-definition store (wired by the definitions area).</summary>
    public IWorkflowDefinitionSource Definitions { get; set; } = NoWorkflowDefinitions.Instance;

    internal SemaphoreSlim TaskSlots { get; }

    internal CancellationToken ShuttingDown => shutdown.Token;

    /// <summary>Root of task logs: <c>&lt;data&gt;/logs/yyyyMMdd/&lt;definition&gt;/&lt;version&gt;/&lt;instance&gt;/&lt;task&gt;.log</c>.</summary>
    public string LogRoot => Path.Combine(Store.DataDirectory, "logs");

    /// <summary>Root of task working folders (DS's <c>exec/process/…</c>).</summary>
    public string ExecRoot => Path.Combine(Store.DataDirectory, "exec", "process");

    /// <summary>Whether an instance is being run or has a queued command (under Gate).</summary>
    public bool IsBusy(int instanceId) => runs.ContainsKey(instanceId) || pendingCommands.Contains(instanceId);

    // ------------------------------------------------------------------ start

    /// <summary>
    /// Starts one instance per schedule time. 3.3+: the rows exist (SUBMITTED_SUCCESS) when this returns; 3.2: a
    /// "master" creates them after <see cref="ExecutionOptions.CommandPickupDelay"/> and links them to the trigger code.
    /// Complement dates run serially, or in <c>expectedParallelismNumber</c> parallel queues.
    /// </summary>
    public StartResult Start(StartRequest request)
    {
        var triggerCode = Flavor.StartReturnsTriggerCode ? Store.Codes.Next() : (long?)null;
        var commandTime = Store.Now;
        var planned = request.ScheduleTimes.Select(t => new PlannedRun(t)).ToList();
        if (!Flavor.StartReturnsTriggerCode)
        {
            foreach (var p in planned)
                p.Row = CreateInstanceRow(request, p.ScheduleTime, submittedOnly: true, triggerCode: null, commandTime);
        }

        var queueCount = 1;
        if (request.Parallel && planned.Count > 1)
            queueCount = request.ExpectedParallelismNumber is > 0 and var n ? Math.Min(n, planned.Count) : planned.Count;
        var queues = Enumerable.Range(0, queueCount).Select(_ => new List<PlannedRun>()).ToList();
        for (var i = 0; i < planned.Count; i++)
            queues[i % queueCount].Add(planned[i]);

        foreach (var queue in queues)
            Spawn(() => RunQueueAsync(request, queue, triggerCode, commandTime));

        return new StartResult(planned.Where(p => p.Row is not null).Select(p => p.Row!.Id).ToList(), triggerCode);
    }

    private sealed class PlannedRun(DateTime? scheduleTime)
    {
        public DateTime? ScheduleTime { get; } = scheduleTime;
        public WorkflowInstanceRow? Row { get; set; }
    }

    private async Task RunQueueAsync(StartRequest request, List<PlannedRun> queue, long? triggerCode, DateTime commandTime)
    {
        foreach (var p in queue)
        {
            WorkflowRun run;
            if (p.Row is null)
            {
                await Task.Delay(Options.CommandPickupDelay, ShuttingDown);
                lock (Store.Gate)
                {
                    p.Row = CreateInstanceRow(request, p.ScheduleTime, submittedOnly: false, triggerCode, commandTime);
                    run = new WorkflowRun(this, p.Row, request.Workflow, WorkflowRun.Mode.Start, request.StartNodes, request.TaskDependType);
                    runs[p.Row.Id] = run;
                }
                await run.RunAsync(TimeSpan.Zero);
            }
            else
            {
                lock (Store.Gate)
                {
                    if (Store.WorkflowInstances.Find(p.Row.Id) is null)
                        continue; // deleted while waiting in the queue
                    run = new WorkflowRun(this, p.Row, request.Workflow, WorkflowRun.Mode.Start, request.StartNodes, request.TaskDependType);
                    runs[p.Row.Id] = run;
                }
                await run.RunAsync(Options.MasterStartDelay);
            }
        }
    }

    /// <summary>Inserts the instance row as the master (3.2) or the trigger RPC (3.3+, SUBMITTED_SUCCESS) creates it.</summary>
    private WorkflowInstanceRow CreateInstanceRow(StartRequest r, DateTime? scheduleTime, bool submittedOnly, long? triggerCode, DateTime commandTime)
    {
        var now = Store.Now;
        var wf = r.Workflow;
        var commandType = r.CommandType;
        var row = new WorkflowInstanceRow
        {
            WorkflowDefinitionCode = wf.Code,
            WorkflowDefinitionVersion = wf.Version,
            ProjectCode = wf.ProjectCode,
            Name = Flavor.InstanceName(wf.Name, wf.Version, now),
            StartTime = now,
            RunTimes = 1,
            CommandType = commandType,
            CommandParam = CommandParamJson(r, scheduleTime),
            TaskDependType = r.TaskDependType,
            FailureStrategy = r.FailureStrategy,
            WarningType = r.WarningType ?? "NONE",
            WarningGroupId = r.WarningGroupId,
            ScheduleTime = scheduleTime,
            CommandStartTime = commandTime,
            GlobalParams = MergeGlobalParams(wf.GlobalParams, r.StartParams),
            ExecutorId = r.User.Id,
            ExecutorName = r.User.UserName,
            TenantCode = r.TenantCode,
            IsSubWorkflow = r.ParentWorkflowInstanceId > 0 ? Flag.YES : Flag.NO,
            WorkflowInstancePriority = r.Priority ?? "MEDIUM",
            WorkerGroup = string.IsNullOrEmpty(r.WorkerGroup) ? "default" : r.WorkerGroup,
            EnvironmentCode = r.EnvironmentCode,
            Timeout = wf.Timeout,
            DryRun = r.DryRun,
            TestFlag = r.TestFlag,
            TriggerCode = triggerCode,
            StartNodes = r.StartNodes.ToList(),
            StartParams = new Dictionary<string, string>(r.StartParams, StringComparer.Ordinal),
            ParentWorkflowInstanceId = r.ParentWorkflowInstanceId,
            ParentTaskInstanceId = r.ParentTaskInstanceId,
        };
        row.AddHistoryCmd(commandType);
        if (submittedOnly)
        {
            row.State = WorkflowExecutionStatus.SUBMITTED_SUCCESS;
            row.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.SUBMITTED_SUCCESS, commandType));
            row.RestartTime = now;
        }
        else
        {
            row.State = WorkflowExecutionStatus.RUNNING_EXECUTION;
            row.Host = Options.MasterHost;
            row.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.RUNNING_EXECUTION, "init running"));
            row.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.RUNNING_EXECUTION, Flavor.RunningHistoryDesc(commandType)));
            row.RestartTime = now;
        }
        return Store.WorkflowInstances.Insert(row);
    }

    private string CommandParamJson(StartRequest r, DateTime? scheduleTime)
        => Flavor.CommandParamJson(r.StartNodes, r.StartParams, r.CommandType == "COMPLEMENT_DATA" ? scheduleTime : null);

    /// <summary>The instance's globalParams: the definition's properties with start parameters overriding or added.</summary>
    private static string? MergeGlobalParams(string? definitionGlobals, IReadOnlyDictionary<string, string> startParams)
    {
        if (startParams.Count == 0)
            return definitionGlobals;
        var list = new List<Dictionary<string, string?>>();
        try
        {
            if (!string.IsNullOrWhiteSpace(definitionGlobals) && JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(definitionGlobals) is { } items)
            {
                foreach (var item in items)
                    list.Add(item.ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString() : kv.Value.ToString()));
            }
        }
        catch (JsonException)
        {
        }
        foreach (var (name, value) in startParams)
        {
            var existing = list.FirstOrDefault(p => p.GetValueOrDefault("prop") == name);
            if (existing is not null)
                existing["value"] = value;
            else
                list.Add(new Dictionary<string, string?> { ["prop"] = name, ["direct"] = "IN", ["type"] = "VARCHAR", ["value"] = value });
        }
        return JsonSerializer.Serialize(list);
    }

    // ------------------------------------------------------------------ control

    /// <summary>
    /// executors/execute for one instance (state already read under Gate). Throws the flavour's refusal when the state
    /// does not allow the type (research Q3). The synchronous part (3.2 READY_PAUSE/READY_STOP, 3.3+ recover
    /// SUBMITTED_SUCCESS) happens here; the rest when the run or the "master" takes the command.
    /// </summary>
    public void Control(WorkflowInstanceRow w, string executeType, UserRow user)
    {
        if (executeType is not ("PAUSE" or "STOP" or "REPEAT_RUNNING" or "START_FAILURE_TASK_PROCESS" or "RECOVER_SUSPENDED_PROCESS"))
            throw Flavor.ExecuteRefused($"Unsupported executeType: {executeType}");
        if (!Flavor.ExecuteAllowed(executeType, w.State))
            throw Flavor.ExecuteRefused(Flavor.ExecuteRefusal(executeType, w.Name, w.State));

        var now = Store.Now;
        switch (executeType)
        {
            case "PAUSE":
            case "STOP":
            {
                var pause = executeType == "PAUSE";
                if (Flavor.PauseStopWrittenByApi)
                {
                    w.CommandType = executeType;
                    w.AddHistoryCmd(executeType);
                    var target = pause ? WorkflowExecutionStatus.READY_PAUSE : WorkflowExecutionStatus.READY_STOP;
                    w.State = target;
                    w.StateHistory.Add(new StateDesc(now, target, pause ? $"pause a process by {user.UserName}" : "stop a process by user"));
                }
                if (runs.TryGetValue(w.Id, out var run))
                    run.Post(pause ? new WorkflowRun.PauseRequested() : new WorkflowRun.StopRequested());
                else
                    FinishIdle(w, pause); // no run behind a RUNNING row (e.g. seeded): end it right away
                return;
            }
            default:
            {
                if (IsBusy(w.Id))
                    throw Flavor.ExecuteRefused($"workflow instance {w.Id} is executing the command, please wait ...");
                var snapshot = Definitions.Version(w.WorkflowDefinitionCode, w.WorkflowDefinitionVersion)
                    ?? throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, w.WorkflowDefinitionCode);
                var mode = executeType switch
                {
                    "REPEAT_RUNNING" => WorkflowRun.Mode.Repeat,
                    "START_FAILURE_TASK_PROCESS" => WorkflowRun.Mode.RecoverFailure,
                    _ => WorkflowRun.Mode.RecoverSuspended,
                };
                var writtenByApi = Flavor.RecoverWrittenByApi && mode != WorkflowRun.Mode.Repeat;
                if (writtenByApi)
                {
                    w.State = WorkflowExecutionStatus.SUBMITTED_SUCCESS;
                    w.RunTimes++;
                    w.RestartTime = now;
                    w.EndTime = null;
                    w.CommandType = executeType;
                    w.AddHistoryCmd(executeType);
                    w.StateHistory.Add(new StateDesc(now, WorkflowExecutionStatus.SUBMITTED_SUCCESS, "START_FAILURE_TASK_PROCESS"));
                }
                QueueCommand(w, snapshot, mode, w.StartNodes, w.TaskDependType, alreadyApplied: writtenByApi,
                    writtenByApi ? Options.MasterStartDelay : Options.CommandPickupDelay);
                return;
            }
        }
    }

    /// <summary>executors/execute-task: re-runs the given task(s) of a finished instance (EXECUTE_TASK command).</summary>
    public void ExecuteTask(WorkflowInstanceRow w, WorkflowSnapshot snapshot, IReadOnlyList<long> startNodes, string taskDependType)
    {
        if (IsBusy(w.Id))
            throw new DsServiceException(DsStatuses.WorkflowInstanceExecutingCommand, w.WorkflowDefinitionCode.ToString(CultureInfo.InvariantCulture));
        QueueCommand(w, snapshot, WorkflowRun.Mode.ExecuteTask, startNodes, taskDependType, alreadyApplied: false, Options.CommandPickupDelay);
    }

    private void QueueCommand(WorkflowInstanceRow w, WorkflowSnapshot snapshot, WorkflowRun.Mode mode, IReadOnlyList<long> startNodes,
        string? taskDependType, bool alreadyApplied, TimeSpan delay)
    {
        var id = w.Id;
        pendingCommands.Add(id);
        Spawn(async () =>
        {
            WorkflowRun? run = null;
            try
            {
                await Task.Delay(delay, ShuttingDown);
            }
            finally
            {
                lock (Store.Gate)
                {
                    pendingCommands.Remove(id);
                    if (!ShuttingDown.IsCancellationRequested && Store.WorkflowInstances.Find(id) is { } row && !runs.ContainsKey(id))
                    {
                        run = new WorkflowRun(this, row, snapshot, mode, startNodes, taskDependType ?? "TASK_POST") { AlreadyApplied = alreadyApplied };
                        runs[id] = run;
                    }
                }
            }
            if (run is not null)
                await run.RunAsync(TimeSpan.Zero);
        });
    }

    /// <summary>A PAUSE/STOP on a running row without a run (seeded data, or a run lost to shutdown) ends it at once.</summary>
    private void FinishIdle(WorkflowInstanceRow w, bool pause)
    {
        var now = Store.Now;
        w.State = pause ? WorkflowExecutionStatus.PAUSE : WorkflowExecutionStatus.STOP;
        w.EndTime = now;
        if (Flavor.HistoryRecordsFinalStates)
            w.StateHistory.Add(new StateDesc(now, w.State, "update by workflow executor"));
    }

    // ------------------------------------------------------------------ tasks

    private readonly Dictionary<int, CancellationTokenSource> standalone = new(); // stream task instance id → kill (under Gate)

    /// <summary>
    /// task-instances/{id}/stop: kills a running attempt (its workflow then reacts as to any KILL) or a stream task.
    /// Returns false when nothing with that id is running.
    /// </summary>
    public bool KillTask(TaskInstanceRow task)
    {
        if (standalone.TryGetValue(task.Id, out var cts))
        {
            cts.Cancel();
            return true;
        }
        return runs.TryGetValue(task.WorkflowInstanceId, out var run) && run.KillTask(task.Id);
    }

    /// <summary>
    /// executors/task-instance/{code}/start: one task definition version run outside any workflow (DS uses it for
    /// stream tasks). A STREAM task keeps running (simulated) until it is stopped; a batch task runs once.
    /// </summary>
    public TaskInstanceRow StartStandaloneTask(TaskDefinitionRow definition, UserRow user, long projectCode, string workerGroup, int dryRun,
        IReadOnlyDictionary<string, string> startParams)
    {
        var now = Store.Now;
        var row = Store.TaskInstances.Insert(new TaskInstanceRow
        {
            Name = definition.Name ?? definition.Code.ToString(CultureInfo.InvariantCulture),
            TaskType = definition.TaskType ?? "SHELL",
            ProjectCode = projectCode,
            TaskCode = definition.Code,
            TaskDefinitionVersion = definition.Version,
            State = TaskExecutionStatus.SUBMITTED_SUCCESS,
            FirstSubmitTime = now,
            SubmitTime = now,
            MaxRetryTimes = definition.FailRetryTimes,
            RetryInterval = definition.FailRetryInterval,
            TaskInstancePriority = definition.TaskPriority?.ToString() ?? "MEDIUM",
            WorkerGroup = workerGroup,
            EnvironmentCode = definition.EnvironmentCode,
            ExecutorId = user.Id,
            ExecutorName = user.UserName,
            DelayTime = definition.DelayTime,
            TaskParams = definition.TaskParams,
            DryRun = dryRun,
            TaskGroupId = definition.TaskGroupId,
            CpuQuota = definition.CpuQuota,
            MemoryMax = definition.MemoryMax,
            TaskExecuteType = definition.TaskExecuteType?.ToString() ?? "BATCH",
        });
        var kill = CancellationTokenSource.CreateLinkedTokenSource(ShuttingDown);
        standalone[row.Id] = kill;
        var day = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var logPath = Path.Combine(LogRoot, day, "0", "0", "0", $"{row.Id}.log");
        var execPath = Path.Combine(ExecRoot, "stream", projectCode.ToString(CultureInfo.InvariantCulture), row.Id.ToString(CultureInfo.InvariantCulture));
        var stream = row.TaskExecuteType == "STREAM";
        Spawn(async () =>
        {
            var outcome = TaskOutcome.Failure;
            try
            {
                Directory.CreateDirectory(execPath);
                var log = new TaskLog(logPath, Flavor, Store.Clock, Flavor.LogThread(row.Id));
                lock (Store.Gate)
                {
                    row.State = TaskExecutionStatus.RUNNING_EXECUTION;
                    row.Host = Options.WorkerHost;
                    row.LogPath = logPath;
                    row.ExecutePath = execPath;
                    row.StartTime = Store.Now;
                }
                if (stream)
                {
                    log.Info($"The DolphinScheduler sandbox simulates the stream task {row.Name} ({row.TaskType}); it runs until it is stopped");
                    try
                    {
                        await Task.Delay(Timeout.Infinite, kill.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        log.Info("stream task stopped");
                    }
                    outcome = TaskOutcome.Killed;
                }
                else
                {
                    var snapshot = new TaskSnapshot
                    {
                        Code = definition.Code,
                        Version = definition.Version,
                        Name = row.Name,
                        TaskType = row.TaskType,
                        TaskParams = string.IsNullOrEmpty(definition.TaskParams) ? null : System.Text.Json.Nodes.JsonNode.Parse(definition.TaskParams) as System.Text.Json.Nodes.JsonObject,
                    };
                    var parameters = ParameterResolver.Build(
                        new ParameterResolver.Context(null, Store.Now, execPath, row.Id, definition.Code, row.Name, 0, 0, "", projectCode, null),
                        null, startParams, snapshot.TaskParams);
                    outcome = await TaskRunners.RunAsync(new TaskRunContext
                    {
                        Task = snapshot,
                        TaskInstanceId = row.Id,
                        ExecutePath = execPath,
                        Log = log,
                        Parameters = parameters,
                        BaseTime = Store.Now,
                        DryRun = dryRun == 1,
                        Options = Options,
                    }, kill.Token);
                }
            }
            finally
            {
                lock (Store.Gate)
                {
                    standalone.Remove(row.Id);
                    row.State = outcome switch
                    {
                        TaskOutcome.Success => TaskExecutionStatus.SUCCESS,
                        TaskOutcome.Failure => TaskExecutionStatus.FAILURE,
                        _ => TaskExecutionStatus.KILL,
                    };
                    row.EndTime = Store.Now;
                }
                kill.Dispose();
            }
        });
        return row;
    }

    // ------------------------------------------------------------------ runs

    internal void RunFinished(WorkflowRun run)
    {
        // under Gate
        if (runs.TryGetValue(run.InstanceId, out var current) && ReferenceEquals(current, run))
            runs.Remove(run.InstanceId);
    }

    internal WorkflowRun? ActiveRun(int instanceId) => runs.GetValueOrDefault(instanceId);

    internal void RegisterRun(WorkflowRun run) => runs[run.InstanceId] = run;

    /// <summary>Runs background work on the thread pool and keeps track of it for shutdown.</summary>
    internal void Spawn(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException) when (ShuttingDown.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                logger?.LogWarning(e, "sandbox execution engine: background work failed");
            }
        });
        background.TryAdd(task, 0);
        _ = task.ContinueWith(t => background.TryRemove(t, out _), TaskScheduler.Default);
    }

    internal void LogWarning(Exception e, string message) => logger?.LogWarning(e, "{Message}", message);

    /// <summary>Kills every running task (process trees included) and waits briefly for the runs to notice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (shutdown.IsCancellationRequested)
            return;
        await shutdown.CancelAsync();
        var pending = background.Keys.ToArray();
        try
        {
            await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // shutting down: failures and timeouts of background work are irrelevant now
        }
        shutdown.Dispose();
    }
}
