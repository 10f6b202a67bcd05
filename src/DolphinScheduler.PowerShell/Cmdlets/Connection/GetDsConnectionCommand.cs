using System.Management.Automation;
using DolphinScheduler.PowerShell.Session;

namespace DolphinScheduler.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// <para type="synopsis">Gets the default connection, or every open connection with -All.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DsConnection")]
    [OutputType(typeof(DsConnection))]
    public sealed class GetDsConnectionCommand : PSCmdlet
    {
        /// <summary>Every open connection, not only the default.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            if (All) WriteObject(DsSessionState.All, enumerateCollection: true);
            else if (DsSessionState.Default is DsConnection c) WriteObject(c);
        }
    }
}
