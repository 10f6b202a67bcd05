using System;
using System.Globalization;
using System.Text.RegularExpressions;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>
    /// A workflow instance (a run of a workflow; DS 3.2 calls it a process instance). State is the DS
    /// WorkflowExecutionStatus name (SUCCESS, FAILURE, RUNNING_EXECUTION, ...).
    /// </summary>
    public sealed class DsInstance : DsObject
    {
        public int Id { get; private set; }
        public string Name { get; private set; } = "";
        /// <summary>The DS WorkflowExecutionStatus name.</summary>
        public string State { get; private set; } = "";
        public long WorkflowCode { get; private set; }
        public int WorkflowVersion { get; private set; }
        public long ProjectCode { get; private set; }
        /// <summary>How the run was triggered (START_PROCESS, SCHEDULER, REPEAT_RUNNING, START_FAILURE_TASK_PROCESS, ...).</summary>
        public string? CommandType { get; private set; }
        public DateTime? StartTime { get; private set; }
        public DateTime? EndTime { get; private set; }
        /// <summary>End minus start; for a running instance the server's running time when it was read.</summary>
        public TimeSpan? Duration { get; private set; }
        /// <summary>The master that runs or ran the instance.</summary>
        public string? Host { get; private set; }
        /// <summary>How often the instance ran (each rerun, recovery and resume adds one).</summary>
        public int RunTimes { get; private set; }
        public DateTime? ScheduleTime { get; private set; }
        public DateTime? RestartTime { get; private set; }
        public string? ExecutorName { get; private set; }
        public string? TenantCode { get; private set; }
        public string? WorkerGroup { get; private set; }
        public string? FailureStrategy { get; private set; }
        public string? Priority { get; private set; }
        public bool DryRun { get; private set; }
        public bool IsSubWorkflow { get; private set; }
        /// <summary>The workflow's name when the server sent the definition with the instance (detail answers).</summary>
        public string? WorkflowName { get; private set; }
        /// <summary>Number of task definitions in the instance's DAG, when the server sent it (detail answers).</summary>
        public int? TaskCount { get; private set; }

        internal static DsInstance From(WireObject w, DsConnection connection)
        {
            var start = w.Date("startTime");
            var end = w.Date("endTime");
            var definition = w.Object("workflowDefinition");
            var dag = w.Object("dagData");
            int? taskCount = dag.TryGet("taskDefinitionList", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array ? list.GetArrayLength() : null;
            return new DsInstance
            {
                Connection = connection,
                Id = w.Int("id") ?? 0,
                Name = w.String("name") ?? "",
                State = w.String("state") ?? "",
                WorkflowCode = w.Long("workflowDefinitionCode") ?? 0,
                WorkflowVersion = w.Int("workflowDefinitionVersion") ?? 0,
                ProjectCode = w.Long("projectCode") ?? definition.Long("projectCode") ?? 0,
                CommandType = w.String("commandType"),
                StartTime = start,
                EndTime = end,
                Duration = start != null && end != null && end >= start ? end - start : ParseDuration(w.String("duration")),
                Host = w.String("host"),
                RunTimes = w.Int("runTimes") ?? 0,
                ScheduleTime = w.Date("scheduleTime"),
                RestartTime = w.Date("restartTime"),
                ExecutorName = w.String("executorName"),
                TenantCode = w.String("tenantCode"),
                WorkerGroup = w.String("workerGroup"),
                FailureStrategy = w.String("failureStrategy"),
                Priority = w.String("workflowInstancePriority"),
                DryRun = (w.Int("dryRun") ?? 0) == 1,
                IsSubWorkflow = w.Bool("isSubWorkflow") ?? false,
                WorkflowName = definition.String("name"),
                TaskCount = taskCount,
            };
        }

        private static readonly Regex DurationPart = new(@"(\d+)\s*([dhms])", RegexOptions.CultureInvariant);

        /// <summary>DS's readable duration ("1d 2h 3m 4s", DateUtils.format2Duration) as a TimeSpan; null when absent.</summary>
        internal static TimeSpan? ParseDuration(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var total = TimeSpan.Zero;
            var any = false;
            foreach (Match m in DurationPart.Matches(text))
            {
                var n = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                total += m.Groups[2].Value switch
                {
                    "d" => TimeSpan.FromDays(n),
                    "h" => TimeSpan.FromHours(n),
                    "m" => TimeSpan.FromMinutes(n),
                    _ => TimeSpan.FromSeconds(n),
                };
                any = true;
            }
            return any ? total : null;
        }

        public override string ToString() => Name.Length > 0 ? Name : Id.ToString(CultureInfo.InvariantCulture);
    }
}
