using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Grants a user access to a project: all permissions, or read only with -ReadOnly.</para>
    /// </summary>
    [Cmdlet(VerbsSecurity.Grant, "DsProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsProject))]
    public sealed class GrantDsProjectCommand : ProjectAccessCommand
    {
        /// <summary>Grant read permission only.</summary>
        [Parameter]
        public SwitchParameter ReadOnly { get; set; }

        protected override string Action => ReadOnly ? "Grant read access" : "Grant access";
        protected override string Preposition => "to";

        protected override Task ChangeAsync(DsConnection connection, int userId, DsProject project, CancellationToken cancellationToken) =>
            connection.Client.Users.GrantProjectAsync(userId, project, ReadOnly, cancellationToken);
    }
}
