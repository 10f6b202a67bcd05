using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Creates a tenant bound to a queue (admin only).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DsTenant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsTenant))]
    public sealed class NewDsTenantCommand : DsCmdlet
    {
        /// <summary>The tenant code: an OS user name (lowercase letters, digits, '_' and '-', starting with a letter or '_').</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 30)]
        public string TenantCode { get; set; } = null!;

        /// <summary>The queue: a DsQueue, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(QueueCompleter))]
        public QueueArgument Queue { get; set; } = null!;

        /// <summary>A description.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, 255)]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            ForItem(TenantCode, () =>
            {
                var queue = Run(ct => Queue.ResolveAsync(client, ct));
                if (!ShouldProcess(TenantCode + " (queue " + queue.Name + ") on " + connection.Uri, "Create tenant")) return;
                WriteObject(Run(ct => client.Tenants.CreateAsync(TenantCode, queue.Id, Description, ct)));
            });
        }
    }
}
