using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// <para type="synopsis">Creates a resource-centre directory, with any missing parents.</para>
    /// </summary>
    /// <example><code>New-DsResourceDirectory /flink/jobs</code></example>
    [Cmdlet(VerbsCommon.New, "DsResourceDirectory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsResource))]
    public sealed class NewDsResourceDirectoryCommand : Infrastructure.DsCmdlet
    {
        /// <summary>Folder-relative paths (/flink/jobs) or full names.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] Path { get; set; } = null!;

        /// <summary>Return an existing directory instead of failing (DS code 20005).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            foreach (var path in Path)
            {
                ForItem(path, () =>
                {
                    if (!ShouldProcess(path + " on " + connection.Uri, "Create resource directory")) return;
                    WriteObject(Run(ct => client.Resources.CreateDirectoryAsync(path, Force, ct)));
                });
            }
        }
    }
}
