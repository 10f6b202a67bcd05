using System.Management.Automation;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Revokes a user's access to a project.</para>
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "DsProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsProject))]
    public sealed class RevokeDsProjectCommand : DsCmdlet
    {
        /// <summary>The project: a DsProject, its name or its code (pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode", "Code")]
        [ValidateNotNull]
        public ProjectArgument Project { get; set; } = null!;

        /// <summary>The user: a DsUser, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public UserArgument User { get; set; } = null!;

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
                if (!ShouldProcess(project.Name + " from " + user.UserName + " on " + connection.Uri, "Revoke access")) return;
                Run(ct => client.Users.RevokeProjectAsync(user.Id, project.Code, ct));
                if (PassThru) WriteObject(project);
            });
        }
    }
}
