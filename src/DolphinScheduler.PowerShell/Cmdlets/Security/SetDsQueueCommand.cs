using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Renames a queue or changes its YARN queue value (admin only).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DsQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsQueue))]
    public sealed class SetDsQueueCommand : DsCmdlet
    {
        /// <summary>The queue: a DsQueue, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name", "Id", "QueueId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(QueueCompleter))]
        public QueueArgument Queue { get; set; } = null!;

        /// <summary>A new display name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 64)]
        public string? NewName { get; set; }

        /// <summary>A new YARN queue value.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 64)]
        public string? QueueValue { get; set; }

        /// <summary>Emit the updated queue.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Queue.Connection);
            var client = ClientOf(connection);
            ForItem(Queue, () =>
            {
                var queue = Run(ct => Queue.ResolveAsync(client, ct));
                if (!ShouldProcess(queue.Name + " on " + connection.Uri, "Update queue")) return;
                var updated = Run(ct => client.Queues.UpdateAsync(queue.Id, NewName ?? queue.Name, QueueValue ?? queue.QueueValue, ct));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
