using System;
using System.Management.Automation;
using System.Security;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Saved;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Errors;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.PowerShell.Session;

namespace DolphinScheduler.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// <para type="synopsis">Connects to a DolphinScheduler server and makes the connection the session default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "DsServer", DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(DsConnection))]
    public sealed class ConnectDsServerCommand : DsCmdletBase
    {
        private const string CredentialSet = "Credential";
        private const string TokenSet = "Token";
        private const string SavedSet = "Saved";

        /// <summary>The API base URI, e.g. http://host:12345/dolphinscheduler. A URI without a path gets /dolphinscheduler.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = null!;

        /// <summary>A connection saved with Save-DsConnection (URI, token and options), for scheduled jobs.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SavedSet)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        /// <summary>An access token: a SecureString, a string, or a DsToken from New-DsToken.</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public object Token { get; set; } = null!;

        /// <summary>User name and password for a password login (a session).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = null!;

        /// <summary>The server's API family. Auto (the default) detects it without side effects.</summary>
        [Parameter]
        [ValidateSet("Auto", "3.2", "3.3", "3.4")]
        public string ServerVersion { get; set; } = "Auto";

        /// <summary>Accept any TLS certificate. Only for test servers with self-signed certificates.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Seconds each request may take before it fails with a timeout (default 100).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>Do not make this connection the session default; use it through -Connection.</summary>
        [Parameter]
        public SwitchParameter NotDefault { get; set; }

        protected override void ProcessRecord()
        {
            var options = ParameterSetName == SavedSet ? SavedOptions() : new DsConnectOptions
            {
                BaseUri = NormalizeUri(Uri),
                ServerVersion = ParseVersion(ServerVersion),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                SkipCertificateCheck = SkipCertificateCheck,
            };
            var uri = options.BaseUri;
            if (ParameterSetName == TokenSet) options.Token = TokenFrom(Token);
            else if (ParameterSetName == CredentialSet)
            {
                options.UserName = Credential.UserName.TrimStart('\\');
                options.Password = Credential.Password;
            }
            if (options.SkipCertificateCheck) WriteWarning("TLS certificate validation is off for this connection.");

            DsClient client;
            try
            {
                client = Run(ct => DsClient.ConnectAsync(options, ct));
            }
            catch (Exception ex) when (ex is not PipelineStoppedException)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex is AggregateException a && a.InnerException != null ? a.InnerException : ex, uri));
                return;
            }
            var connection = client.Connection;
            if (connection.TokenExpireTime is DateTime expires && expires - DateTime.UtcNow < TimeSpan.FromDays(7))
                WriteWarning("The access token of " + connection.UserName + " expires on " + expires.ToString("u") + ". Create a new one with New-DsToken.");
            DsSessionState.Add(connection, makeDefault: !NotDefault);
            WriteObject(connection);
        }

        private DsConnectOptions SavedOptions()
        {
            var options = new SavedConnectionStore().LoadOptions(Name);
            if (options == null)
                ThrowTerminatingError(new ErrorRecord(new ItemNotFoundException("No saved connection is named '" + Name + "'. Save one with Save-DsConnection; Get-DsSavedConnection lists them."),
                    "DsSavedConnectionNotFound", ErrorCategory.ObjectNotFound, Name));
            // Explicit parameters win over what was saved.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(ServerVersion))) options!.ServerVersion = ParseVersion(ServerVersion);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec))) options!.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            if (SkipCertificateCheck) options!.SkipCertificateCheck = true;
            return options!;
        }

        private Uri NormalizeUri(Uri uri)
        {
            var normalized = ApiUri.Normalize(uri, out var problem, out var added);
            if (normalized == null) ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(Uri), problem!, uri));
            if (added) WriteVerbose("No path in -Uri; using DolphinScheduler's context path " + ApiUri.ContextPath + ".");
            return normalized!;
        }

        private SecureString TokenFrom(object value)
        {
            var token = TokenValue.From(value, out var problem);
            if (token == null) ThrowTerminatingError(ErrorRecordFactory.InvalidArgument(nameof(Token), problem!, null));
            return token!;
        }

        internal static DsServerVersion ParseVersion(string text) => text switch
        {
            "3.2" => DsServerVersion.V3_2,
            "3.3" => DsServerVersion.V3_3,
            "3.4" => DsServerVersion.V3_4,
            _ => DsServerVersion.Auto,
        };
    }
}
