using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// <para type="synopsis">Deletes a project. DS refuses while the project still has workflow definitions.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DsProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsProjectCommand : DsCmdlet
    {
        /// <summary>The project: a DsProject, its name or its code.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Code", "ProjectCode")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument Project { get; set; } = null!;

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Project.Connection);
            var client = ClientOf(connection);
            ForItem(Project, () =>
            {
                var project = Run(ct => Project.ResolveAsync(client, ct));
                if (!ShouldChange(project.Name + " (" + project.Code + ") on " + connection.Uri, "Delete project", Force)) return;
                Run(ct => client.Projects.DeleteAsync(project.Code, ct));
            });
        }
    }
}
