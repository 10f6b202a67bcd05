using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Workflows;

/// <summary>Definition checks other areas share (schedules now; starting workflows in the execution area).</summary>
public static class DefinitionChecks
{
    /// <summary>
    /// ExecutorService.checkWorkflowDefinitionValid (all thrown): the definition must belong to the project (50003 with
    /// the code), be ONLINE (50004 "… {code} … version {v} not online") and every sub-workflow its direct tasks start
    /// must be ONLINE (50004 "exist sub … definition not online").
    /// </summary>
    public static void CheckRunnable(SandboxStore s, SandboxFlavor flavor, long projectCode, WorkflowDefinitionRow d)
    {
        if (d.ProjectCode != projectCode)
            throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, d.Code);
        if (d.ReleaseState != ReleaseState.ONLINE)
            throw new DsServiceException(DsStatuses.WorkflowDefinitionNotRelease, d.Code, d.Version);
        var (type, field) = flavor.SubWorkflowTask;
        var taskCodes = s.WorkflowTaskRelations.All.Where(x => x.WorkflowDefinitionCode == d.Code).Select(x => x.PostTaskCode).ToHashSet();
        var subCodes = s.TaskDefinitions.All.Where(t => taskCodes.Contains(t.Code) && string.Equals(t.TaskType, type, StringComparison.OrdinalIgnoreCase))
            .Select(t => WorkflowDefinitionsApi.TaskParamLong(t.TaskParams, field)).Where(c => c is not null).ToHashSet();
        if (s.WorkflowDefinitions.All.Any(x => subCodes.Contains(x.Code) && x.ReleaseState == ReleaseState.OFFLINE))
            throw new DsServiceException(DsStatuses.SubWorkflowDefinitionNotRelease);
    }
}
