using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// <para type="synopsis">Renames a project or changes its description.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DsProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsProject))]
    public sealed class SetDsProjectCommand : DsCmdlet
    {
        /// <summary>The project: a DsProject, its name or its code.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Code", "ProjectCode")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument Project { get; set; } = null!;

        /// <summary>A new name for the project.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 100)]
        public string? NewName { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [ValidateLength(0, 255)]
        public string? Description { get; set; }

        /// <summary>Emit the updated project.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Project.Connection);
            var client = ClientOf(connection);
            ForItem(Project, () =>
            {
                var project = Run(ct => Project.ResolveAsync(client, ct));
                if (!ShouldProcess(project.Name + " on " + connection.Uri, "Update project")) return;
                var description = MyInvocation.BoundParameters.ContainsKey(nameof(Description)) ? Description : project.Description;
                var updated = Run(ct => client.Projects.UpdateAsync(project.Code, NewName ?? project.Name, description, ct));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
