using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Registers a YARN queue (admin only).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DsQueue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsQueue))]
    public sealed class NewDsQueueCommand : DsCmdlet
    {
        /// <summary>The queue's display name (queueName), unique.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 64)]
        public string Name { get; set; } = null!;

        /// <summary>The YARN queue (queue), e.g. root.etl; unique.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 64)]
        public string QueueValue { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (!ShouldProcess(Name + " (" + QueueValue + ") on " + connection.Uri, "Create queue")) return;
            ForItem(Name, () => WriteObject(Run(ct => ClientOf(connection).Queues.CreateAsync(Name, QueueValue, ct))));
        }
    }
}
