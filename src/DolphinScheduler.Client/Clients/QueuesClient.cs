using System.Linq;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using E = DolphinScheduler.Client.Endpoints.Api.Queues;

namespace DolphinScheduler.Client.Clients
{
    public sealed class QueuesClient : ApiClient
    {
        internal QueuesClient(ApiConnection api) : base(api) { }

        public Task<IReadOnlyList<DsQueue>> ListAllAsync(CancellationToken cancellationToken = default) =>
            Api.SendListAsync(new DsRequest(E.ListAll), DsQueue.From, cancellationToken);

        public PagedList<DsQueue> List(string? search, PageRequest page, CancellationToken cancellationToken = default) =>
            Api.Paged(() => new DsRequest(E.ListPaging).Add("searchVal", search), DsQueue.From, page, cancellationToken);

        public Task<DsQueue> CreateAsync(string name, string queueValue, CancellationToken cancellationToken = default) =>
            AmbiguousCreate.RunAsync(
                () => Api.SendAsync(new DsRequest(E.Create).Add("queue", queueValue).Add("queueName", name), DsQueue.From, cancellationToken),
                async () => (await ListAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(q => q.Name == name), "queue '" + name + "'", Api.Transport, cancellationToken);

        /// <summary>Updates a queue; an update that changes nothing (DS 10132) returns the queue as it is.</summary>
        public async Task<DsQueue> UpdateAsync(int id, string name, string queueValue, CancellationToken cancellationToken = default)
        {
            try
            {
                return await Api.SendAsync(new DsRequest(E.Update).Path("id", id).Add("queue", queueValue).Add("queueName", name), DsQueue.From, cancellationToken).ConfigureAwait(false);
            }
            catch (DsApiException ex) when (ex.Code == 10132)
            {
                return (await ListAllAsync(cancellationToken).ConfigureAwait(false)).First(q => q.Id == id);
            }
        }

        public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Path("id", id), cancellationToken);
    }
}
