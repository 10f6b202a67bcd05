using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Gets users (admin), or the connected user with -Current.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DsUser", DefaultParameterSetName = ByNameSet, SupportsPaging = true)]
    [OutputType(typeof(DsUser))]
    public sealed class GetDsUserCommand : DsPagedCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string CurrentSet = "Current";

        /// <summary>User names; wildcards allowed. Without it every user is listed.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(UserCompleter))]
        public string[]? UserName { get; set; }

        /// <summary>The connected user itself (any user may read itself).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CurrentSet)]
        public SwitchParameter Current { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            if (Current)
            {
                ForItem(null, () => WriteObject(Run(ct => client.Users.GetCurrentAsync(ct))));
                return;
            }
            if (UserName == null)
            {
                ForItem(null, () => WritePaged(client.Users.List(null, PageRequest, CancellationToken)));
                return;
            }
            foreach (var name in UserName)
            {
                var filter = new NameFilter(name);
                ForItem(name, () =>
                {
                    var matches = ApplyPaging(client.Users.List(filter.ServerSearch, AllPages, CancellationToken).Where(u => filter.IsMatch(u.UserName))).ToList();
                    if (matches.Count == 0 && !filter.HasWildcards && PagingParameters.Skip == 0) throw NotFound.Named("User", name, connection);
                    WriteObject(matches, enumerateCollection: true);
                });
            }
        }
    }
}
