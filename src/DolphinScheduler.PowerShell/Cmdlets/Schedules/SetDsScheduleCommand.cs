using System;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client.Clients;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>
    /// <para type="synopsis">Changes a schedule: cron, window, time zone and run settings.</para>
    /// <para type="description">Only the parameters given change; the others keep their current values (DS's update
    /// replaces every setting, so the current ones are read and sent back). The cron is checked before anything is sent.</para>
    /// </summary>
    /// <example><code>Get-DsSchedule -Project etl | Set-DsSchedule -Cron '0 30 1 * * ?'</code></example>
    [Cmdlet(VerbsCommon.Set, "DsSchedule", DefaultParameterSetName = ByObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsSchedule))]
    public sealed class SetDsScheduleCommand : ScheduleTargetCmdlet
    {
        [Parameter]
        [ValidateCron]
        public string? Cron { get; set; }

        [Parameter]
        [ValidateDateRange]
        public DateTime StartTime { get; set; }

        [Parameter]
        [ValidateDateRange]
        public DateTime EndTime { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? TimeZone { get; set; }

        [Parameter]
        [ValidateSet("END", "CONTINUE", IgnoreCase = true)]
        public string? FailureStrategy { get; set; }

        [Parameter]
        [ValidateSet("NONE", "SUCCESS", "FAILURE", "ALL", "GLOBAL", IgnoreCase = true)]
        public string? WarningType { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int WarningGroupId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(WorkerGroupCompleter))]
        public string? WorkerGroup { get; set; }

        [Parameter]
        [Alias("TenantCode")]
        [TenantCodeTransformation]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? Tenant { get; set; }

        [Parameter]
        [ValidateSet("HIGHEST", "HIGH", "MEDIUM", "LOW", "LOWEST", IgnoreCase = true)]
        public string? Priority { get; set; }

        [Parameter]
        [ValidateRange(-1, long.MaxValue)]
        public long EnvironmentCode { get; set; }

        /// <summary>Emit the updated schedule.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TargetConnection();
            var client = ClientOf(connection);
            ForItem(Target, () =>
            {
                var current = ResolveSchedule(client);
                var spec = ScheduleSpec.From(current);
                ScheduleSettings.Apply(spec, MyInvocation.BoundParameters);
                if (!ShouldProcess(Describe(current) + " on " + connection.Uri, "Update schedule")) return;
                var updated = Run(ct => client.Schedules.UpdateAsync(current.ProjectCode, current.Id, spec, ct));
                if (PassThru) WriteObject(Run(ct => client.Schedules.GetAsync(current.ProjectCode, updated.Id == 0 ? current.Id : updated.Id, ct)));
            });
        }
    }
}
