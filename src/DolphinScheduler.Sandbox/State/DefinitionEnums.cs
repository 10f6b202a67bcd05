namespace DolphinScheduler.Sandbox.State;

// DS enums of workflow/task definitions and schedules (README §7). Member names are the wire names (enums are
// serialized by name); numeric values are DS's database codes. Constants one flavour lacks are listed with a note;
// request binding and JSON parsing check them against SandboxFlavor.EnumValues.

public enum ReleaseState
{
    OFFLINE = 0,
    ONLINE = 1,
}

public enum Flag
{
    NO = 0,
    YES = 1,
}

public enum Priority
{
    HIGHEST = 0,
    HIGH = 1,
    MEDIUM = 2,
    LOW = 3,
    LOWEST = 4,
}

public enum TimeoutFlag
{
    CLOSE = 0,
    OPEN = 1,
}

public enum TaskTimeoutStrategy
{
    WARN = 0,
    FAILED = 1,
    WARNFAILED = 2,
}

public enum TaskExecuteType
{
    BATCH = 0,
    STREAM = 1,
}

public enum ConditionType
{
    NONE = 0,
    JUDGE = 1,
    DELAY = 2,
}

/// <summary>Java <c>WorkflowExecutionTypeEnum</c> (3.2: <c>ProcessExecutionTypeEnum</c>).</summary>
public enum WorkflowExecutionType
{
    PARALLEL = 0,
    SERIAL_WAIT = 1,
    SERIAL_DISCARD = 2,
    SERIAL_PRIORITY = 3,
}

public enum FailureStrategy
{
    END = 0,
    CONTINUE = 1,
}

/// <summary><c>GLOBAL</c> exists in 3.2 only.</summary>
public enum WarningType
{
    NONE = 0,
    SUCCESS = 1,
    FAILURE = 2,
    ALL = 3,
    GLOBAL = 4,
}

public enum Direct
{
    IN,
    OUT,
}

public enum DataType
{
    VARCHAR,
    INTEGER,
    LONG,
    FLOAT,
    DOUBLE,
    DATE,
    TIME,
    TIMESTAMP,
    BOOLEAN,
    LIST,
    FILE,
}
