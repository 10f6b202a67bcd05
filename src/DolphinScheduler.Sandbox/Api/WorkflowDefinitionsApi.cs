using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Api.Workflows;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /projects/{projectCode}/workflow-definition (3.2: process-definition), README §6 "Workflow definitions";
/// WorkflowDefinitionServiceImpl (dev-2501) / ProcessDefinitionServiceImpl (3.2.2). Payload validation follows the
/// research doc Q7 and <see cref="DefinitionPayload"/>; storage follows <see cref="DefinitionStore"/>.
/// </summary>
public static partial class WorkflowDefinitionsApi
{
    public static IEndpointRouteBuilder MapWorkflowDefinitions(this IEndpointRouteBuilder app)
    {
        var store = app.ServiceProvider.GetRequiredService<SandboxStore>();
        store.Hooks.CountWorkflowDefinitions = projectCode => store.WorkflowDefinitions.All.Count(d => d.ProjectCode == projectCode);

        const string Base = "/projects/{projectCode}/workflow-definition";
        app.MapDs("POST", Base, Create);
        app.MapDs("PUT", Base + "/{code}", Update);
        app.MapDs("GET", Base, ListPaging);
        app.MapDs("GET", Base + "/list", ListDags);
        app.MapDs("GET", Base + "/all", AllDags);
        app.MapDs("GET", Base + "/simple-list", SimpleList);
        app.MapDs("GET", Base + "/{code}", Get);
        app.MapDs("GET", Base + "/query-by-name", QueryByName);
        app.MapDs("GET", Base + "/verify-name", VerifyName);
        app.MapDs("POST", Base + "/{code}/release", Release);
        app.MapDs("DELETE", Base + "/{code}", Delete);
        app.MapDs("POST", Base + "/batch-delete", BatchDelete);
        app.MapDs("GET", Base + "/{code}/versions", Versions);
        app.MapDs("GET", Base + "/{code}/versions/{version}", SwitchVersion);
        app.MapDs("DELETE", Base + "/{code}/versions/{version}", DeleteVersion);
        app.MapDs("GET", Base + "/{code}/tasks", Tasks);
        app.MapDs("GET", Base + "/batch-query-tasks", BatchQueryTasks);
        app.MapDs("GET", Base + "/query-workflow-definition-list", DependentDefinitionList);
        app.MapDs("GET", Base + "/query-task-definition-list", DependentTaskList);
        app.MapDs("GET", Base + "/{code}/view-variables", ViewVariables);
        return app;
    }

    // createWorkflowDefinition: write permission (returned: HTTP 201 with 10018/30003), description (thrown), name
    // (thrown 10168), task JSON, relation JSON (thrown), then save. The answer is DS's in-memory object: version 0 and
    // releaseState null (only the stored row and the log get version 1 / OFFLINE), globalParamList null.
    private static DsResult Create(DsRequest r)
    {
        var s = r.Store;
        var project = ProjectAccess.ByCode(s, r.Long("projectCode"));
        if (ProjectAccess.CheckWrite(s, r.User, project) is { } denied)
            return denied;
        var description = r.Str("description");
        if (CheckUtils.DescriptionTooLong(description))
            throw new DsServiceException(DsStatuses.DescriptionTooLongError);
        var name = r.Str("name")!;
        if (s.WorkflowDefinitions.All.Any(d => d.ProjectCode == project!.Code && d.Name == name))
            throw new DsServiceException(DsStatuses.WorkflowDefinitionNameExist, name);
        var tasks = DefinitionPayload.Tasks(r.Str("taskDefinitionJson"), r.Flavor);
        var relations = DefinitionPayload.Relations(r.Str("taskRelationJson"), tasks, r.Flavor);

        var now = r.Now;
        var definition = new WorkflowDefinitionRow
        {
            Code = s.Codes.Next(),
            Name = name,
            ProjectCode = project!.Code,
            Description = description,
            GlobalParams = r.Str("globalParams"),
            Locations = r.Str("locations"),
            Timeout = r.Int("timeout"),
            UserId = r.User.Id,
            Flag = Flag.YES,
            ExecutionType = ExecutionType(r),
            CreateTime = now,
            UpdateTime = now,
        };
        SaveDag(s, r.User, definition, tasks, relations, now);
        return DsResult.Ok(WorkflowDefinitionView.Build(definition, globalParamList: null, mapSource: definition.GlobalParams,
            version: 0, releaseStateUnset: true));
    }

