using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// Base of the cmdlets that act on one workflow: -Workflow (a DsWorkflow from the pipeline, or a name/code with
    /// -Project; aliases Name, Code, WorkflowCode) and -Project (binds ProjectCode from piped objects).
    /// </summary>
    public abstract class WorkflowTargetCmdlet : DsCmdlet
    {
        /// <summary>The workflow: a DsWorkflow, or its name or code (then -Project is needed).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Code", "WorkflowCode")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(WorkflowCompleter))]
        public WorkflowArgument Workflow { get; set; } = null!;

        /// <summary>The project of a workflow given by name or code: a DsProject, its name or its code.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        protected DsConnection TargetConnection() => ResolveConnection(Workflow.Connection ?? Project?.Connection);

        /// <summary>Publish (ONLINE) or unpublish (OFFLINE) the target; with passThru emit it re-read.</summary>
        protected void Release(bool online, bool passThru)
        {
            var connection = TargetConnection();
            var client = ClientOf(connection);
            ForItem(Workflow, () =>
            {
                var (projectCode, code, display) = Run(ct => Workflow.ResolveReferenceAsync(client, Project, ct));
                if (!ShouldProcess(display + " on " + connection.Uri, online ? "Publish workflow (ONLINE)" : "Unpublish workflow (OFFLINE; its schedule goes offline too)")) return;
                Run(ct => client.Workflows.ReleaseAsync(projectCode, code, online, ct));
                if (passThru) WriteObject(Run(ct => client.Workflows.GetAsync(projectCode, code, ct)));
            });
        }
    }
}
