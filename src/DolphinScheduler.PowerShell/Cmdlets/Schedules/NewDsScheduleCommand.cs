using System;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>
    /// <para type="synopsis">Schedules a workflow with a Quartz cron.</para>
    /// <para type="description">The workflow must be ONLINE (Publish-DsWorkflow) and can have one schedule. The cron is
    /// checked before anything is sent (Quartz: seconds first, '?' in day-of-month or day-of-week). The schedule is
    /// created OFFLINE; -Enable (or Enable-DsSchedule) starts it. Without -TimeZone the cron fires in the DS user's time
    /// zone; the window defaults to now .. now + 100 years.</para>
    /// </summary>
    /// <example><code>$wf | New-DsSchedule -Cron '0 0 2 * * ?' -TimeZone Europe/Berlin -Enable</code></example>
    [Cmdlet(VerbsCommon.New, "DsSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsSchedule))]
    public sealed class NewDsScheduleCommand : DsCmdlet
    {
        /// <summary>The workflow: a DsWorkflow, or its name or code (with -Project).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowCode")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(WorkflowCompleter))]
        public WorkflowArgument Workflow { get; set; } = null!;

        /// <summary>The project of a workflow given by name or code.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Quartz cron, seconds first: '0 0 2 * * ?' is every day at 02:00.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateCron]
        public string Cron { get; set; } = null!;

        /// <summary>When the schedule starts to apply (default: now).</summary>
        [Parameter]
        [ValidateDateRange]
        public DateTime StartTime { get; set; }

        /// <summary>When it stops applying (default: 100 years after the start).</summary>
        [Parameter]
        [ValidateDateRange]
        public DateTime EndTime { get; set; }

        /// <summary>IANA time zone the cron fires in (default: the DS user's time zone, else UTC).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? TimeZone { get; set; }

        /// <summary>END (stop other tasks when one fails) or CONTINUE (DS default for new schedules).</summary>
        [Parameter]
        [ValidateSet("END", "CONTINUE", IgnoreCase = true)]
        public string? FailureStrategy { get; set; }

        /// <summary>When to alert: NONE, SUCCESS, FAILURE, ALL (3.2 also GLOBAL).</summary>
        [Parameter]
        [ValidateSet("NONE", "SUCCESS", "FAILURE", "ALL", "GLOBAL", IgnoreCase = true)]
        public string? WarningType { get; set; }

        /// <summary>The alert group to notify.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int WarningGroupId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(WorkerGroupCompleter))]
        public string? WorkerGroup { get; set; }

        /// <summary>The tenant the runs use (tenant code or DsTenant; DS default: default).</summary>
        [Parameter]
        [Alias("TenantCode")]
        [TenantCodeTransformation]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? Tenant { get; set; }

        /// <summary>Priority of the workflow instances the schedule starts.</summary>
        [Parameter]
        [ValidateSet("HIGHEST", "HIGH", "MEDIUM", "LOW", "LOWEST", IgnoreCase = true)]
        public string? Priority { get; set; }

        [Parameter]
        [ValidateRange(-1, long.MaxValue)]
        public long EnvironmentCode { get; set; }

        /// <summary>Bring the schedule online right away.</summary>
        [Parameter]
        public SwitchParameter Enable { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Workflow.Connection ?? Project?.Connection);
            var client = ClientOf(connection);
            ForItem(Workflow, () =>
            {
                var start = MyInvocation.BoundParameters.ContainsKey(nameof(StartTime)) ? StartTime : DateTime.UtcNow;
                var spec = new ScheduleSpec { Cron = Cron, StartTime = start, EndTime = start.AddYears(100), TimeZone = TimeZone ?? "" };
                ScheduleSettings.Apply(spec, MyInvocation.BoundParameters);
                if (string.IsNullOrEmpty(spec.TimeZone))
                {
                    var user = Run(ct => client.Users.GetCurrentAsync(ct));
                    spec.TimeZone = string.IsNullOrWhiteSpace(user.TimeZone) ? "UTC" : user.TimeZone!;
                }
                var (projectCode, code, display) = Run(ct => Workflow.ResolveReferenceAsync(client, Project, ct));
                if (!ShouldProcess("workflow " + display + " on " + connection.Uri + ": '" + spec.Cron + "' (" + spec.TimeZone + ")", Enable ? "Create and enable schedule" : "Create schedule")) return;
                var schedule = Run(ct => client.Schedules.CreateAsync(projectCode, code, spec, ct));
                if (Enable)
                {
                    try
                    {
                        Run(ct => client.Schedules.OnlineAsync(projectCode, schedule.Id, ct));
                        schedule = Run(ct => client.Schedules.GetAsync(projectCode, schedule.Id, ct));
                    }
                    catch (DsApiException)
                    {
                        WriteObject(schedule); // it exists, OFFLINE; the error says why it is not enabled
                        throw;
                    }
                }
                WriteObject(schedule);
            });
        }
    }
}
