using System;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.PowerShell.Session;

namespace DolphinScheduler.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// <para type="synopsis">Closes a connection: signs a password session out on the server and forgets the connection.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DsServer")]
    [OutputType(typeof(void))]
    public sealed class DisconnectDsServerCommand : DsCmdletBase
    {
        /// <summary>The connection to close (pipeline). Defaults to the session default.</summary>
        [Parameter(ValueFromPipeline = true, Position = 0)]
        public DsConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var connection = Connection ?? DsSessionState.Default;
            if (connection == null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException("There is no connection to close."), "DsNotConnected", ErrorCategory.ConnectionError, null));
                return;
            }
            ForItem(connection, () =>
            {
                try { Run(ct => connection.Client.SignOutAsync(ct)); }
                finally
                {
                    DsSessionState.Remove(connection);
                    connection.Client.Dispose();
                }
            });
        }
    }
}
