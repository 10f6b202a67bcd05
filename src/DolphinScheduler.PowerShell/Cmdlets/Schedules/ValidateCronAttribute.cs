using System.Management.Automation;
using DolphinScheduler.Client.Schedules;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>
    /// Checks a Quartz cron the way DS does (cron-utils' Quartz definition) while the parameter binds, so the error
    /// names -Cron and the reason, and nothing is sent.
    /// </summary>
    public sealed class ValidateCronAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is PSObject pso ? pso.BaseObject as string : arguments as string;
            var reason = QuartzCron.Check(text);
            if (reason != null)
                throw new ValidationMetadataException("'" + text + "' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]): " + reason);
        }
    }
}