    // updateWorkflowDefinition: permission and description are returned (HTTP 200), the JSON checks throw and run
    // before the existence (50003), ONLINE (50008) and name (10168) checks. Every accepted update saves a new version
    // (DS compares the submitted edges with stored log rows whose ids/times always differ). The answer is the object
    // read before saving: old version number, the stored globalParamList/Map, the new fields. releaseState=ONLINE
    // publishes afterwards (the answer still says OFFLINE).
    private static DsResult Update(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        var project = ProjectAccess.ByCode(s, projectCode);
        if (ProjectAccess.CheckWrite(s, r.User, project) is { } denied)
            return denied;
        var description = r.Str("description");
        if (CheckUtils.DescriptionTooLong(description))
            return DsResult.Error(DsStatuses.DescriptionTooLongError);
        var tasks = DefinitionPayload.Tasks(r.Str("taskDefinitionJson"), r.Flavor);
        var relations = DefinitionPayload.Relations(r.Str("taskRelationJson"), tasks, r.Flavor);

        var code = r.Long("code");
        var current = WorkflowDags.Definition(s, code);
        if (current is null || current.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (current.ReleaseState == ReleaseState.ONLINE)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotAllowedEdit, current.Name);
        var name = r.Str("name")!;
        if (name != current.Name && s.WorkflowDefinitions.All.Any(d => d.ProjectCode == projectCode && d.Name == name))
            return DsResult.Error(DsStatuses.WorkflowDefinitionNameExist, name);

        var oldGlobalParams = current.GlobalParams;
        var oldVersion = current.Version;
        var definition = current.CopyDefinition();
        definition.Name = name;
        definition.Description = description;
        definition.GlobalParams = r.Str("globalParams");
        definition.Locations = r.Str("locations");
        definition.Timeout = r.Int("timeout");
        definition.Flag = Flag.YES;
        definition.ExecutionType = ExecutionType(r);
        var now = r.Now;
        definition.UpdateTime = now;
        SaveDag(s, r.User, definition, tasks, relations, now);

        var answer = WorkflowDefinitionView.Build(definition, PropertyView.ListOf(oldGlobalParams), oldGlobalParams, version: oldVersion);
        if (r.Enum("releaseState") == nameof(ReleaseState.ONLINE))
            Online(r, projectCode, code);
        return DsResult.Ok(answer);
    }

    private static void SaveDag(SandboxStore s, UserRow user, WorkflowDefinitionRow definition,
        List<TaskDefinitionLogRow> tasks, List<WorkflowTaskRelationLogRow> relations, DateTime now)
    {
        DefinitionStore.SaveTasks(s, user, definition.ProjectCode, tasks, now);
        var version = DefinitionStore.SaveDefinition(s, user, definition);
        DefinitionStore.SaveRelations(s, user, definition.ProjectCode, definition.Code, version, relations, tasks, now);
    }

    private static WorkflowExecutionType? ExecutionType(DsRequest r)
        => r.Enum("executionType") is { } e ? Enum.Parse<WorkflowExecutionType>(e) : null;

    // releaseWorkflowDefinition -> online/offlineWorkflowDefinition (both thrown): project permission on the path's
    // project, the definition looked up by code alone (50003), nothing to do when already in that state. ONLINE needs
    // edges (50035) and online sub-workflows (10000); OFFLINE also takes the schedule offline.
    private static DsResult Release(DsRequest r)
    {
        var projectCode = r.Long("projectCode");
        var code = r.Long("code");
        if (r.Enum("releaseState") == nameof(ReleaseState.ONLINE))
            Online(r, projectCode, code);
        else
            Offline(r, projectCode, code);
        return DsResult.Ok(true);
    }

