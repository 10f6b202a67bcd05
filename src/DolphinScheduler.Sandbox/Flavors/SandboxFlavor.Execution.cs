using System.Globalization;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Flavors;

/// <summary>
/// Execution behaviour that differs between 3.2.2 and 3.3+ (docs/server-compatibility.md Q3–Q6). The engine and the
/// executor/instance/log endpoints ask these members instead of testing the version.
/// </summary>
public sealed partial class SandboxFlavor
{
    // ---- start ----

    /// <summary>3.2: start returns a trigger code and the instance appears when a master takes the command (Q4).</summary>
    public bool StartReturnsTriggerCode => Is32;

    /// <summary>
    /// Instance name: 3.2 <c>&lt;definition&gt;-&lt;version&gt;-&lt;yyyyMMddHHmmssSSS&gt;</c>,
    /// 3.3+ <c>&lt;definition&gt;-&lt;yyyyMMddHHmmssSSS&gt;</c>.
    /// </summary>
    public string InstanceName(string definitionName, int version, DateTime now)
    {
        var stamp = now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        return Is32 ? $"{definitionName}-{version}-{stamp}" : $"{definitionName}-{stamp}";
    }

    /// <summary>
    /// 3.2.2's start is ExecutorServiceImpl.execProcessInstance (path-project permission, tenant/timeout checks, a command
    /// row, returned errors collected by batch start); 3.3+ goes through the trigger/backfill delegates (definition by code,
    /// plain ServiceExceptions, the first error aborts a batch).
    /// </summary>
    public bool CommandBasedStart => Is32;

    /// <summary>startParams: 3.2 reads a JSON object only; 3.3+ also a JSON array of Property (the 3.3+ UI sends that).</summary>
    public bool StartParamsAcceptPropertyList => !Is32;

    /// <summary>3.2.2 batch-execute collects per-instance errors into 50058; 3.3+ throws one ServiceException (10000).</summary>
    public bool BatchExecuteCollectsErrors => Is32;

