namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// The in-memory database. One lock (<see cref="Gate"/>) guards all tables: synchronous handlers run inside it,
/// background work (the later execution engine) takes it briefly. Add a table per new entity here.
/// </summary>
public sealed class SandboxStore
{
    public SandboxStore(string dataDirectory, TimeProvider clock)
    {
        DataDirectory = dataDirectory;
        Clock = clock;
        Codes = new CodeGenerator(clock);
    }

    public Lock Gate { get; } = new();

    /// <summary>Root folder for file-backed state (resources, logs) of later areas.</summary>
    public string DataDirectory { get; }

    public TimeProvider Clock { get; }

    /// <summary>Current UTC time; DS stores dates to the second, JSON shows seconds.</summary>
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public CodeGenerator Codes { get; }

    public StoreHooks Hooks { get; } = new();

    public Table<UserRow> Users { get; } = new();
    public Table<TenantRow> Tenants { get; } = new();
    public Table<QueueRow> Queues { get; } = new();
    public Table<AccessTokenRow> AccessTokens { get; } = new();
    public Table<ProjectRow> Projects { get; } = new();
    public Table<ProjectUserRow> ProjectUsers { get; } = new();

    // Execution area (Execution/, Api/WorkflowInstancesApi.cs, Api/TaskInstancesApi.cs).
    public Table<WorkflowInstanceRow> WorkflowInstances { get; } = new();
    public Table<TaskInstanceRow> TaskInstances { get; } = new();

    // Workflow definitions (README §4): current rows plus one log row per saved version, as in DS's tables.
    public Table<WorkflowDefinitionRow> WorkflowDefinitions { get; } = new();
    public Table<WorkflowDefinitionLogRow> WorkflowDefinitionLogs { get; } = new();
    public Table<TaskDefinitionRow> TaskDefinitions { get; } = new();
    public Table<TaskDefinitionLogRow> TaskDefinitionLogs { get; } = new();
    public Table<WorkflowTaskRelationRow> WorkflowTaskRelations { get; } = new();
    public Table<WorkflowTaskRelationLogRow> WorkflowTaskRelationLogs { get; } = new();
    public Table<ScheduleRow> Schedules { get; } = new();
    public Dictionary<string, SessionRow> Sessions { get; } = new(StringComparer.Ordinal);
}
