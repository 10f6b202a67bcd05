using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.Client.Saved;

namespace DolphinScheduler.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// <para type="synopsis">Deletes a saved connection and its stored token.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DsSavedConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDsSavedConnectionCommand : PSCmdlet
    {
        /// <summary>The saved connection's name (pipeline from Get-DsSavedConnection).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var store = new SavedConnectionStore();
            if (store.Find(Name) == null)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException("No saved connection is named '" + Name + "'."), "DsSavedConnectionNotFound", ErrorCategory.ObjectNotFound, Name));
                return;
            }
            if (!(Force && !LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false)) && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
                && !ShouldProcess(Name + " in " + store.FilePath, "Remove saved connection")) return;
            store.Remove(Name);
        }
    }
}