    /// <summary>
    /// The instance's commandParam: 3.2 <c>{"StartNodeList":"…","StartParams":"{…}"}</c>, 3.3+ the RunWorkflowCommandParam
    /// <c>{"commandParams":[Property…],"startNodes":[…],"timeZone":"UTC"}</c>.
    /// </summary>
    public string CommandParamJson(IReadOnlyList<long> startNodes, IReadOnlyDictionary<string, string> startParams, DateTime? complementDate)
    {
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            if (Is32)
            {
                if (startNodes.Count > 0)
                    w.WriteString("StartNodeList", string.Join(',', startNodes));
                if (startParams.Count > 0)
                    w.WriteString("StartParams", System.Text.Json.JsonSerializer.Serialize(startParams));
                if (complementDate is { } t)
                    w.WriteString("complementScheduleDateList", DsDateTimeConverter.ToWire(t));
            }
            else
            {
                w.WriteStartArray("commandParams");
                foreach (var (name, value) in startParams)
                {
                    w.WriteStartObject();
                    w.WriteString("prop", name);
                    w.WriteString("direct", "IN");
                    w.WriteString("type", "VARCHAR");
                    w.WriteString("value", value);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("startNodes");
                foreach (var code in startNodes)
                    w.WriteNumberValue(code);
                w.WriteEndArray();
                if (complementDate is { } t)
                    w.WriteString("backfillTime", DsDateTimeConverter.ToWire(t));
                w.WriteString("timeZone", "UTC");
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>stateHistory desc of the master's RUNNING_EXECUTION step: 3.2 the CommandType description, 3.3+ its name.</summary>
    public string RunningHistoryDesc(string commandType) => Is32 ? CommandDescription(commandType) : commandType;

    /// <summary>DS 3.2's CommandType descriptions.</summary>
    public static string CommandDescription(string commandType) => commandType switch
    {
        "START_PROCESS" => "start a new process",
        "START_CURRENT_TASK_PROCESS" => "start a new process from current nodes",
        "RECOVER_TOLERANCE_FAULT_PROCESS" => "recover tolerance fault process",
        "RECOVER_SUSPENDED_PROCESS" => "recover suspended process",
        "START_FAILURE_TASK_PROCESS" => "start process from failure task nodes",
        "COMPLEMENT_DATA" => "complement data",
        "SCHEDULER" => "start a new process from scheduler",
        "REPEAT_RUNNING" => "repeat running a process",
        "PAUSE" => "pause a process",
        "STOP" => "stop a process",
        "EXECUTE_TASK" => "start a task node in a process instance",
        _ => commandType.ToLowerInvariant().Replace('_', ' '),
    };

    /// <summary>The first stateHistory entry of a seeded (already finished) instance.</summary>
    public string SeededHistoryDesc(string commandType) => Is32 ? "init running" : commandType;

    /// <summary>3.3+ …/{id}/tasks items are TaskInstanceDependentDetails (with taskInstanceDependentResult).</summary>
    public bool TaskListHasDependentResult => !Is32;

    /// <summary>The <c>[thread]</c> of 3.3+ log lines (3.2's pattern has none).</summary>
    public string LogThread(int taskInstanceId) => Is32 ? "" : $"TaskExecutor-{taskInstanceId}";

    /// <summary>3.3+ only accepts START_PROCESS and COMPLEMENT_DATA as execType (others: 10000); 3.2 runs any as a start.</summary>
    public bool RejectsOtherExecTypes => !Is32;

    /// <summary>3.2 validates the <c>timeout</c> start parameter (1..MAX_TASK_TIMEOUT minutes, else 10157).</summary>
    public bool ValidatesStartTimeout => Is32;

    /// <summary>3.2.2's execProcessInstance copies the start's warningGroupId onto the definition row (null included).</summary>
    public bool StartStoresWarningGroupOnDefinition => Is32;

    /// <summary>3.2 only: a start/execute must name the instance's own project in the path (3.3+ ignores it, README §10.10).</summary>
    public bool ExecutorChecksPathProject => Is32;

    // ---- state history and messages ----

    /// <summary>How DS prints a workflow state inside messages: 3.2 <c>WorkflowExecutionStatus{code=7, desc='success'}</c>, 3.3+ the name.</summary>
    public string StateText(WorkflowExecutionStatus state)
        => Is32 ? $"WorkflowExecutionStatus{{code={(int)state}, desc='{state.Desc()}'}}" : state.ToString();

    public string StateText(TaskExecutionStatus state)
        => Is32 ? $"TaskExecutionStatus{{code={(int)state}, desc='{state.Desc()}'}}" : state.ToString();

    /// <summary>3.2 appends every state change to stateHistory; 3.3+ only the trigger/handler steps (no final states).</summary>
    public bool HistoryRecordsFinalStates => Is32;

    // ---- control (executors/execute) ----

    /// <summary>The states an execute type accepts (research Q3 state table).</summary>
    public bool ExecuteAllowed(string executeType, WorkflowExecutionStatus state) => executeType switch
    {
        "PAUSE" => Is32
            ? state == WorkflowExecutionStatus.RUNNING_EXECUTION
            : state is WorkflowExecutionStatus.RUNNING_EXECUTION or WorkflowExecutionStatus.READY_PAUSE or WorkflowExecutionStatus.SERIAL_WAIT,
        "STOP" => Is32
            ? state is WorkflowExecutionStatus.RUNNING_EXECUTION or WorkflowExecutionStatus.READY_PAUSE
            : state is WorkflowExecutionStatus.RUNNING_EXECUTION or WorkflowExecutionStatus.READY_PAUSE
                or WorkflowExecutionStatus.READY_STOP or WorkflowExecutionStatus.SERIAL_WAIT,
        "REPEAT_RUNNING" => state is WorkflowExecutionStatus.SUCCESS or WorkflowExecutionStatus.FAILURE
            or WorkflowExecutionStatus.STOP or WorkflowExecutionStatus.PAUSE || (Is32 && state == WorkflowExecutionStatus.BLOCK),
        "START_FAILURE_TASK_PROCESS" => state == WorkflowExecutionStatus.FAILURE,
        "RECOVER_SUSPENDED_PROCESS" => state is WorkflowExecutionStatus.PAUSE or WorkflowExecutionStatus.STOP,
        _ => false,
    };

    /// <summary>
    /// The engine's refusal text (3.3+ puts it in the 10000 message; 3.2 only logs it and answers 50015,
    /// research Q3 "Error when the state does not allow it").
    /// </summary>
    public string ExecuteRefusal(string executeType, string instanceName, WorkflowExecutionStatus state)
    {
        var s = Is32 ? StateText(state) : state.ToString();
        return executeType switch
        {
            "PAUSE" => $"The workflow instance: {instanceName} status is {s}, can not pause",
            "STOP" => $"The workflow instance: {instanceName} status is {s}, can not stop",
            "REPEAT_RUNNING" => $"The workflow instance: {instanceName} status is {s}, cannot repeat running",
            "START_FAILURE_TASK_PROCESS" => $"The workflow instance: {instanceName} status is {s}, can not be recovered",
            "RECOVER_SUSPENDED_PROCESS" => $"The workflow instance: {instanceName} state is {s}, cannot recovery",
            _ => $"Unsupported executeType: {executeType}",
        };
    }

    /// <summary>
    /// An execute refusal as DS answers it: 3.2 lets the engine exception reach the generic handler (endpoint code
    /// 50015, bare template); 3.3+ throws <c>ServiceException(String)</c> (10000 + text).
    /// </summary>
    public Exception ExecuteRefused(string text)
        => Is32 ? new InvalidOperationException(text) : new DsServiceException(DsStatuses.InternalServerErrorArgs, text);

    /// <summary>3.2 writes READY_PAUSE/READY_STOP in the API call; 3.3+ lets the master do it right after (asynchronously).</summary>
    public bool PauseStopWrittenByApi => Is32;

    /// <summary>3.3+ writes SUBMITTED_SUCCESS, runTimes+1, restartTime for recover calls synchronously; 3.2 waits for the master.</summary>
    public bool RecoverWrittenByApi => !Is32;

    /// <summary>3.2 REPEAT_RUNNING resets startTime; 3.3+ keeps it and sets restartTime only.</summary>
    public bool RepeatResetsStartTime => Is32;

    /// <summary>A task killed by its timeout ends FAILURE in 3.2 (and may retry), KILL in 3.3+ (research Q3).</summary>
    public TaskExecutionStatus TimeoutTaskState => Is32 ? TaskExecutionStatus.FAILURE : TaskExecutionStatus.KILL;

    // ---- logs (research Q5) ----

    /// <summary>The header /log/detail (skipLineNum 0) and download prepend; 3.2 has two spaces after [HOST]:.</summary>
    public string LogHeader(string logPath, string host)
        => Is32 ? $"[LOG-PATH]: {logPath}, [HOST]:  {host}\n" : $"[LOG-PATH]: {logPath}, [HOST]: {host}\n";

    /// <summary>One task-log line: 3.2 <c>[INFO] 2024-07-18 10:00:00.123 +0000 - msg</c>, 3.3+ <c>2025-01-02 10:00:00.123 INFO  [thread] - msg</c>.</summary>
    public string LogLine(DateTime utc, string level, string thread, string message)
        => Is32
            ? $"[{level}] {utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} +0000 - {message}"
            : $"{utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} {level,-5} [{thread}] - {message}";
}
