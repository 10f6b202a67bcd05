using System;
using System.IO;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.PowerShell.Arguments;

namespace DolphinScheduler.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// <para type="synopsis">Downloads resource-centre files to local files.</para>
    /// <para type="description">The content is written to a temporary file beside the destination and renamed only when
    /// every byte has arrived, so a failed download never leaves a partial file. -Destination is a local folder (the
    /// resource's name is kept) or, for a single resource, a file path. Existing files are only replaced with -Force.</para>
    /// </summary>
    /// <example><code>Receive-DsResource /flink/job.jar -Destination ./downloads</code></example>
    [Cmdlet(VerbsCommunications.Receive, "DsResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ReceiveDsResourceCommand : DsTransferCmdlet
    {
        /// <summary>Resource paths (/flink/job.jar), full names, or DsResource objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNull]
        public ResourceArgument[] Path { get; set; } = null!;

        /// <summary>A local folder, or a file path for a single resource. Default: the current folder.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? Destination { get; set; }

        /// <summary>Replace local files that already exist.</summary>
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
                    if (resource.IsDirectory)
                        throw new IOException("'" + resource.Path + "' is a directory; download its files, e.g. Get-DsResource " + resource.Path + " -Recurse -File | Receive-DsResource -Destination <folder>.");
                    var target = TargetFile(resource.Name);
                    if (!ShouldProcess(resource.Path + " -> " + target, "Download resource")) return;
                    var activity = "Downloading " + resource.Path;
                    try
                    {
                        var file = RunWithProgress<FileInfo, (long Done, long Total)>(
                            (progress, ct) => client.Resources.DownloadAsync(resource.FullName, target, Force, progress, ct, resource.Size),
                            p => new ProgressRecord(ActivityId, activity, Size(p.Done) + (p.Total >= 0 ? " of " + Size(p.Total) : ""))
                            {
                                PercentComplete = p.Total > 0 ? (int)Math.Min(100, p.Done * 100 / p.Total) : -1,
                            });
                        WriteObject(file);
                    }
                    finally
                    {
                        CompleteProgress(activity);
                    }
                });
            }
        }

        /// <summary>An existing folder (or a path ending in a separator, or several inputs) receives the resource under its own name.</summary>
        private string TargetFile(string name)
        {
            var destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(string.IsNullOrEmpty(Destination) ? "." : Destination);
            var endsWithSeparator = Destination != null && (Destination.EndsWith("/", StringComparison.Ordinal) || Destination.EndsWith("\\", StringComparison.Ordinal));
            if (Directory.Exists(destination) || endsWithSeparator || Path.Length > 1 || MyInvocation.ExpectingInput && !File.Exists(destination) && string.IsNullOrEmpty(System.IO.Path.GetExtension(destination)))
                return System.IO.Path.Combine(destination, name);
            return destination;
        }
    }
}
