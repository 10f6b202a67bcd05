using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// <para type="synopsis">Creates a project.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DsProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsProject))]
    public sealed class NewDsProjectCommand : DsCmdlet
    {
        /// <summary>The project name (unique on the server).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 100)]
        public string Name { get; set; } = null!;

        /// <summary>A description (at most 255 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateLength(0, 255)]
        public string? Description { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (!ShouldProcess(Name + " on " + connection.Uri, "Create project")) return;
            ForItem(Name, () => WriteObject(Run(ct => ClientOf(connection).Projects.CreateAsync(Name.Trim(), Description, ct))));
        }
    }
}
