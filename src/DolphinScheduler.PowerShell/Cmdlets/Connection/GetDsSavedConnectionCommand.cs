using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.Client.Saved;

namespace DolphinScheduler.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// <para type="synopsis">Lists the connections saved for the current user (never their tokens).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DsSavedConnection")]
    [OutputType(typeof(DsSavedConnection))]
    public sealed class GetDsSavedConnectionCommand : PSCmdlet
    {
        /// <summary>Names; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var all = new SavedConnectionStore().List();
            if (Name == null)
            {
                WriteObject(all, enumerateCollection: true);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteError(new ErrorRecord(new ItemNotFoundException("No saved connection is named '" + name + "'."), "DsSavedConnectionNotFound", ErrorCategory.ObjectNotFound, name));
                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}
