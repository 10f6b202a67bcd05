using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Deletes a tenant (admin only; DS refuses while users belong to it).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DsTenant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsTenantCommand : DsCmdlet
    {
        /// <summary>The tenant: a DsTenant, its code or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("TenantCode", "Id", "TenantId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(TenantCompleter))]
        public TenantArgument Tenant { get; set; } = null!;

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Tenant.Connection);
            var client = ClientOf(connection);
            ForItem(Tenant, () =>
            {
                var tenant = Run(ct => Tenant.ResolveAsync(client, ct));
                if (!ShouldChange(tenant.TenantCode + " on " + connection.Uri, "Delete tenant", Force)) return;
                Run(ct => client.Tenants.DeleteAsync(tenant.Id, ct));
            });
        }
    }
}
