using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Deletes a user (admin only). Its sessions and tokens stop working.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DsUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsUserCommand : DsCmdlet
    {
        /// <summary>The user: a DsUser, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserName", "Id", "UserId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(UserCompleter))]
        public UserArgument User { get; set; } = null!;

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(User.Connection);
            var client = ClientOf(connection);
            ForItem(User, () =>
            {
                var user = Run(ct => User.ResolveAsync(client, ct));
                if (!ShouldChange(user.UserName + " on " + connection.Uri, "Delete user", Force)) return;
                Run(ct => client.Users.DeleteAsync(user.Id, ct));
            });
        }
    }
}
