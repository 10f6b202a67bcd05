using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Gets YARN queues registered in the security centre.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DsQueue", SupportsPaging = true)]
    [OutputType(typeof(DsQueue))]
    public sealed class GetDsQueueCommand : DsPagedCmdlet
    {
        /// <summary>Queue names (queueName); wildcards allowed. Without -Name every queue is listed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(QueueCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            if (Name == null)
            {
                ForItem(null, () => WritePaged(client.Queues.List(null, PageRequest, CancellationToken)));
                return;
            }
            foreach (var name in Name)
            {
                var filter = new NameFilter(name);
                ForItem(name, () =>
                {
                    var matches = ApplyPaging(client.Queues.List(filter.ServerSearch, AllPages, CancellationToken).Where(q => filter.IsMatch(q.Name))).ToList();
                    if (matches.Count == 0 && !filter.HasWildcards && PagingParameters.Skip == 0) throw NotFound.Named("Queue", name, connection);
                    WriteObject(matches, enumerateCollection: true);
                });
            }
        }
    }
}