    private static void Online(DsRequest r, long projectCode, long code)
    {
        var s = r.Store;
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var d = WorkflowDags.Definition(s, code) ?? throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, code);
        if (d.ReleaseState == ReleaseState.ONLINE)
            return;
        if (!s.WorkflowTaskRelations.All.Any(x => x.WorkflowDefinitionCode == code))
            throw new DsServiceException(DsStatuses.WorkflowDagIsEmpty);
        foreach (var sub in SubWorkflowCodes(s, r.Flavor, code, []))
        {
            var child = WorkflowDags.Definition(s, sub) ?? throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, code);
            if (child.ReleaseState != ReleaseState.ONLINE)
                throw new DsServiceException(DsStatuses.InternalServerErrorArgs, $"SubWorkflowDefinition {child.Name} is not online");
        }
        d.ReleaseState = ReleaseState.ONLINE;
    }

    private static void Offline(DsRequest r, long projectCode, long code)
    {
        var s = r.Store;
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var d = WorkflowDags.Definition(s, code) ?? throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, code);
        if (d.ReleaseState == ReleaseState.OFFLINE)
            return;
        d.ReleaseState = ReleaseState.OFFLINE;
        if (WorkflowDags.Schedule(s, code) is { ReleaseState: ReleaseState.ONLINE } schedule)
            schedule.ReleaseState = ReleaseState.OFFLINE; // schedulerService.offlineSchedulerByWorkflowCode
    }

    /// <summary>findAllSubWorkflowDefinitionCode: sub-workflow codes named by the current tasks, recursively.</summary>
    internal static IEnumerable<long> SubWorkflowCodes(SandboxStore s, Flavors.SandboxFlavor flavor, long code, HashSet<long> seen)
    {
        if (!seen.Add(code))
            yield break;
        var field = flavor.SubWorkflowTask.CodeField;
        var taskCodes = s.WorkflowTaskRelations.All.Where(x => x.WorkflowDefinitionCode == code).Select(x => x.PostTaskCode).ToHashSet();
        foreach (var t in s.TaskDefinitions.All.Where(t => taskCodes.Contains(t.Code)))
        {
            if (TaskParamLong(t.TaskParams, field) is not { } sub)
                continue;
            yield return sub;
            foreach (var deeper in SubWorkflowCodes(s, flavor, sub, seen))
                yield return deeper;
        }
    }

    internal static long? TaskParamLong(string? taskParams, string field)
    {
        if (string.IsNullOrEmpty(taskParams))
            return null;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(taskParams);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? Lenient.LongOrNull(doc.RootElement, field) : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
    }

    // deleteWorkflowDefinitionByCode (all thrown): the definition by code alone (50003, code as text), permission on
    // its own project (30002), creator or admin (30001), not ONLINE (50021), no unfinished instance (10163), not used
    // by another workflow's sub-workflow/DEPENDENT task, schedule OFFLINE (deleted with it) else 50023.
    private static DsResult Delete(DsRequest r)
    {
        DeleteDefinition(r, r.Long("code"));
        return DsResult.Ok();
    }

    private static void DeleteDefinition(DsRequest r, long code)
    {
        var s = r.Store;
        var d = WorkflowDags.Definition(s, code)
            ?? throw new DsServiceException(DsStatuses.WorkflowDefinitionNotExist, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, d.ProjectCode);
        if (r.User.Id != d.UserId && !r.User.IsAdmin)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
        if (d.ReleaseState == ReleaseState.ONLINE)
            throw new DsServiceException(DsStatuses.WorkflowDefineStateOnline, d.Name);
        var running = s.Hooks.CountUnfinishedInstancesOfDefinition(code, null);
        if (running > 0)
            throw new DsServiceException(DsStatuses.DeleteWorkflowDefinitionExecutingFail, running);
        var users = UsedBy(s, r.Flavor, d);
        if (users.Count > 0)
        {
            var detail = string.Join(",", users.Select(u => u.Workflow + ":" + u.Task));
            if (r.Flavor.DefinitionInUseIsInternalError)
                throw new DsServiceException(DsStatuses.InternalServerErrorArgs, "workflow definition cannot be deleted because it has dependent, "
                    + r.Flavor.Message(DsStatuses.DeleteTaskUseByOtherFail, ["", detail]));
            throw new DsServiceException(DsStatuses.DeleteWorkflowDefinitionUseByOtherFail, detail);
        }
        if (WorkflowDags.Schedule(s, code) is { } schedule)
        {
            if (schedule.ReleaseState == ReleaseState.ONLINE)
                throw new DsServiceException(DsStatuses.ScheduleStateOnline, schedule.Id);
            s.Schedules.Remove(schedule.Id);
        }
        s.Hooks.DeleteInstancesOfDefinition(code);
        DefinitionStore.Delete(s, d);
    }

    /// <summary>
    /// Who uses a definition. 3.2.2 (queryTaskDepOnProcess): DEPENDENT tasks naming it and SUB_PROCESS tasks of the same
    /// project, as "workflow:task". dev-2501 (workflow lineage): DEPENDENT tasks only (sub-workflow tasks write no lineage),
    /// and the text names the deleted workflow instead of the depending one ("deleted:task", a DS bug kept as is).
    /// </summary>
    private static List<(string Workflow, string? Task)> UsedBy(SandboxStore s, Flavors.SandboxFlavor flavor, WorkflowDefinitionRow deleted)
    {
        var result = new List<(string, string?)>();
        foreach (var other in s.WorkflowDefinitions.All.Where(x => x.Code != deleted.Code))
        {
            var dag = WorkflowDags.CurrentDag(s, other.Code);
            if (dag is null)
                continue;
            foreach (var t in dag.Tasks)
            {
                var uses = t.TaskType == "DEPENDENT"
                    ? DependsOn(t.TaskParams, deleted.Code) && (flavor.Is32 || other.ProjectCode == deleted.ProjectCode)
                    : flavor.Is32 && t.TaskType == flavor.SubWorkflowTask.TaskType && other.ProjectCode == deleted.ProjectCode
                      && TaskParamLong(t.TaskParams, flavor.SubWorkflowTask.CodeField) == deleted.Code;
                if (uses)
                    result.Add((flavor.Is32 ? other.Name : deleted.Name, t.Name));
            }
        }
        return result;
    }

    private static bool DependsOn(string? taskParams, long code)
    {
        if (string.IsNullOrEmpty(taskParams))
            return false;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(taskParams);
            if (Lenient.FindValue(doc.RootElement, "dependTaskList") is not { ValueKind: System.Text.Json.JsonValueKind.Array } list)
                return false;
            foreach (var model in list.EnumerateArray())
                if (model.ValueKind == System.Text.Json.JsonValueKind.Object && model.TryGetProperty("dependItemList", out var items)
                    && items.ValueKind == System.Text.Json.JsonValueKind.Array)
                    foreach (var item in items.EnumerateArray())
                        if (item.ValueKind == System.Text.Json.JsonValueKind.Object && Lenient.LongOrNull(item, "definitionCode") == code)
                            return true;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
        }
        return false;
    }

    // batchDeleteWorkflowDefinitionByCodes: empty -> returned 10158; a code that is not a number -> the endpoint's
    // unexpected error (50026); unknown codes -> thrown 50026 "<code>[workflow definition not exist]"; each delete
    // failure -> thrown 50060 naming the definition and the failure text. Codes are looked up in any project.
    private static DsResult BatchDelete(DsRequest r)
    {
        var codes = r.Str("codes");
        if (string.IsNullOrEmpty(codes))
            return DsResult.Error(DsStatuses.WorkflowDefinitionCodesIsEmpty);
        var wanted = new List<long>();
        foreach (var part in JavaText.Split(codes, ','))
        {
            if (!long.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var c))
                throw new FormatException($"For input string: \"{part}\"");
            if (!wanted.Contains(c))
                wanted.Add(c);
        }
        var s = r.Store;
        var found = s.WorkflowDefinitions.All.Where(d => wanted.Contains(d.Code)).ToList();
        var missing = wanted.Where(c => found.All(d => d.Code != c)).ToList();
        if (missing.Count > 0)
            throw new DsServiceException(DsStatuses.BatchDeleteWorkflowDefineByCodesError,
                string.Join(",", missing.Select(c => c + (r.Flavor.Is32 ? "[process definition not exist]" : "[workflow definition not exist]"))));
        foreach (var d in found)
        {
            try
            {
                DeleteDefinition(r, d.Code);
            }
            catch (DsServiceException e)
            {
                throw new DsServiceException(DsStatuses.DeleteWorkflowDefineError, d.Name, r.Flavor.Message(e.Status, e.Args));
            }
        }
        return DsResult.Ok();
    }
}
