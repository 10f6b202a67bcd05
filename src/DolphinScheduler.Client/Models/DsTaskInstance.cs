using System;
using System.Globalization;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>One run of one task inside a workflow instance. State is the DS TaskExecutionStatus name.</summary>
    public sealed class DsTaskInstance : DsObject
    {
        public int Id { get; private set; }
        public string Name { get; private set; } = "";
        public string? TaskType { get; private set; }
        public long TaskCode { get; private set; }
        public int TaskVersion { get; private set; }
        /// <summary>The DS TaskExecutionStatus name (SUCCESS, FAILURE, RUNNING_EXECUTION, KILL, ...).</summary>
        public string State { get; private set; } = "";
        /// <summary>The id of the workflow instance the task ran in.</summary>
        public int InstanceId { get; private set; }
        public string? InstanceName { get; private set; }
        /// <summary>The workflow's name (DS still calls the field processDefinitionName in 3.3/3.4, contract quirk 11).</summary>
        public string? WorkflowName { get; private set; }
        public long ProjectCode { get; private set; }
        public DateTime? SubmitTime { get; private set; }
        public DateTime? StartTime { get; private set; }
        public DateTime? EndTime { get; private set; }
        public TimeSpan? Duration { get; private set; }
        /// <summary>The worker that runs or ran the task (host:port).</summary>
        public string? Host { get; private set; }
        public int RetryTimes { get; private set; }
        public int MaxRetryTimes { get; private set; }
        public string? LogPath { get; private set; }
        public string? ExecutorName { get; private set; }
        public string? WorkerGroup { get; private set; }
        public bool DryRun { get; private set; }

        internal static DsTaskInstance From(WireObject w, DsConnection connection)
        {
            var start = w.Date("startTime");
            var end = w.Date("endTime");
            var instance = w.Object("workflowInstance");
            return new DsTaskInstance
            {
                Connection = connection,
                Id = w.Int("id") ?? 0,
                Name = w.String("name") ?? "",
                TaskType = w.String("taskType"),
                TaskCode = w.Long("taskCode") ?? 0,
                TaskVersion = w.Int("taskDefinitionVersion") ?? 0,
                State = w.String("state") ?? "",
                InstanceId = w.Int("workflowInstanceId") ?? instance.Int("id") ?? 0,
                InstanceName = w.String("workflowInstanceName") ?? instance.String("name"),
                // Quirk 11: the same wire name in every family.
                WorkflowName = w.String("processDefinitionName"),
                ProjectCode = w.Long("projectCode") ?? instance.Long("projectCode") ?? 0,
                SubmitTime = w.Date("submitTime"),
                StartTime = start,
                EndTime = end,
                Duration = start != null && end != null && end >= start ? end - start : DsInstance.ParseDuration(w.String("duration")),
                Host = w.String("host"),
                RetryTimes = w.Int("retryTimes") ?? 0,
                MaxRetryTimes = w.Int("maxRetryTimes") ?? 0,
                LogPath = w.String("logPath"),
                ExecutorName = w.String("executorName"),
                WorkerGroup = w.String("workerGroup"),
                DryRun = (w.Int("dryRun") ?? 0) == 1,
            };
        }

        /// <summary>A copy with the project filled in when the server's answer lacked it (the tasks of an instance belong to its project).</summary>
        internal DsTaskInstance WithProject(long projectCode)
        {
            if (ProjectCode != 0 || projectCode == 0) return this;
            var copy = (DsTaskInstance)MemberwiseClone();
            copy.ProjectCode = projectCode;
            return copy;
        }

        public override string ToString() => Name.Length > 0 ? Name : Id.ToString(CultureInfo.InvariantCulture);
    }
}
