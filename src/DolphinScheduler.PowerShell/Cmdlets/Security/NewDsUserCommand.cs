using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using System.Security;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Creates a user (admin only).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DsUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsUser))]
    public sealed class NewDsUserCommand : DsCmdlet
    {
        /// <summary>The login name, unique.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 39)]
        public string UserName { get; set; } = null!;

        /// <summary>The initial password (DS requires 6 to 20 characters).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString Password { get; set; } = null!;

        /// <summary>The tenant the user's tasks run as: a DsTenant, its code or its id.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(TenantCompleter))]
        public TenantArgument Tenant { get; set; } = null!;

        /// <summary>The user's e-mail address (DS requires a valid one).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Email { get; set; } = null!;

        /// <summary>A queue that overrides the tenant's: a DsQueue, its name or its id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(QueueCompleter))]
        public QueueArgument? Queue { get; set; }

        /// <summary>A phone number (11 digits in DS's check).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Phone { get; set; }

        /// <summary>Create the user disabled (it cannot log in or use tokens).</summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            ForItem(UserName, () =>
            {
                var tenant = Run(ct => Tenant.ResolveAsync(client, ct));
                var queue = Queue != null ? Run(ct => Queue.ResolveAsync(client, ct)).Name : "";
                if (!ShouldProcess(UserName + " (tenant " + tenant.TenantCode + ") on " + connection.Uri, "Create user")) return;
                var spec = new UserSpec
                {
                    UserName = UserName, Password = Password, TenantId = tenant.Id, Queue = queue,
                    Email = Email, Phone = Phone, Enabled = !Disabled,
                };
                WriteObject(Run(ct => client.Users.CreateAsync(spec, ct)));
            });
        }
    }
}
