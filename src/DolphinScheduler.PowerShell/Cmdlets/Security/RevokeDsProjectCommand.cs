using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Revokes a user's access to a project.</para>
    /// </summary>
    [Cmdlet(VerbsSecurity.Revoke, "DsProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsProject))]
    public sealed class RevokeDsProjectCommand : ProjectAccessCommand
    {
        protected override string Action => "Revoke access";
        protected override string Preposition => "from";

        protected override Task ChangeAsync(DsConnection connection, int userId, DsProject project, CancellationToken cancellationToken) =>
            connection.Client.Users.RevokeProjectAsync(userId, project.Code, cancellationToken);
    }
}
