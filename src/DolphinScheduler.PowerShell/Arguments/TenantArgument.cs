using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>A tenant given as a DsTenant, its tenant code, or its id.</summary>
    public sealed class TenantArgument : DsArgument<DsTenant>
    {
        public TenantArgument(DsTenant tenant) : base(tenant) { }
        public TenantArgument(string tenantCode) : base(tenantCode) { }
        public TenantArgument(long id) : base(id) { }
        public TenantArgument(int id) : base(id) { }

        protected override string Kind => "Tenant";

        protected override async Task<DsTenant> GetByIdAsync(DsClient client, long id, CancellationToken cancellationToken) =>
            (await client.Tenants.ListAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.Id == id)
            ?? throw new DsNotFoundException("Tenant " + id + " was not found.");

        protected override async Task<DsTenant?> FindByNameAsync(DsClient client, string name, CancellationToken cancellationToken) =>
            (await client.Tenants.ListAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.TenantCode == name);
    }
}
