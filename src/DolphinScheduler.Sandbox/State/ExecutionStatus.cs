namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// DS <c>WorkflowExecutionStatus</c> (README §7). Member names are the wire names; the numbers are DS's codes.
/// 3.2-only members (DELAY_EXECUTION, READY_BLOCK, BLOCK, WAIT_TO_RUN) and 3.3+'s FAILOVER are never produced by the
/// sandbox engine; they exist so filters accept every name the flavour's contract allows.
/// </summary>
public enum WorkflowExecutionStatus
{
    SUBMITTED_SUCCESS = 0,
    RUNNING_EXECUTION = 1,
    READY_PAUSE = 2,
    PAUSE = 3,
    READY_STOP = 4,
    STOP = 5,
    FAILURE = 6,
    SUCCESS = 7,
    DELAY_EXECUTION = 12,
    SERIAL_WAIT = 14,
    READY_BLOCK = 15,
    BLOCK = 16,
    WAIT_TO_RUN = 17,
    FAILOVER = 18,
}

/// <summary>DS <c>TaskExecutionStatus</c> (README §7; STOP(5) exists in 3.2 only and is never produced).</summary>
public enum TaskExecutionStatus
{
    SUBMITTED_SUCCESS = 0,
    RUNNING_EXECUTION = 1,
    PAUSE = 3,
    STOP = 5,
    FAILURE = 6,
    SUCCESS = 7,
    NEED_FAULT_TOLERANCE = 8,
    KILL = 9,
    DELAY_EXECUTION = 12,
    FORCED_SUCCESS = 13,
    DISPATCH = 17,
}

public static class ExecutionStatusExtensions
{
    /// <summary><c>WorkflowExecutionStatus.isFinished</c>: SUCCESS, FAILURE, STOP, PAUSE (and 3.2's BLOCK).</summary>
    public static bool IsFinished(this WorkflowExecutionStatus s)
        => s is WorkflowExecutionStatus.SUCCESS or WorkflowExecutionStatus.FAILURE or WorkflowExecutionStatus.STOP
            or WorkflowExecutionStatus.PAUSE or WorkflowExecutionStatus.BLOCK;

    /// <summary>DS's human description (the <c>desc</c> of the enum constant, used by 3.2's <c>toString()</c>).</summary>
    public static string Desc(this WorkflowExecutionStatus s) => s switch
    {
        WorkflowExecutionStatus.SUBMITTED_SUCCESS => "submit success",
        WorkflowExecutionStatus.RUNNING_EXECUTION => "running",
        WorkflowExecutionStatus.READY_PAUSE => "ready pause",
        WorkflowExecutionStatus.PAUSE => "pause",
        WorkflowExecutionStatus.READY_STOP => "ready stop",
        WorkflowExecutionStatus.STOP => "stop",
        WorkflowExecutionStatus.FAILURE => "failure",
        WorkflowExecutionStatus.SUCCESS => "success",
        WorkflowExecutionStatus.DELAY_EXECUTION => "delay execution",
        WorkflowExecutionStatus.SERIAL_WAIT => "serial wait",
        WorkflowExecutionStatus.READY_BLOCK => "ready block",
        WorkflowExecutionStatus.BLOCK => "block",
        WorkflowExecutionStatus.WAIT_TO_RUN => "wait to run",
        WorkflowExecutionStatus.FAILOVER => "failover",
        _ => s.ToString().ToLowerInvariant(),
    };

    public static string Desc(this TaskExecutionStatus s) => s switch
    {
        TaskExecutionStatus.SUBMITTED_SUCCESS => "submit success",
        TaskExecutionStatus.RUNNING_EXECUTION => "running",
        TaskExecutionStatus.PAUSE => "pause",
        TaskExecutionStatus.STOP => "stop",
        TaskExecutionStatus.FAILURE => "failure",
        TaskExecutionStatus.SUCCESS => "success",
        TaskExecutionStatus.NEED_FAULT_TOLERANCE => "need fault tolerance",
        TaskExecutionStatus.KILL => "kill",
        TaskExecutionStatus.DELAY_EXECUTION => "delay execution",
        TaskExecutionStatus.FORCED_SUCCESS => "forced success",
        TaskExecutionStatus.DISPATCH => "dispatch",
        _ => s.ToString().ToLowerInvariant(),
    };

    /// <summary>A task state after which the attempt is over (DS <c>isFinished</c> for tasks).</summary>
    public static bool IsFinished(this TaskExecutionStatus s)
        => s is TaskExecutionStatus.SUCCESS or TaskExecutionStatus.FAILURE or TaskExecutionStatus.KILL
            or TaskExecutionStatus.PAUSE or TaskExecutionStatus.FORCED_SUCCESS or TaskExecutionStatus.STOP;

    public static bool IsSuccess(this TaskExecutionStatus s) => s is TaskExecutionStatus.SUCCESS or TaskExecutionStatus.FORCED_SUCCESS;
}
