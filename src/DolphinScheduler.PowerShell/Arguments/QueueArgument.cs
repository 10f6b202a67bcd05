using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>A queue given as a DsQueue, its name (queueName), or its id.</summary>
    public sealed class QueueArgument : DsArgument<DsQueue>
    {
        public QueueArgument(DsQueue queue) : base(queue) { }
        public QueueArgument(string name) : base(name) { }
        public QueueArgument(long id) : base(id) { }
        public QueueArgument(int id) : base(id) { }

        protected override string Kind => "Queue";

        protected override async Task<DsQueue> GetByIdAsync(DsClient client, long id, CancellationToken cancellationToken) =>
            (await client.Queues.ListAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(q => q.Id == id)
            ?? throw new DsNotFoundException("Queue " + id + " was not found.");

        protected override async Task<DsQueue?> FindByNameAsync(DsClient client, string name, CancellationToken cancellationToken) =>
            (await client.Queues.ListAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(q => q.Name == name);
    }
}
