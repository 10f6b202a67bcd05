using System.Collections;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>
    /// Refuses a string (or any string of an array) that is empty or only white space, at binding time, so the error
    /// names the parameter and nothing is sent. [ValidateNotNullOrEmpty] lets "   " through, and Windows PowerShell 5.1
    /// has no [ValidateNotNullOrWhiteSpace]; a blank name would otherwise reach the server, or worse, match everything.
    /// </summary>
    public sealed class ValidateNotBlankAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is PSObject ps) arguments = ps.BaseObject;
            if (arguments is string text)
            {
                Check(text);
                return;
            }
            if (arguments is IEnumerable items)
                foreach (var item in items)
                    if ((item is PSObject p ? p.BaseObject : item) is string s) Check(s);
        }

        private static void Check(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new ValidationMetadataException("The argument is empty or only white space. Supply a value that is not blank, and then try the command again.");
        }
    }
}
