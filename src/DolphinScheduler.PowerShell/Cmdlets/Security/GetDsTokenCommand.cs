using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Gets access tokens: all the caller may see (admins: everyone's), or one user's.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DsToken", SupportsPaging = true)]
    [OutputType(typeof(DsToken))]
    public sealed class GetDsTokenCommand : DsPagedCmdlet
    {
        /// <summary>Only this user's tokens: a DsUser, its name or its id.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserName", "UserId")]
        [ArgumentCompleter(typeof(UserCompleter))]
        public UserArgument? User { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(User?.Connection);
            var client = ClientOf(connection);
            if (User == null)
            {
                ForItem(null, () => WritePaged(client.Tokens.List(null, PageRequest, CancellationToken)));
                return;
            }
            ForItem(User, () =>
            {
                var user = Run(ct => User.ResolveAsync(client, ct));
                WriteObject(Run(ct => client.Tokens.ListByUserAsync(user.Id, ct)), enumerateCollection: true);
            });
        }
    }
}
