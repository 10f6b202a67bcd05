using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using System.Security;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Security
{
    /// <summary>
    /// <para type="synopsis">Changes a user: password, tenant, queue, e-mail, phone, enabled state, time zone.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DsUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsUser))]
    public sealed class SetDsUserCommand : DsCmdlet
    {
        /// <summary>The user: a DsUser, its name or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserName", "Id", "UserId")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(UserCompleter))]
        public UserArgument User { get; set; } = null!;

        /// <summary>A new password. DS ends every session of the user when its password is set.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary>A new tenant: a DsTenant, its code or its id.</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(TenantCompleter))]
        public TenantArgument? Tenant { get; set; }

        /// <summary>A new queue override: a DsQueue, its name or its id.</summary>
        [Parameter]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(QueueCompleter))]
        public QueueArgument? Queue { get; set; }

        /// <summary>A new e-mail address.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? Email { get; set; }

        /// <summary>A new phone number; an empty string clears it.</summary>
        [Parameter]
        public string? Phone { get; set; }

        /// <summary>-Disabled disables the user; -Disabled:$false enables it.</summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        /// <summary>The user's time zone, e.g. Asia/Shanghai (dates the user sends are read in it).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string? TimeZone { get; set; }

        /// <summary>Emit the updated user.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(User.Connection);
            var client = ClientOf(connection);
            ForItem(User, () =>
            {
                var user = Run(ct => User.ResolveAsync(client, ct));
                var tenantId = Tenant != null ? Run(ct => Tenant.ResolveAsync(client, ct)).Id : user.TenantId;
                var queue = Queue != null ? Run(ct => Queue.ResolveAsync(client, ct)).Name : user.OwnQueue;
                if (!ShouldProcess(user.UserName + " on " + connection.Uri, "Update user")) return;
                var spec = new UserSpec
                {
                    UserName = user.UserName,
                    Password = Password,
                    TenantId = tenantId,
                    Queue = queue,
                    Email = Email ?? user.Email ?? "",
                    Phone = MyInvocation.BoundParameters.ContainsKey(nameof(Phone)) ? Phone : user.Phone,
                    Enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Disabled)) ? !Disabled : user.Enabled,
                    TimeZone = TimeZone ?? user.TimeZone,
                };
                var updated = Run(ct => client.Users.UpdateAsync(user.Id, spec, ct));
                if (Password != null && user.Id == connection.UserId && connection.AuthMethod == DsAuthMethod.Password)
                    WriteWarning("DolphinScheduler ended the sessions of " + user.UserName + " because its password changed; connect again with the new password.");
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
