using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>
    /// <para type="synopsis">Deletes schedules. An ONLINE schedule is taken offline first (DS only deletes offline ones).</para>
    /// </summary>
    /// <example><code>Get-DsSchedule -Project etl | Remove-DsSchedule -Force</code></example>
    [Cmdlet(VerbsCommon.Remove, "DsSchedule", DefaultParameterSetName = ByObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsScheduleCommand : ScheduleTargetCmdlet
    {
        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TargetConnection();
            var client = ClientOf(connection);
            ForItem(Target, () =>
            {
                var schedule = ResolveSchedule(client);
                var what = Describe(schedule) + (schedule.IsEnabled ? " (ONLINE: it is disabled first)" : "");
                if (!ShouldChange(what + " on " + connection.Uri, "Delete schedule", Force)) return;
                if (schedule.IsEnabled) Run(ct => client.Schedules.OfflineAsync(schedule.ProjectCode, schedule.Id, ct));
                Run(ct => client.Schedules.DeleteAsync(schedule.ProjectCode, schedule.Id, ct));
            });
        }
    }
}
