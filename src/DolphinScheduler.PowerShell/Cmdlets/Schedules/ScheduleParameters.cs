using System;
using System.Management.Automation;
using DolphinScheduler.Client.Clients;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>Transforms a DsTenant (or anything with a TenantCode) into its tenant code.</summary>
    public sealed class TenantCodeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            return value is DsTenant tenant ? tenant.TenantCode : inputData;
        }
    }

    /// <summary>The schedule settings New-DsSchedule and Set-DsSchedule share.</summary>
    internal static class ScheduleSettings
    {
        public static void Apply(ScheduleSpec spec, System.Collections.Generic.IDictionary<string, object> bound)
        {
            T? Get<T>(string name) => bound.TryGetValue(name, out var v) ? (T)(v is PSObject p ? p.BaseObject : v) : default;
            if (bound.ContainsKey("Cron")) spec.Cron = Get<string>("Cron")!.Trim();
            if (bound.ContainsKey("StartTime")) spec.StartTime = Get<DateTime>("StartTime");
            if (bound.ContainsKey("EndTime")) spec.EndTime = Get<DateTime>("EndTime");
            if (bound.ContainsKey("TimeZone")) spec.TimeZone = Get<string>("TimeZone")!;
            if (bound.ContainsKey("FailureStrategy")) spec.FailureStrategy = Get<string>("FailureStrategy")!.ToUpperInvariant();
            if (bound.ContainsKey("WarningType")) spec.WarningType = Get<string>("WarningType")!.ToUpperInvariant();
            if (bound.ContainsKey("WarningGroupId")) spec.WarningGroupId = Get<int>("WarningGroupId");
            if (bound.ContainsKey("WorkerGroup")) spec.WorkerGroup = Get<string>("WorkerGroup");
            if (bound.ContainsKey("Tenant")) spec.TenantCode = Convert.ToString(Get<object>("Tenant"), System.Globalization.CultureInfo.InvariantCulture);
            if (bound.ContainsKey("Priority")) spec.Priority = Get<string>("Priority")!.ToUpperInvariant();
            if (bound.ContainsKey("EnvironmentCode")) spec.EnvironmentCode = Get<long>("EnvironmentCode");
        }
    }
}
