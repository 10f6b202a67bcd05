using System;
using System.Management.Automation;
using DolphinScheduler.Client.Clients;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>Error records for the workflow cmdlets' own failures (DAG validation, half-finished operations).</summary>
    internal static class WorkflowErrors
    {
        /// <summary>A DAG or task that DS would refuse: id DsDuplicateTaskName/DsUnknownDependency/DsWorkflowCycle/DsInvalidTask.</summary>
        public static ErrorRecord Validation(DsWorkflowValidationException ex, object? target) =>
            new(ex, ex.ErrorId, ErrorCategory.InvalidArgument, target);

        /// <summary>True (and the record) for the failures these cmdlets describe better than the generic factory.</summary>
        public static bool TryDescribe(Exception ex, object? target, out ErrorRecord record)
        {
            switch (ex)
            {
                case DsWorkflowValidationException v:
                    record = Validation(v, target);
                    return true;
                default:
                    record = null!;
                    return false;
            }
        }
    }
}
