using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Errors;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// <para type="synopsis">Calls any DolphinScheduler REST endpoint with the connection's auth and error handling, returning the result's data.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "DsApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(FileInfo))]
    public sealed class InvokeDsApiCommand : DsCmdlet
    {
        /// <summary>The HTTP method.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "DELETE")]
        public string Method { get; set; } = "GET";

        /// <summary>The path relative to the API base, e.g. /projects or /projects/123/workflow-definition. Sent as written (no version translation).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Path { get; set; } = null!;

        /// <summary>Parameters: the query string for GET/DELETE, the form body for POST/PUT (or the multipart fields with -InFile).</summary>
        [Parameter(Position = 1)]
        public Hashtable? Parameter { get; set; }

        /// <summary>A file to upload as the multipart part "file".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? InFile { get; set; }

        /// <summary>Write a raw (non-JSON) answer such as a download to this file instead of returning data.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? OutFile { get; set; }

        protected override void ProcessRecord()
        {
            var method = Method.ToUpperInvariant(); // ValidateSet accepts any case
            if (InFile != null && method != "POST" && method != "PUT")
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(InFile), "an upload needs -Method POST or PUT.", InFile));
                return;
            }
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            var parameters = new List<KeyValuePair<string, string>>();
            if (Parameter != null)
                foreach (DictionaryEntry e in Parameter)
                    parameters.Add(new KeyValuePair<string, string>(e.Key.ToString()!, LanguagePrimitives.ConvertTo<string>(e.Value is PSObject p ? p.BaseObject : e.Value) ?? ""));
            string? inFile = null;
            if (InFile != null)
            {
                inFile = GetUnresolvedProviderPathFromPSPath(InFile);
                if (!File.Exists(inFile))
                {
                    WriteError(ErrorRecordFactory.InvalidArgument(nameof(InFile), "the file '" + inFile + "' does not exist.", InFile));
                    return;
                }
            }
            var changes = method != "GET";
            if (changes && !ShouldProcess(method + " " + Path + " on " + connection.Uri, "Invoke API")) return;
            ForItem(Path, () =>
            {
                if (OutFile != null)
                {
                    var target = GetUnresolvedProviderPathFromPSPath(OutFile);
                    Run(ct => client.Raw.DownloadAsync(method, Path, parameters, target, ct));
                    WriteObject(new FileInfo(target));
                    return;
                }
                var data = Run(ct => client.Raw.InvokeAsync(method, Path, parameters, inFile, ct));
                WriteObject(JsonToPowerShell.Convert(data), enumerateCollection: true);
            });
        }
    }
}
