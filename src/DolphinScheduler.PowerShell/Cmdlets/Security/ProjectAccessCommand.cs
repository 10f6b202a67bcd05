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

        protected abstract System.Threading.Tasks.Task ChangeAsync(DsConnection connection, int userId, DsProject project, System.Threading.CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Project.Connection ?? User.Connection);
            var client = ClientOf(connection);
            ForItem(Project, () =>
            {
                var project = Run(ct => Project.ResolveAsync(client, ct));
                var (userId, userLabel) = ResolveUser(connection);
                if (!ShouldProcess(project.Name + " " + Preposition + " " + userLabel + " on " + connection.Uri, Action)) return;
                Run(ct => ChangeAsync(connection, userId, project, ct));
                if (PassThru) WriteObject(project);
            });
        }

        // Only administrators may read DS's user list, which is where names and ids are looked up. A project owner who
        // is not an administrator may still grant: by the user's id, which the server checks itself (USER_NOT_EXIST).
        private (int Id, string Label) ResolveUser(DsConnection connection)
        {
            if (!connection.IsAdmin && User.Value == null && User.Name != connection.UserName)
            {
                if (User.Id is long id && id > 0 && id <= int.MaxValue) return ((int)id, "user id " + id);
                if (User.Name != null)
                    throw new PSArgumentException("Parameter -User: " + connection.UserName + " is not an administrator, and DolphinScheduler lets only administrators look users up by name. Give the user's id (-User 42) or a DsUser object instead.", nameof(User));
            }
            var user = Run(ct => User.ResolveAsync(ClientOf(connection), ct));
            return (user.Id, user.UserName);
        }
    }
}
