using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Changes a tenant's queue, code or description (admin only).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DsTenant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsTenant))]
    public sealed class SetDsTenantCommand : DsCmdlet
    {
        /// <summary>The tenant: a DsTenant, its code or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TenantCode", "Id", "TenantId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(TenantCompleter))]
        public TenantArgument Tenant { get; set; } = null!;

        /// <summary>A new tenant code.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 30)]
        public string? NewTenantCode { get; set; }

        /// <summary>The new queue: a DsQueue, its name or its id.</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(QueueCompleter))]
        public QueueArgument? Queue { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [ValidateLength(0, 255)]
        public string? Description { get; set; }

        /// <summary>Emit the updated tenant.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Tenant.Connection);
            var client = ClientOf(connection);
            ForItem(Tenant, () =>
            {
                var tenant = Run(ct => Tenant.ResolveAsync(client, ct));
                var queueId = Queue != null ? Run(ct => Queue.ResolveAsync(client, ct)).Id : tenant.QueueId;
                if (!ShouldProcess(tenant.TenantCode + " on " + connection.Uri, "Update tenant")) return;
                var description = MyInvocation.BoundParameters.ContainsKey(nameof(Description)) ? Description : tenant.Description;
                var updated = Run(ct => client.Tenants.UpdateAsync(tenant.Id, NewTenantCode ?? tenant.TenantCode, queueId, description, ct));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
