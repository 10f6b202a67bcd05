// Generated from shared/dolphinscheduler-api/enums.json by tools/gen-version-tables.py: the enum constants each
// server family accepts and returns (wire names).
using System.Collections.Generic;

namespace DolphinScheduler.Client.Versioning
{
    internal static partial class EnumTables
    {
        private static Dictionary<string, string[]> Raw33() => new()
        {
            ["WorkflowExecutionStatus"] = new[] { "SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "READY_PAUSE", "PAUSE", "READY_STOP", "STOP", "FAILURE", "SUCCESS", "SERIAL_WAIT", "FAILOVER" },
            ["TaskExecutionStatus"] = new[] { "SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "PAUSE", "FAILURE", "SUCCESS", "NEED_FAULT_TOLERANCE", "KILL", "DELAY_EXECUTION", "FORCED_SUCCESS", "DISPATCH" },
            ["FailureStrategy"] = new[] { "END", "CONTINUE" },
            ["WarningType"] = new[] { "NONE", "SUCCESS", "FAILURE", "ALL" },
            ["Priority"] = new[] { "HIGHEST", "HIGH", "MEDIUM", "LOW", "LOWEST" },
            ["ReleaseState"] = new[] { "OFFLINE", "ONLINE" },
            ["Flag"] = new[] { "NO", "YES" },
            ["CommandType"] = new[] { "START_PROCESS", "START_CURRENT_TASK_PROCESS", "RECOVER_TOLERANCE_FAULT_PROCESS", "RECOVER_SUSPENDED_PROCESS", "START_FAILURE_TASK_PROCESS", "COMPLEMENT_DATA", "SCHEDULER", "REPEAT_RUNNING", "PAUSE", "STOP", "RECOVER_SERIAL_WAIT", "EXECUTE_TASK", "DYNAMIC_GENERATION" },
            ["RunMode"] = new[] { "RUN_MODE_SERIAL", "RUN_MODE_PARALLEL" },
            ["ExecuteType"] = new[] { "NONE", "REPEAT_RUNNING", "RECOVER_SUSPENDED_PROCESS", "START_FAILURE_TASK_PROCESS", "STOP", "PAUSE", "EXECUTE_TASK" },
            ["TaskDependType"] = new[] { "TASK_ONLY", "TASK_PRE", "TASK_POST" },
            ["ComplementDependentMode"] = new[] { "OFF_MODE", "ALL_DEPENDENT" },
            ["ExecutionOrder"] = new[] { "DESC_ORDER", "ASC_ORDER" },
            ["WorkflowExecutionTypeEnum"] = new[] { "PARALLEL", "SERIAL_WAIT", "SERIAL_DISCARD", "SERIAL_PRIORITY" },
            ["TimeoutFlag"] = new[] { "CLOSE", "OPEN" },
            ["TaskTimeoutStrategy"] = new[] { "WARN", "FAILED", "WARNFAILED" },
            ["UserType"] = new[] { "ADMIN_USER", "GENERAL_USER" },
            ["ConditionType"] = new[] { "NONE", "JUDGE", "DELAY" },
            ["TaskExecuteType"] = new[] { "BATCH", "STREAM" },
            ["ResourceType"] = new[] { "FILE", "ALL" },
            ["Direct"] = new[] { "IN", "OUT" },
            ["DataType"] = new[] { "VARCHAR", "INTEGER", "LONG", "FLOAT", "DOUBLE", "DATE", "TIME", "TIMESTAMP", "BOOLEAN", "LIST", "FILE" },
            ["FlinkDeployMode"] = new[] { "LOCAL", "CLUSTER", "APPLICATION", "STANDALONE" },
            ["FlinkProgramType"] = new[] { "JAVA", "SCALA", "PYTHON", "SQL" },
        };

        private static Dictionary<string, string[]> Raw32() => new()
        {
            ["WorkflowExecutionStatus"] = new[] { "SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "READY_PAUSE", "PAUSE", "READY_STOP", "STOP", "FAILURE", "SUCCESS", "DELAY_EXECUTION", "SERIAL_WAIT", "READY_BLOCK", "BLOCK", "WAIT_TO_RUN" },
            ["TaskExecutionStatus"] = new[] { "SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "PAUSE", "STOP", "FAILURE", "SUCCESS", "NEED_FAULT_TOLERANCE", "KILL", "DELAY_EXECUTION", "FORCED_SUCCESS", "DISPATCH" },
            ["FailureStrategy"] = new[] { "END", "CONTINUE" },
            ["WarningType"] = new[] { "NONE", "SUCCESS", "FAILURE", "ALL", "GLOBAL" },
            ["Priority"] = new[] { "HIGHEST", "HIGH", "MEDIUM", "LOW", "LOWEST" },
            ["ReleaseState"] = new[] { "OFFLINE", "ONLINE" },
            ["Flag"] = new[] { "NO", "YES" },
            ["CommandType"] = new[] { "START_PROCESS", "START_CURRENT_TASK_PROCESS", "RECOVER_TOLERANCE_FAULT_PROCESS", "RECOVER_SUSPENDED_PROCESS", "START_FAILURE_TASK_PROCESS", "COMPLEMENT_DATA", "SCHEDULER", "REPEAT_RUNNING", "PAUSE", "STOP", "RECOVER_WAITING_THREAD", "RECOVER_SERIAL_WAIT", "EXECUTE_TASK", "DYNAMIC_GENERATION" },
            ["RunMode"] = new[] { "RUN_MODE_SERIAL", "RUN_MODE_PARALLEL" },
            ["ExecuteType"] = new[] { "NONE", "REPEAT_RUNNING", "RECOVER_SUSPENDED_PROCESS", "START_FAILURE_TASK_PROCESS", "STOP", "PAUSE", "EXECUTE_TASK" },
            ["TaskDependType"] = new[] { "TASK_ONLY", "TASK_PRE", "TASK_POST" },
            ["ComplementDependentMode"] = new[] { "OFF_MODE", "ALL_DEPENDENT" },
            ["ExecutionOrder"] = new[] { "DESC_ORDER", "ASC_ORDER" },
            ["WorkflowExecutionTypeEnum"] = new[] { "PARALLEL", "SERIAL_WAIT", "SERIAL_DISCARD", "SERIAL_PRIORITY" },
            ["TimeoutFlag"] = new[] { "CLOSE", "OPEN" },
            ["TaskTimeoutStrategy"] = new[] { "WARN", "FAILED", "WARNFAILED" },
            ["UserType"] = new[] { "ADMIN_USER", "GENERAL_USER" },
            ["ConditionType"] = new[] { "NONE", "JUDGE", "DELAY" },
            ["TaskExecuteType"] = new[] { "BATCH", "STREAM" },
            ["ResourceType"] = new[] { "FILE", "UDF", "ALL" },
            ["Direct"] = new[] { "IN", "OUT" },
            ["DataType"] = new[] { "VARCHAR", "INTEGER", "LONG", "FLOAT", "DOUBLE", "DATE", "TIME", "TIMESTAMP", "BOOLEAN", "LIST", "FILE" },
            ["FlinkDeployMode"] = new[] { "LOCAL", "CLUSTER", "APPLICATION", "STANDALONE" },
            ["FlinkProgramType"] = new[] { "JAVA", "SCALA", "PYTHON", "SQL" },
        };
    }
}
