using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>
    /// <para type="synopsis">Brings schedules ONLINE: the workflow starts at the cron's times.</para>
    /// </summary>
    /// <example><code>Get-DsSchedule -Project etl | Enable-DsSchedule</code></example>
    [Cmdlet(VerbsLifecycle.Enable, "DsSchedule", DefaultParameterSetName = ByObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsSchedule))]
    public sealed class EnableDsScheduleCommand : ScheduleTargetCmdlet
    {
        /// <summary>Emit the schedule after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => Switch(online: true, PassThru);
    }

    /// <summary>
    /// <para type="synopsis">Takes schedules OFFLINE: the workflow is no longer started by them.</para>
    /// </summary>
    /// <example><code>Disable-DsSchedule -Project etl -Id 7</code></example>
    [Cmdlet(VerbsLifecycle.Disable, "DsSchedule", DefaultParameterSetName = ByObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsSchedule))]
    public sealed class DisableDsScheduleCommand : ScheduleTargetCmdlet
    {
        /// <summary>Emit the schedule after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => Switch(online: false, PassThru);
    }
}
