using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// <para type="synopsis">Uploads local files to the resource centre.</para>
    /// <para type="description">Each file goes into the resource folder -Destination (created when missing, with its
    /// parents). The body is streamed from disk, so memory use stays small whatever the file size, and a progress bar
    /// shows large uploads. An existing resource is only replaced with -Force. Works with DolphinScheduler 3.2 and 3.3+.</para>
    /// </summary>
    /// <example><code>Get-ChildItem ./jobs/*.jar | Send-DsResource -Destination /flink</code></example>
    [Cmdlet(VerbsCommunications.Send, "DsResource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsResource))]
    public sealed class SendDsResourceCommand : DsTransferCmdlet
    {
        /// <summary>Local files (wildcards allowed). Binds FileInfo objects from Get-ChildItem by FullName/PSPath.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath", "LiteralPath")]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[] Path { get; set; } = null!;

        /// <summary>The resource folder to upload into, e.g. /flink (folder-relative, or a full name). Default: the root.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Destination { get; set; } = "/";

        /// <summary>Replace resources that already exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            foreach (var given in Path)
            {
                foreach (var file in ResolveFiles(given))
                {
                    ForItem(file, () =>
                    {
                        var info = new FileInfo(file);
                        var where = Destination.TrimEnd('/') + "/" + info.Name;
                        if (!ShouldProcess(info.FullName + " -> " + where + " on " + connection.Uri, Force ? "Upload resource (replace if it exists)" : "Upload resource")) return;
                        var activity = "Uploading " + info.Name + " to " + Destination;
                        try
                        {
                            var total = info.Length;
                            var resource = RunWithProgress<DsResource, long>(
                                (progress, ct) => client.Resources.UploadAsync(info.FullName, Destination, Force, progress, ct),
                                sent => new ProgressRecord(ActivityId, activity, Size(sent) + " of " + Size(total))
                                {
                                    PercentComplete = total > 0 ? (int)Math.Min(100, sent * 100 / total) : -1,
                                });
                            WriteObject(resource);
                        }
                        finally
                        {
                            CompleteProgress(activity);
                        }
                    });
                }
            }
        }

        /// <summary>Local paths: a literal file wins; otherwise the path is expanded as a wildcard pattern.</summary>
        private IEnumerable<string> ResolveFiles(string given)
        {
            var results = new List<string>();
            string literal;
            try { literal = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given); }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is NotSupportedException)
            {
                WriteError(new ErrorRecord(ex, "DsFileNotFound", ErrorCategory.ObjectNotFound, given));
                return results;
            }
            if (File.Exists(literal)) { results.Add(literal); return results; }
            if (Directory.Exists(literal))
            {
                WriteError(new ErrorRecord(new IOException("'" + literal + "' is a directory; Send-DsResource uploads files (pipe Get-ChildItem -File into it, and create folders with New-DsResourceDirectory)."),
                    "DsPathIsDirectory", ErrorCategory.InvalidArgument, given));
                return results;
            }
            if (WildcardPattern.ContainsWildcardCharacters(given))
            {
                try
                {
                    foreach (var p in SessionState.Path.GetResolvedProviderPathFromPSPath(given, out _))
                        if (File.Exists(p)) results.Add(p);
                }
                catch (ItemNotFoundException) { }
                if (results.Count > 0) return results;
            }
            WriteError(new ErrorRecord(new FileNotFoundException("The file '" + given + "' does not exist.", literal), "DsFileNotFound", ErrorCategory.ObjectNotFound, given));
            return results;
        }
    }
}
