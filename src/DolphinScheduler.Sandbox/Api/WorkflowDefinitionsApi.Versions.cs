using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Api.Workflows;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api;

public static partial class WorkflowDefinitionsApi
{
    // queryWorkflowDefinitionVersions: a failed project check is answered with its status only (template unfilled);
    // the logged versions of the code in this project, newest first.
    private static DsResult Versions(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return DsResult.Error(denied.MessageStatus);
        var code = r.Long("code");
        var logs = s.WorkflowDefinitionLogs.All.Where(x => x.Code == code && x.ProjectCode == projectCode)
            .OrderByDescending(x => x.Version).ToList();
        var page = PageInfo.Of(logs, pageNo, pageSize);
        return DsResult.Ok(new PageInfo<WorkflowDefinitionView>
        {
            TotalList = page.TotalList.Select(x => WorkflowDefinitionView.Read(x)).ToList(),
            Total = page.Total,
            PageSize = page.PageSize,
            CurrentPage = page.CurrentPage,
        });
    }

    // switchWorkflowDefinitionVersion: the definition takes that version (OFFLINE, its edges); no ONLINE check.
    private static DsResult SwitchVersion(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var code = r.Long("code");
        var version = r.Int("version");
        var d = WorkflowDags.Definition(s, code);
        if (d is null || d.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.SwitchWorkflowDefinitionVersionNotExistWorkflowDefinitionError, code);
        var log = s.WorkflowDefinitionLogs.All.FirstOrDefault(x => x.Code == code && x.Version == version);
        if (log is null)
            return DsResult.Error(DsStatuses.SwitchWorkflowDefinitionVersionNotExistWorkflowDefinitionVersionError, d.Code, version);
        DefinitionStore.SwitchVersion(s, d, log, r.Now);
        return DsResult.Ok();
    }

    // deleteWorkflowDefinitionVersion (all thrown): write permission (10018 unfilled / 30003), the definition in this
    // project (50003), not the current version (50053), no unfinished instance of it (10163), the version and its
    // edges must exist (50022). 3.3: the lineage delete fails for workflows without DEPENDENT tasks (1403003).
    private static DsResult DeleteVersion(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckWriteOrThrow(s, r.User, projectCode);
        var code = r.Long("code");
        var version = r.Int("version");
        var d = WorkflowDags.Definition(s, code);
        if (d is null || d.ProjectCode != projectCode)
            throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, code);
        if (d.Version == version)
            throw new DsServiceException(DsStatuses.MainTableUsingVersion);
        var running = s.Hooks.CountUnfinishedInstancesOfDefinition(code, version);
        if (running > 0)
            throw new DsServiceException(DsStatuses.DeleteWorkflowDefinitionExecutingFail, running);
        var hasLog = s.WorkflowDefinitionLogs.All.Any(x => x.Code == code && x.Version == version);
        var hasEdges = s.WorkflowTaskRelationLogs.All.Any(x => x.WorkflowDefinitionCode == code && x.WorkflowDefinitionVersion == version);
        if (!hasLog || !hasEdges)
            throw new DsServiceException(DsStatuses.DeleteWorkflowDefineByCodeError);
        if (r.Flavor.DeleteVersionNeedsLineage && !HasLineage(s, code))
            throw new DsServiceException(DsStatuses.DeleteWorkflowLineageError); // @Transactional: nothing was deleted
        s.WorkflowDefinitionLogs.RemoveWhere(x => x.Code == code && x.Version == version);
        s.WorkflowTaskRelationLogs.RemoveWhere(x => x.WorkflowDefinitionCode == code && x.WorkflowDefinitionVersion == version);
        return DsResult.Ok();
    }

    /// <summary>t_ds_workflow_task_lineage rows exist for a workflow whose saved versions have DEPENDENT tasks.</summary>
    private static bool HasLineage(SandboxStore s, long code)
        => s.WorkflowTaskRelationLogs.All.Where(x => x.WorkflowDefinitionCode == code)
            .Select(x => WorkflowDags.TaskVersion(s, x.PostTaskCode, x.PostTaskVersion))
            .Any(t => t?.TaskType == "DEPENDENT");
}
