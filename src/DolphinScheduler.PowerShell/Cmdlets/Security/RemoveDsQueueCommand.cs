using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Deletes a queue (admin only; DS refuses while tenants or users use it).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DsQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsQueueCommand : DsCmdlet
    {
        /// <summary>The queue: a DsQueue, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Id", "QueueId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(QueueCompleter))]
        public QueueArgument Queue { get; set; } = null!;

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Queue.Connection);
            var client = ClientOf(connection);
            ForItem(Queue, () =>
            {
                var queue = Run(ct => Queue.ResolveAsync(client, ct));
                if (!ShouldChange(queue.Name + " on " + connection.Uri, "Delete queue", Force)) return;
                Run(ct => client.Queues.DeleteAsync(queue.Id, ct));
            });
        }
    }
}
