using System;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Errors;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Creates an access token for a user. The token is a SecureString in the output.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DsToken", DefaultParameterSetName = ValidForSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsToken))]
    public sealed class NewDsTokenCommand : DsCmdlet
    {
        private const string ValidForSet = "ValidFor";
        private const string ExpiresAtSet = "ExpiresAt";

        /// <summary>The token's owner: a DsUser, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserName", "UserId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(UserCompleter))]
        public UserArgument User { get; set; } = null!;

        /// <summary>When the token expires (must be in the future).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ExpiresAtSet)]
        public DateTime ExpiresAt { get; set; }

        /// <summary>How long the token is valid from now (must be positive).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ValidForSet)]
        public TimeSpan ValidFor { get; set; }

        protected override void ProcessRecord()
        {
            var expires = ParameterSetName == ExpiresAtSet ? ExpiresAt.ToUniversalTime() : DateTime.UtcNow + ValidFor;
            if (expires <= DateTime.UtcNow.AddMinutes(1))
            {
                var parameter = ParameterSetName == ExpiresAtSet ? nameof(ExpiresAt) : nameof(ValidFor);
                WriteError(ErrorRecordFactory.InvalidArgument(parameter, "the token would be expired on arrival; give a time in the future.", User));
                return;
            }
            var connection = ResolveConnection(User.Connection);
            var client = ClientOf(connection);
            ForItem(User, () =>
            {
                var user = Run(ct => User.ResolveAsync(client, ct));
                if (!ShouldProcess(user.UserName + " (expires " + expires.ToString("u") + ") on " + connection.Uri, "Create access token")) return;
                WriteObject(Run(ct => client.Tokens.CreateAsync(user, expires, ct)));
            });
        }
    }
}
