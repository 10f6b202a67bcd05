using System;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>The schedule (Quartz cron + validity window) of one workflow. DS allows one schedule per workflow.</summary>
    public sealed class DsSchedule : DsObject
    {
        public int Id { get; private set; }
        public long WorkflowCode { get; private set; }
        public string? WorkflowName { get; private set; }
        /// <summary>The project the schedule belongs to (every schedule endpoint is project-scoped).</summary>
        public long ProjectCode { get; private set; }
        public string? ProjectName { get; private set; }
        /// <summary>The Quartz cron (seconds first), e.g. <c>0 0 2 * * ? *</c>.</summary>
        public string Cron { get; private set; } = "";
        /// <summary>First moment the schedule may fire, in the server's zone (UTC by default).</summary>
        public DateTime? StartTime { get; private set; }
        public DateTime? EndTime { get; private set; }
        /// <summary>The zone the cron fires in (IANA id, e.g. Asia/Shanghai).</summary>
        public string? TimeZone { get; private set; }
        /// <summary>ONLINE (firing) or OFFLINE.</summary>
        public string ReleaseState { get; private set; } = "OFFLINE";
        /// <summary>END or CONTINUE.</summary>
        public string? FailureStrategy { get; private set; }
        /// <summary>NONE, SUCCESS, FAILURE or ALL (3.2 also GLOBAL).</summary>
        public string? WarningType { get; private set; }
        public int WarningGroupId { get; private set; }
        /// <summary>The priority of the workflow instances it starts.</summary>
        public string? Priority { get; private set; }
        public string? WorkerGroup { get; private set; }
        public string? TenantCode { get; private set; }
        public long EnvironmentCode { get; private set; }
        public string? Owner { get; private set; }
        public DateTime? CreateTime { get; private set; }
        public DateTime? UpdateTime { get; private set; }

        public bool IsEnabled => ReleaseState == "ONLINE";

        /// <summary>Schedule entities do not carry their project's code, so the caller supplies it.</summary>
        internal static Func<WireObject, DsConnection, DsSchedule> Mapper(long projectCode) => (w, connection) => new DsSchedule
        {
            Connection = connection,
            Id = w.Int("id") ?? 0,
            WorkflowCode = w.Long("workflowDefinitionCode") ?? 0,
            WorkflowName = w.String("workflowDefinitionName"),
            ProjectCode = projectCode,
            ProjectName = w.String("projectName"),
            Cron = w.String("crontab") ?? "",
            StartTime = w.Date("startTime"),
            EndTime = w.Date("endTime"),
            TimeZone = w.String("timezoneId"),
            ReleaseState = w.String("releaseState") ?? "OFFLINE",
            FailureStrategy = w.String("failureStrategy"),
            WarningType = w.String("warningType"),
            WarningGroupId = w.Int("warningGroupId") ?? 0,
            Priority = w.String("workflowInstancePriority"),
            WorkerGroup = w.String("workerGroup"),
            TenantCode = w.String("tenantCode"),
            EnvironmentCode = w.Long("environmentCode") ?? -1,
            Owner = w.String("userName"),
            CreateTime = w.Date("createTime"),
            UpdateTime = w.Date("updateTime"),
        };

        public override string ToString() => (WorkflowName ?? WorkflowCode.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " [" + Cron + "]";
    }
}
