using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using E = DolphinScheduler.Client.Endpoints.Api.Tenants;

namespace DolphinScheduler.Client.Clients
{
    public sealed class TenantsClient : ApiClient
    {
        internal TenantsClient(ApiConnection api) : base(api) { }

        public Task<IReadOnlyList<DsTenant>> ListAllAsync(CancellationToken cancellationToken = default) =>
            Api.SendListAsync(new DsRequest(E.ListAll), DsTenant.From, cancellationToken);

        public PagedList<DsTenant> List(string? search, PageRequest page, CancellationToken cancellationToken = default) =>
            Api.Paged(() => new DsRequest(E.ListPaging).Add("searchVal", search), DsTenant.From, page, cancellationToken);

        public Task<DsTenant> CreateAsync(string tenantCode, int queueId, string? description, CancellationToken cancellationToken = default) =>
            AmbiguousCreate.RunAsync(
                () => Api.SendAsync(new DsRequest(E.Create).Add("tenantCode", tenantCode).Add("queueId", queueId).Add("description", description), DsTenant.From, cancellationToken),
                async () => (await ListAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(t => t.TenantCode == tenantCode), "tenant '" + tenantCode + "'", Api.Transport, cancellationToken);

        /// <summary>Updates and reads the tenant back (DS answers the update with just <c>true</c>).</summary>
        public async Task<DsTenant> UpdateAsync(int id, string tenantCode, int queueId, string? description, CancellationToken cancellationToken = default)
        {
            await Api.SendAsync(new DsRequest(E.Update).Path("id", id).Add("tenantCode", tenantCode).Add("queueId", queueId).Add("description", description), cancellationToken).ConfigureAwait(false);
            var all = await ListAllAsync(cancellationToken).ConfigureAwait(false);
            return all.First(t => t.Id == id);
        }

        public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Path("id", id), cancellationToken);
    }
}
