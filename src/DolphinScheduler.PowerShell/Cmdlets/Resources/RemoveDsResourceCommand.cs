using System.Management.Automation;
using DolphinScheduler.PowerShell.Arguments;

namespace DolphinScheduler.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// <para type="synopsis">Deletes resource-centre files or directories (a directory with everything in it).</para>
    /// </summary>
    /// <example><code>Remove-DsResource /flink/old.jar -Force</code></example>
    [Cmdlet(VerbsCommon.Remove, "DsResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsResourceCommand : Infrastructure.DsCmdlet
    {
        /// <summary>Resource paths (/flink/job.jar), full names, or DsResource objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNull]
        public ResourceArgument[] Path { get; set; } = null!;

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in Path)
            {
                var connection = ResolveConnection(path.Connection);
                var client = ClientOf(connection);
                ForItem(path, () =>
                {
                    var resource = Run(ct => path.ResolveAsync(client, ct));
                    var what = resource.IsDirectory ? "directory " + resource.Path + " and everything in it" : resource.Path;
                    if (!ShouldChange(what + " on " + connection.Uri, "Delete resource", Force)) return;
                    Run(ct => client.Resources.DeleteAsync(resource.FullName, ct));
                });
            }
        }
    }
}
