using System;
using System.Collections.Generic;
using System.Linq;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>
    /// What DS allows for each <c>executeType</c> of <c>executors/execute</c>, by the instance's current state, and which
    /// workflow and task states are final. The one place in the core that knows these rules (docs/server-compatibility.md);
    /// each flavour carries its family's table.
    /// </summary>
    internal sealed class ExecutionRules
    {
        /// <summary>The execute types the module sends (NONE and EXECUTE_TASK are refused by DS with code 10000).</summary>
        public static readonly IReadOnlyList<string> ExecuteTypes = new[] { "REPEAT_RUNNING", "START_FAILURE_TASK_PROCESS", "RECOVER_SUSPENDED_PROCESS", "PAUSE", "STOP" };

        private readonly Dictionary<string, HashSet<string>> _allowed;

        public ExecutionRules(IEnumerable<string> finalStates, IEnumerable<string> finalTaskStates, IDictionary<string, string[]> allowed)
        {
            FinalStates = new HashSet<string>(finalStates, StringComparer.Ordinal);
            FinalTaskStates = new HashSet<string>(finalTaskStates, StringComparer.Ordinal);
            _allowed = allowed.ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        }

        /// <summary>Workflow instance states in which nothing runs any more (Wait ends there; Remove and REPEAT_RUNNING need one).</summary>
        public IReadOnlyCollection<string> FinalStates { get; }

        /// <summary>Task instance states in which the task's log is complete.</summary>
        public IReadOnlyCollection<string> FinalTaskStates { get; }

        public bool IsFinal(string? state) => state != null && FinalStates.Contains(state);

        public bool IsFinalTask(string? state) => state != null && FinalTaskStates.Contains(state);

        /// <summary>The states from which DS accepts the execute type (empty for a type DS does not support).</summary>
        public IReadOnlyCollection<string> AllowedStates(string executeType) =>
            _allowed.TryGetValue(executeType, out var s) ? s : (IReadOnlyCollection<string>)Array.Empty<string>();

        public bool Allows(string executeType, string? state) => state != null && _allowed.TryGetValue(executeType, out var s) && s.Contains(state);

        // docs/server-compatibility.md Q3 (DS 3.2.2 ExecutorServiceImpl.execute and the 3.2 WorkflowExecutionStatus
        // predicates): PAUSE isRunning, STOP canStop, REPEAT_RUNNING isFinished (BLOCK included), START_FAILURE_TASK_PROCESS
        // isFailure, RECOVER_SUSPENDED_PROCESS isPause || isStop. DS answers a refusal with 50015 and the reason only in its log.
        public static readonly ExecutionRules V32 = new(
            finalStates: new[] { "SUCCESS", "FAILURE", "STOP", "PAUSE", "BLOCK" },
            finalTaskStates: new[] { "SUCCESS", "FAILURE", "KILL", "PAUSE", "STOP", "FORCED_SUCCESS" },
            allowed: new Dictionary<string, string[]>
            {
                ["PAUSE"] = new[] { "RUNNING_EXECUTION" },
                ["STOP"] = new[] { "RUNNING_EXECUTION", "READY_PAUSE" },
                ["REPEAT_RUNNING"] = new[] { "SUCCESS", "FAILURE", "STOP", "PAUSE", "BLOCK" },
                ["START_FAILURE_TASK_PROCESS"] = new[] { "FAILURE" },
                ["RECOVER_SUSPENDED_PROCESS"] = new[] { "PAUSE", "STOP" },
            });

        // docs/server-compatibility.md Q3 (dev-2501 control executor delegates); DS 3.3/3.4 (new workflow engine): the API's control executors check canPause / canStop / isFinished /
        // isFailure / isPause||isStop and throw "... status is X, can not ..." (code 10000, contract quirk 15).
        public static readonly ExecutionRules V33 = new(
            finalStates: new[] { "SUCCESS", "FAILURE", "STOP", "PAUSE" },
            finalTaskStates: new[] { "SUCCESS", "FAILURE", "KILL", "PAUSE", "FORCED_SUCCESS" },
            allowed: new Dictionary<string, string[]>
            {
                ["PAUSE"] = new[] { "RUNNING_EXECUTION", "READY_PAUSE", "SERIAL_WAIT" },
                ["STOP"] = new[] { "RUNNING_EXECUTION", "READY_PAUSE", "READY_STOP", "SERIAL_WAIT" },
                ["REPEAT_RUNNING"] = new[] { "SUCCESS", "FAILURE", "STOP", "PAUSE" },
                ["START_FAILURE_TASK_PROCESS"] = new[] { "FAILURE" },
                ["RECOVER_SUSPENDED_PROCESS"] = new[] { "PAUSE", "STOP" },
            });
    }
}
