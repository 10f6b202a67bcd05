using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api;

public static partial class WorkflowDefinitionsApi
{
    // queryWorkflowDefinitionSimpleList: checkProjectAndAuth (10190 for a missing project, any user), then
    // {id, code, name, projectCode} per definition.
    private static DsResult SimpleList(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var items = AllOfProject(s, projectCode)
            .Select(d => new Dictionary<string, object> { ["id"] = d.Id, ["code"] = d.Code, ["name"] = d.Name, ["projectCode"] = d.ProjectCode })
            .ToList();
        return DsResult.Ok(items);
    }

    /// <summary>queryAllDefinitionList: the project's definitions, <c>order by create_time desc</c> (newest id first on ties).</summary>
    private static IEnumerable<WorkflowDefinitionRow> AllOfProject(SandboxStore s, long projectCode)
        => s.WorkflowDefinitions.All.Where(d => d.ProjectCode == projectCode).OrderByDescending(d => d.CreateTime).ThenByDescending(d => d.Id);

    // queryWorkflowDefinitionListPaging: checkProjectAndAuthThrowException, then the listing query (userId filter,
    // searchVal in name or description, order by update_time desc, id asc) with creator/modifier names and the
    // workflow's schedule.
    private static DsResult ListPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var userId = r.Int("userId");
        var search = r.Str("searchVal");
        var rows = s.WorkflowDefinitions.All
            .Where(d => d.ProjectCode == projectCode && (userId == 0 || d.UserId == userId))
            .Where(d => string.IsNullOrEmpty(search) || Paging.Like(d.Name, search) || Paging.Like(d.Description, search))
            .OrderByDescending(d => d.UpdateTime).ThenBy(d => d.Id)
            .ToList();
        var page = PageInfo.Of(rows, pageNo, pageSize);
        return DsResult.Ok(new PageInfo<WorkflowDefinitionView>
        {
            TotalList = page.TotalList.Select(d => ListItem(s, d)).ToList(),
            Total = page.Total,
            PageSize = page.PageSize,
            CurrentPage = page.CurrentPage,
        });
    }

    private static WorkflowDefinitionView ListItem(SandboxStore s, WorkflowDefinitionRow d)
    {
        // queryUserWithWorkflowDefinitionCode: creator = the definition's user, modifier = operator of the current version.
        var log = s.WorkflowDefinitionLogs.All.FirstOrDefault(x => x.Code == d.Code && x.Version == d.Version);
        string? creator = null, modifier = null;
        if (log is not null)
        {
            creator = s.Users.Find(d.UserId)?.UserName;
            modifier = s.Users.Find(log.Operator)?.UserName;
        }
        return WorkflowDefinitionView.Read(d, userName: creator, schedule: WorkflowDags.Schedule(s, d.Code), modifyBy: modifier);
    }

    private static DsResult ListDags(DsRequest r) => ProjectDags(r);

    private static DsResult AllDags(DsRequest r) => ProjectDags(r);

    // queryWorkflowDefinitionList / queryAllWorkflowDefinitionByProjectCode: genDagData for every definition.
    private static DsResult ProjectDags(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        return DsResult.Ok(AllOfProject(s, projectCode).Select(d => DagDataView.From(WorkflowDags.Dag(s, d.Code, d.Version)!)).ToList());
    }

    // queryWorkflowDefinitionByCode: 50003 (code as text) when missing or in another project.
    private static DsResult Get(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var code = r.Long("code");
        var d = WorkflowDags.Definition(s, code);
        if (d is null || d.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, Text(code));
        return DsResult.Ok(DagDataView.From(WorkflowDags.Dag(s, code, d.Version)!));
    }

    // queryWorkflowDefinitionByName: the definition query joins creator and project names; 50003 names the name.
    private static DsResult QueryByName(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out var project) is { } denied)
            return denied;
        var name = r.Str("name");
        var d = s.WorkflowDefinitions.All.FirstOrDefault(x => x.ProjectCode == projectCode && x.Name == name);
        if (d is null)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, name);
        var view = WorkflowDefinitionView.Read(d, userName: s.Users.Find(d.UserId)?.UserName, projectName: project!.Name);
        return DsResult.Ok(DagDataView.From(WorkflowDags.Dag(s, d.Code, d.Version)!, view));
    }

    // verifyWorkflowDefinitionName: the trimmed name; the definition with the given code may keep its own name.
    private static DsResult VerifyName(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var name = r.Str("name")!.Trim();
        var d = s.WorkflowDefinitions.All.FirstOrDefault(x => x.ProjectCode == projectCode && x.Name == name);
        var code = r.Long("workflowDefinitionCode");
        if (d is null || (code != 0 && code == d.Code))
            return DsResult.Ok();
        return DsResult.Error(DsStatuses.WorkflowDefinitionNameExist, name);
    }

    // getTaskNodeListByDefinitionCode: the DagData's task list.
    private static DsResult Tasks(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var code = r.Long("code");
        var d = WorkflowDags.Definition(s, code);
        if (d is null || d.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, Text(code));
        return DsResult.Ok(WorkflowDags.Dag(s, code, d.Version)!.Tasks.Select(t => TaskDefinitionView.From(t)).ToList());
    }

    // getNodeListMapByDefinitionCodes: codes looked up in any project, kept when the project is one the user created
    // or was granted; none found -> 50003 naming the codes text. A code that is not a number is the endpoint error.
    private static DsResult BatchQueryTasks(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var codesText = r.Str("codes")!;
        var codes = new HashSet<long>();
        foreach (var part in JavaText.Split(codesText, ','))
            codes.Add(long.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var c)
                ? c : throw new FormatException($"For input string: \"{part}\""));
        var definitions = s.WorkflowDefinitions.All.Where(d => codes.Contains(d.Code)).ToList();
        if (definitions.Count == 0)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, codesText);
        // queryProjectCreatedAndAuthorizedByUserId: created or granted, for admins too.
        var mine = s.Projects.All.Where(p => p.UserId == r.User.Id || s.ProjectUsers.All.Any(g => g.ProjectId == p.Id && g.UserId == r.User.Id))
            .Select(p => p.Code).ToHashSet();
        var inProject = definitions.Where(d => mine.Contains(d.ProjectCode)).ToList();
        if (inProject.Count == 0)
            throw new ArgumentOutOfRangeException(nameof(codes), "Index 0 out of bounds for length 0"); // DS logs .get(0) of the empty list
        var map = new Dictionary<string, List<TaskDefinitionView>>(StringComparer.Ordinal);
        foreach (var d in inProject)
            map[Text(d.Code)] = WorkflowDags.Dag(s, d.Code, d.Version)!.Tasks.Select(t => TaskDefinitionView.From(t)).ToList();
        return DsResult.Ok(map);
    }

    // queryWorkflowDefinitionListByProjectCode (dependent picker): {code, name, version} of every definition of the
    // path's project, without any permission check.
    private static DsResult DependentDefinitionList(DsRequest r)
    {
        var projectCode = r.Long("projectCode");
        return DsResult.Ok(r.Store.WorkflowDefinitions.All.Where(d => d.ProjectCode == projectCode)
            .Select(d => new Dictionary<string, object> { ["code"] = d.Code, ["name"] = d.Name, ["version"] = d.Version }).ToList());
    }

    // queryTaskDefinitionListByWorkflowDefinitionCode: {code, name, version} of the tasks of the definition's current
    // version; an unknown definition makes DS read element 0 of an empty list (the endpoint's error code).
    private static DsResult DependentTaskList(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        var code = r.Long("workflowDefinitionCode");
        var d = WorkflowDags.Definition(s, code);
        if (d is null || d.ProjectCode != projectCode)
            throw new ArgumentOutOfRangeException(nameof(code), "Index 0 out of bounds for length 0");
        var tasks = s.WorkflowTaskRelationLogs.All.Where(x => x.WorkflowDefinitionCode == code && x.WorkflowDefinitionVersion == d.Version)
            .SelectMany(x => new[] { (x.PreTaskCode, x.PreTaskVersion), (x.PostTaskCode, x.PostTaskVersion) })
            .Where(x => x.Item1 != 0).Distinct()
            .Select(x => WorkflowDags.TaskVersion(s, x.Item1, x.Item2)).Where(t => t is not null)
            .OrderBy(t => t!.Id)
            .Select(t => new Dictionary<string, object?> { ["code"] = t!.Code, ["name"] = t.Name, ["version"] = t.Version })
            .ToList();
        return DsResult.Ok(tasks);
    }

    // viewVariables: globalParams as Property list, localParams per task name (tasks with a non-empty localParams).
    private static DsResult ViewVariables(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var code = r.Long("code");
        var d = WorkflowDags.Definition(s, code);
        if (d is null || d.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.WorkflowDefinitionNotExist, code);
        var taskCodes = s.WorkflowTaskRelations.All.Where(x => x.WorkflowDefinitionCode == code)
            .SelectMany(x => new[] { x.PreTaskCode, x.PostTaskCode }).Where(c => c > 0).ToHashSet();
        var local = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var t in s.TaskDefinitions.All.Where(t => taskCodes.Contains(t.Code)).OrderBy(t => t.Code))
        {
            var (list, _) = TaskDefinitionView.LocalParams(t.TaskParams);
            if (list is { Count: > 0 } && t.Name is not null)
                local[t.Name] = new Dictionary<string, object?> { ["taskType"] = t.TaskType, ["localParamsList"] = list };
        }
        return DsResult.Ok(new Dictionary<string, object?>
        {
            ["globalParams"] = PropertyView.ListOf(d.GlobalParams),
            ["localParams"] = local,
        });
    }

    private static string Text(long code) => code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
