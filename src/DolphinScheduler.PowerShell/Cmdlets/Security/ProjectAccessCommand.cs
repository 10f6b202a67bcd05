using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>What Grant-DsProject and Revoke-DsProject share: the project (pipeline), the user, -PassThru.</summary>
    public abstract class ProjectAccessCommand : DsCmdlet
    {
        /// <summary>The project: a DsProject, its name or its code (pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode", "Code")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument Project { get; set; } = null!;

        /// <summary>The user: a DsUser, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(UserCompleter))]
        public UserArgument User { get; set; } = null!;

        /// <summary>Emit the project.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>"Grant access", "Revoke access", ... for ShouldProcess.</summary>
        protected abstract string Action { get; }

        /// <summary>"to", "from", ... between the project and the user in ShouldProcess.</summary>
        protected abstract string Preposition { get; }

        protected abstract System.Threading.Tasks.Task ChangeAsync(DsClient client, DsUser user, DsProject project, System.Threading.CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Project.Connection ?? User.Connection);
            var client = ClientOf(connection);
            ForItem(Project, () =>
            {
                var project = Run(ct => Project.ResolveAsync(client, ct));
                var user = Run(ct => User.ResolveAsync(client, ct));
                if (!ShouldProcess(project.Name + " " + Preposition + " " + user.UserName + " on " + connection.Uri, Action)) return;
                Run(ct => ChangeAsync(client, user, project, ct));
                if (PassThru) WriteObject(project);
            });
        }
    }
}
