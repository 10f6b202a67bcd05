using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// <para type="synopsis">Deletes workflow definitions (and their instances).</para>
    /// <para type="description">DS refuses while the workflow's schedule is ONLINE (50023) or other workflows depend on
    /// it (10193); run Disable-DsSchedule / Unpublish-DsWorkflow first.</para>
    /// </summary>
    /// <example><code>Remove-DsWorkflow -Project etl -Name nightly -Force</code></example>
    [Cmdlet(VerbsCommon.Remove, "DsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsWorkflowCommand : WorkflowTargetCmdlet
    {
        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TargetConnection();
            var client = ClientOf(connection);
            ForItem(Workflow, () =>
            {
                var (projectCode, code, display) = Run(ct => Workflow.ResolveReferenceAsync(client, Project, ct));
                if (!ShouldChange(display + " in project " + projectCode + " on " + connection.Uri, "Delete workflow and its instances", Force)) return;
                Run(ct => client.Workflows.DeleteAsync(projectCode, code, ct));
            });
        }
    }
}
