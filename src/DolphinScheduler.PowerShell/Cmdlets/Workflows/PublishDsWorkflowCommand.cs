using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// <para type="synopsis">Releases workflows ONLINE, so they can run and be scheduled.</para>
    /// </summary>
    /// <example><code>Get-DsWorkflow -Project etl -Name nightly | Publish-DsWorkflow -PassThru</code></example>
    [Cmdlet(VerbsData.Publish, "DsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsWorkflow))]
    public sealed class PublishDsWorkflowCommand : WorkflowTargetCmdlet
    {
        /// <summary>Emit the workflow as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => Release(online: true, PassThru);
    }

    /// <summary>
    /// <para type="synopsis">Takes workflows OFFLINE (editable; their schedules stop).</para>
    /// </summary>
    /// <example><code>Unpublish-DsWorkflow -Project etl -Workflow nightly</code></example>
    [Cmdlet(VerbsData.Unpublish, "DsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsWorkflow))]
    public sealed class UnpublishDsWorkflowCommand : WorkflowTargetCmdlet
    {
        /// <summary>Emit the workflow as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => Release(online: false, PassThru);
    }
}
