using System;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.Client.Saved;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Errors;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// <para type="synopsis">Keeps a server URI and access token for the current user, so scheduled jobs can run Connect-DsServer -Name.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "DsConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsSavedConnection))]
    public sealed class SaveDsConnectionCommand : PSCmdlet
    {
        /// <summary>The name to save it under (case-insensitive).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidatePattern(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
        public string Name { get; set; } = null!;

        /// <summary>The API base URI, e.g. http://host:12345/dolphinscheduler.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = null!;

        /// <summary>The access token: a SecureString, a string, or a DsToken from New-DsToken.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNull]
        public object Token { get; set; } = null!;

        /// <summary>The server's API family, or Auto to detect it at each connect.</summary>
        [Parameter]
        [ValidateSet("Auto", "3.2", "3.3", "3.4")]
        public string ServerVersion { get; set; } = "Auto";

        /// <summary>Accept any TLS certificate when connecting (test servers only).</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Seconds each request may take (default 100).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>Replace a saved connection of the same name.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var uri = ApiUri.Normalize(Uri, out var uriProblem, out _);
            if (uri == null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(Uri), uriProblem!, Uri));
                return;
            }
            var token = TokenValue.From(Token, out var problem);
            if (token == null)
            {
                WriteError(ErrorRecordFactory.InvalidArgument(nameof(Token), problem!, null));
                return;
            }
            var store = new SavedConnectionStore();
            if (store.Find(Name) != null && !Force)
            {
                WriteError(new ErrorRecord(new InvalidOperationException("A saved connection named '" + Name + "' exists. Use -Force to replace it."),
                    "DsSavedConnectionExists", ErrorCategory.ResourceExists, Name));
                return;
            }
            if (!ShouldProcess(Name + " (" + uri + ") in " + store.FilePath, "Save connection")) return;
            var saved = store.Save(Name, uri, token, ConnectDsServerCommand.ParseVersion(ServerVersion), SkipCertificateCheck, TimeoutSec);
            if (!saved.Protection.StartsWith("DPAPI", StringComparison.Ordinal))
                WriteWarning("The token is stored unencrypted in " + saved.Path + ", readable only by the current user (this platform has no DPAPI).");
            WriteObject(saved);
        }
    }
}
