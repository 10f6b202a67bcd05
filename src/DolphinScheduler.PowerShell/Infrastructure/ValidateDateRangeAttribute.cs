using System;
using System.Globalization;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>
    /// Refuses a date DolphinScheduler cannot store or schedule with (before 1970 or after 9000), at binding time, so the
    /// error names the parameter; [DateTime]::MaxValue would otherwise overflow date arithmetic in the module.
    /// </summary>
    public sealed class ValidateDateRangeAttribute : ValidateArgumentsAttribute
    {
        private static readonly DateTime Min = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime Max = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            if (arguments is PSObject ps) arguments = ps.BaseObject;
            if (arguments is DateTime d && (d < Min || d >= Max))
                throw new ValidationMetadataException("The date " + d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    + " is out of range: give a date from 1970-01-01 up to 9000-01-01.");
        }
    }
}
