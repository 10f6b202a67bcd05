using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Schedules;
using DolphinScheduler.Client.Workflows;
using E = DolphinScheduler.Client.Endpoints.Api.Schedules;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>Everything a schedule is made of. Null members take DS's defaults on create.</summary>
    public sealed class ScheduleSpec
    {
        /// <summary>Quartz cron, seconds first (validated before sending).</summary>
        public string Cron { get; set; } = "";
        public DateTime StartTime { get; set; }
        public DateTime EndTime { get; set; }
        /// <summary>IANA zone id the cron fires in.</summary>
        public string TimeZone { get; set; } = "UTC";
        /// <summary>END or CONTINUE.</summary>
        public string? FailureStrategy { get; set; }
        /// <summary>NONE, SUCCESS, FAILURE, ALL (3.2 also GLOBAL).</summary>
        public string? WarningType { get; set; }
        public int? WarningGroupId { get; set; }
        public string? WorkerGroup { get; set; }
        public string? TenantCode { get; set; }
        public long? EnvironmentCode { get; set; }
        /// <summary>HIGHEST, HIGH, MEDIUM, LOW or LOWEST.</summary>
        public string? Priority { get; set; }

        /// <summary>The spec of an existing schedule, to change a few members and send it back whole (PUT resets omitted ones).</summary>
        public static ScheduleSpec From(DsSchedule s) => new()
        {
            Cron = s.Cron,
            StartTime = s.StartTime ?? DateTime.UtcNow,
            EndTime = s.EndTime ?? DateTime.UtcNow.AddYears(100),
            TimeZone = s.TimeZone ?? "UTC",
            FailureStrategy = s.FailureStrategy,
            WarningType = s.WarningType,
            WarningGroupId = s.WarningGroupId,
            WorkerGroup = s.WorkerGroup,
            TenantCode = s.TenantCode,
            EnvironmentCode = s.EnvironmentCode,
            Priority = s.Priority,
        };
    }

    public sealed class SchedulesClient : ApiClient
    {
        internal SchedulesClient(ApiConnection api) : base(api) { }

        /// <summary>Schedules of a project, or of one workflow when <paramref name="workflowCode"/> is given.</summary>
        public PagedList<DsSchedule> List(long projectCode, long? workflowCode, PageRequest page, CancellationToken cancellationToken = default) =>
            Api.Paged(() => new DsRequest(E.ListPaging).Path("projectCode", projectCode).Add("workflowDefinitionCode", workflowCode is long c && c != 0 ? c : (long?)null),
                DsSchedule.Mapper(projectCode), page, cancellationToken);

        /// <summary>The schedule of a workflow, or null (DS keeps at most one per workflow).</summary>
        public Task<DsSchedule?> FindByWorkflowAsync(long projectCode, long workflowCode, CancellationToken cancellationToken = default) =>
            Task.Run(() => List(projectCode, workflowCode, new PageRequest { PageSize = 10 }, cancellationToken).FirstOrDefault(s => s.WorkflowCode == workflowCode), cancellationToken);

        /// <summary>A schedule by id. DS has no get-by-id, so the project's schedules are listed.</summary>
        public async Task<DsSchedule> GetAsync(long projectCode, int id, CancellationToken cancellationToken = default)
        {
            var found = await Task.Run(() => List(projectCode, null, new PageRequest { PageSize = 100 }, cancellationToken).FirstOrDefault(s => s.Id == id), cancellationToken).ConfigureAwait(false);
            return found ?? throw new DsNotFoundException("Schedule " + id + " does not exist in project " + projectCode + ".", 10203, "SCHEDULE_NOT_EXISTS");
        }

        /// <summary>Creates the (OFFLINE) schedule of an ONLINE workflow.</summary>
        public Task<DsSchedule> CreateAsync(long projectCode, long workflowCode, ScheduleSpec spec, CancellationToken cancellationToken = default)
        {
            var request = WithSpec(new DsRequest(E.Create).Path("projectCode", projectCode).Add("workflowDefinitionCode", workflowCode), spec);
            // Never retried blindly: after an ambiguous failure the workflow's schedule (at most one) is looked up.
            return AmbiguousCreate.RunAsync(
                () => Api.SendAsync(request, DsSchedule.Mapper(projectCode), cancellationToken),
                () => FindByWorkflowAsync(projectCode, workflowCode, cancellationToken),
                "the schedule of workflow " + workflowCode, Api.Transport, cancellationToken);
        }

        /// <summary>Replaces a schedule's settings. Send every member: DS resets omitted ones to its defaults.</summary>
        public Task<DsSchedule> UpdateAsync(long projectCode, int id, ScheduleSpec spec, CancellationToken cancellationToken = default)
        {
            var request = WithSpec(new DsRequest(E.Update).Path("projectCode", projectCode).Path("id", id), spec);
            return Api.SendAsync(request, DsSchedule.Mapper(projectCode), cancellationToken);
        }

        public Task OnlineAsync(long projectCode, int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Online).Path("projectCode", projectCode).Path("id", id), cancellationToken);

        public Task OfflineAsync(long projectCode, int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Offline).Path("projectCode", projectCode).Path("id", id), cancellationToken);

        public Task DeleteAsync(long projectCode, int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Path("projectCode", projectCode).Path("id", id), cancellationToken);

        /// <summary>The <c>schedule</c> form field (contract §5): start/end in the server's wire format, the cron, the zone.</summary>
        internal static string ScheduleJson(ScheduleSpec spec) => JsonValues.Serialize(w =>
        {
            w.WriteStartObject();
            w.WriteString("startTime", DsDate.ToWire(spec.StartTime));
            w.WriteString("endTime", DsDate.ToWire(spec.EndTime));
            w.WriteString("crontab", spec.Cron.Trim());
            w.WriteString("timezoneId", spec.TimeZone);
            w.WriteEndObject();
        });

        private DsRequest WithSpec(DsRequest request, ScheduleSpec spec)
        {
            Check(spec);
            return request
                .Add("schedule", ScheduleJson(spec))
                .Add("warningType", spec.WarningType)
                .Add("warningGroupId", spec.WarningGroupId)
                .Add("failureStrategy", spec.FailureStrategy)
                .Add("workerGroup", spec.WorkerGroup)
                .Add("tenantCode", spec.TenantCode)
                .Add("environmentCode", spec.EnvironmentCode)
                .Add("workflowInstancePriority", spec.Priority);
        }

        /// <summary>What DS would refuse (10001 bad cron, 10141 start = end, 80003 start after end), refused before sending.</summary>
        private void Check(ScheduleSpec spec)
        {
            QuartzCron.Validate(spec.Cron);
            if (string.IsNullOrWhiteSpace(spec.TimeZone)) throw new ArgumentException("A schedule needs a time zone (IANA id such as Asia/Shanghai or UTC).", "timeZone");
            var start = DsDate.ToWire(spec.StartTime);
            var end = DsDate.ToWire(spec.EndTime);
            if (string.CompareOrdinal(start, end) >= 0)
                throw new ArgumentException("The schedule's end time (" + end + ") must be after its start time (" + start + ").", "endTime");
            CheckEnum("FailureStrategy", spec.FailureStrategy, "failureStrategy");
            CheckEnum("WarningType", spec.WarningType, "warningType");
            CheckEnum("Priority", spec.Priority, "priority");
        }

        private void CheckEnum(string enumName, string? value, string parameter)
        {
            if (value == null) return;
            var flavor = Api.Transport.Flavor;
            if (flavor.EnumValue(enumName, value) == null)
                throw new ArgumentException("'" + value + "' is not a " + enumName + " this server accepts (" + string.Join(", ", flavor.EnumValues(enumName)) + ").", parameter);
        }
    }
}
