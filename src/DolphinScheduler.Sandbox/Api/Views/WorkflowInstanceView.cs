using System.Text.Json;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// DS <c>WorkflowInstance</c> (3.2 <c>ProcessInstance</c>) JSON, README §4, in the entity's field order followed by the
/// getter-only properties. 3.2 names and the 3.2-only <c>blocked</c>/<c>testFlag</c> come from the flavour.
/// <c>duration</c> is filled by lists only; <c>dagData</c>/<c>locations</c> by the detail endpoint only.
/// </summary>
[DsEntity("WorkflowInstance")]
public sealed class WorkflowInstanceView
{
    public int Id { get; init; }
    public long WorkflowDefinitionCode { get; init; }
    public int WorkflowDefinitionVersion { get; init; }
    public long ProjectCode { get; init; }
    public WorkflowExecutionStatus State { get; init; }
    public string? StateHistory { get; init; }
    public object? StateDescList { get; init; }
    public Flag Recovery { get; init; }
    public DateTime? StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public int RunTimes { get; init; }
    public string? Name { get; init; }
    public string? Host { get; init; }
    public object? WorkflowDefinition { get; init; }
    public string? CommandType { get; init; }
    public string? CommandParam { get; init; }
    public string? TaskDependType { get; init; }
    public int MaxTryTimes { get; init; }
    public string? FailureStrategy { get; init; }
    public string? WarningType { get; init; }
    public int? WarningGroupId { get; init; }
    public DateTime? ScheduleTime { get; init; }
    public DateTime? CommandStartTime { get; init; }
    public string? GlobalParams { get; init; }
    public object? DagData { get; set; }
    public int ExecutorId { get; init; }
    public string? ExecutorName { get; set; }
    public string? TenantCode { get; init; }
    public string? Queue { get; init; }
    public Flag IsSubWorkflow { get; init; }
    public string? Locations { get; set; }
    public string? HistoryCmd { get; init; }
    public string? DependenceScheduleTimes { get; init; }
    public string? Duration { get; init; }
    public string? WorkflowInstancePriority { get; init; }
    public string? WorkerGroup { get; init; }
    public long? EnvironmentCode { get; init; }
    public int Timeout { get; init; }
    public string? VarPool { get; init; }
    public int NextWorkflowInstanceId { get; init; }
    public int DryRun { get; init; }
    public DateTime? RestartTime { get; init; }
    public bool Blocked { get; init; }
    public int TestFlag { get; init; }
    public bool ComplementData { get; init; }
    public string? CmdTypeIfComplement { get; init; }

    /// <summary>A row as the mapper selects it; <paramref name="duration"/> only for list endpoints.</summary>
    public static WorkflowInstanceView From(WorkflowInstanceRow w, string? duration = null) => new()
    {
        Id = w.Id,
        WorkflowDefinitionCode = w.WorkflowDefinitionCode,
        WorkflowDefinitionVersion = w.WorkflowDefinitionVersion,
        ProjectCode = w.ProjectCode,
        State = w.State,
        StateHistory = StateHistoryJson(w.StateHistory),
        Recovery = w.Recovery,
        StartTime = w.StartTime,
        EndTime = w.EndTime,
        RunTimes = w.RunTimes,
        Name = w.Name,
        Host = w.Host,
        CommandType = w.CommandType,
        CommandParam = w.CommandParam,
        TaskDependType = w.TaskDependType,
        MaxTryTimes = w.MaxTryTimes,
        FailureStrategy = w.FailureStrategy,
        WarningType = w.WarningType,
        WarningGroupId = w.WarningGroupId,
        ScheduleTime = w.ScheduleTime,
        CommandStartTime = w.CommandStartTime,
        GlobalParams = w.GlobalParams,
        ExecutorId = w.ExecutorId,
        ExecutorName = w.ExecutorName,
        TenantCode = w.TenantCode,
        IsSubWorkflow = w.IsSubWorkflow,
        HistoryCmd = w.HistoryCmd,
        Duration = duration,
        WorkflowInstancePriority = w.WorkflowInstancePriority,
        WorkerGroup = w.WorkerGroup,
        EnvironmentCode = w.EnvironmentCode,
        Timeout = w.Timeout,
        VarPool = w.VarPool,
        NextWorkflowInstanceId = w.NextWorkflowInstanceId,
        DryRun = w.DryRun,
        RestartTime = w.RestartTime,
        TestFlag = w.TestFlag,
        ComplementData = w.IsComplementData,
        CmdTypeIfComplement = w.IsComplementData ? "COMPLEMENT_DATA" : w.CommandType,
    };

    /// <summary>DS stores stateHistory as JSON text (JSONUtils: dates as <c>yyyy-MM-dd HH:mm:ss</c>, enums by name).</summary>
    public static string? StateHistoryJson(IReadOnlyList<StateDesc> history)
    {
        if (history.Count == 0)
            return null;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var h in history)
            {
                writer.WriteStartObject();
                writer.WriteString("time", DsDateTimeConverter.ToWire(h.Time));
                writer.WriteString("state", h.State.ToString());
                writer.WriteString("desc", h.Desc);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
