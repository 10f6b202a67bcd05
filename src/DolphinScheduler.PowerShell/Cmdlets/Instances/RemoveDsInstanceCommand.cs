using System.Globalization;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;

namespace DolphinScheduler.PowerShell.Cmdlets.Instances
{
    /// <summary>
    /// <para type="synopsis">Deletes ended workflow instances with their task instances.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsInstanceCommand : DsInstanceCmdlet
    {
        /// <summary>The workflow instance: a DsInstance, or an instance id or name with -Project.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "InstanceId")]
        [ValidateNotNull]
        public InstanceArgument Instance { get; set; } = null!;

        /// <summary>The project of an instance given by id or name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Instance.Connection ?? Project?.Connection);
            var client = ClientOf(connection);
            ForItem(Instance, () =>
            {
                var instance = ResolveInstance(client, Instance, Project);
                if (!ShouldChange("Workflow instance '" + instance.Name + "' (id " + instance.Id.ToString(CultureInfo.InvariantCulture) + ", " + instance.State + ") on " + connection.Uri, "Delete workflow instance", Force)) return;
                Run(ct => client.Instances.DeleteAsync(instance, ct));
            });
        }
    }
}
