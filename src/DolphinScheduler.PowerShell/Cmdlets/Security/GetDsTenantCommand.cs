using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Gets tenants (the OS users tasks run as).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DsTenant", SupportsPaging = true)]
    [OutputType(typeof(DsTenant))]
    public sealed class GetDsTenantCommand : DsPagedCmdlet
    {
        /// <summary>Tenant codes; wildcards allowed. Without it every tenant is listed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(TenantCompleter))]
        public string[]? TenantCode { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            if (TenantCode == null)
            {
                ForItem(null, () => WritePaged(client.Tenants.List(null, PageRequest, CancellationToken)));
                return;
            }
            foreach (var code in TenantCode)
            {
                var filter = new NameFilter(code);
                ForItem(code, () =>
                {
                    var matches = ApplyPaging(client.Tenants.List(filter.ServerSearch, AllPages, CancellationToken).Where(t => filter.IsMatch(t.TenantCode))).ToList();
                    if (matches.Count == 0 && !filter.HasWildcards && PagingParameters.Skip == 0) throw NotFound.Named("Tenant", code, connection);
                    WriteObject(matches, enumerateCollection: true);
                });
            }
        }
    }
}
