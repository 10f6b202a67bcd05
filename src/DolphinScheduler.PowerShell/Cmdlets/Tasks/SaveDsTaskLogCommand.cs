using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Tasks
{
    /// <summary>
    /// <para type="synopsis">Downloads the whole log of task instances to files.</para>
    /// <para type="description">The log goes to a temporary file next to the destination that takes its place only when
    /// complete, so a failed or cancelled download never leaves a partial file. -Destination is a file, or a folder where
    /// the file is named &lt;task&gt;-&lt;id&gt;.log.</para>
    /// </summary>
    /// <example><code>$run | Get-DsTaskInstance | Save-DsTaskLog -Destination ./logs</code></example>
    [Cmdlet(VerbsData.Save, "DsTaskLog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveDsTaskLogCommand : DsCmdlet
    {
        /// <summary>The task instance: a DsTaskInstance (Get-DsTaskInstance) or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "TaskInstanceId")]
        [ValidateNotNull]
        public TaskInstanceArgument TaskInstance { get; set; } = null!;

        /// <summary>The file to write, or an existing folder (default: the current folder).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Destination { get; set; } = ".";

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(TaskInstance.Connection);
            var client = ClientOf(connection);
            ForItem(TaskInstance, () =>
            {
                var path = GetUnresolvedProviderPathFromPSPath(Destination);
                if (Directory.Exists(path) || Destination.EndsWith("/") || Destination.EndsWith("\\"))
                    path = Path.Combine(path, FileName());
                if (!ShouldProcess(path, "Save log of task instance " + TaskInstance)) return;
                WriteObject(Run(ct => client.Logs.SaveAsync(TaskInstance.TaskInstanceId, path, Force, ct)));
            });
        }

        private string FileName()
        {
            var id = TaskInstance.TaskInstanceId.ToString(CultureInfo.InvariantCulture);
            var name = TaskInstance.Value?.Name;
            if (string.IsNullOrEmpty(name)) return "task-" + id + ".log";
            var invalid = Path.GetInvalidFileNameChars();
            var safe = new string(name!.Select(c => invalid.Contains(c) || c == ' ' ? '_' : c).ToArray());
            return safe + "-" + id + ".log";
        }
    }
}
