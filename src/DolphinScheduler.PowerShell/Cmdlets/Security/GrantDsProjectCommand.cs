using System.Management.Automation;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Grants a user access to a project: all permissions, or read only with -ReadOnly.</para>
    /// </summary>
    [Cmdlet(VerbsSecurity.Grant, "DsProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsProject))]
    public sealed class GrantDsProjectCommand : DsCmdlet
    {
        /// <summary>The project: a DsProject, its name or its code (pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode", "Code")]
        [ValidateNotNull]
        public ProjectArgument Project { get; set; } = null!;

        /// <summary>The user to grant: a DsUser, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public UserArgument User { get; set; } = null!;

        /// <summary>Grant read permission only.</summary>
        [Parameter]
        public SwitchParameter ReadOnly { get; set; }

        /// <summary>Emit the project.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Project.Connection ?? User.Connection);
            var client = ClientOf(connection);
            ForItem(Project, () =>
            {
                var project = Run(ct => Project.ResolveAsync(client, ct));
                var user = Run(ct => User.ResolveAsync(client, ct));
                if (!ShouldProcess(project.Name + " to " + user.UserName + " on " + connection.Uri, ReadOnly ? "Grant read access" : "Grant access")) return;
                Run(ct => client.Users.GrantProjectAsync(user.Id, project, ReadOnly, ct));
                if (PassThru) WriteObject(project);
            });
        }
    }
}
