using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>/projects/{projectCode}/task-definition (README §6 "Task definitions"; TaskDefinitionServiceImpl, both versions).</summary>
public static class TaskDefinitionsApi
{
    public static IEndpointRouteBuilder MapTaskDefinitions(this IEndpointRouteBuilder app)
    {
        app.MapDs("GET", "/projects/{projectCode}/task-definition/gen-task-codes", GenTaskCodes);
        app.MapDs("GET", "/projects/{projectCode}/task-definition/{code}", Get);
        return app;
    }

    // genTaskCodeList: no project check at all (the path segment is not read); genNum outside 1..100 -> 50017.
    private static DsResult GenTaskCodes(DsRequest r)
    {
        var genNum = r.Int("genNum");
        if (genNum is < 1 or > 100)
            return DsResult.Error(DsStatuses.DataIsNotValid, genNum);
        var codes = new List<long>(genNum);
        for (var i = 0; i < genNum; i++)
            codes.Add(r.Store.Codes.Next());
        return DsResult.Ok(codes);
    }

    // queryTaskDefinitionDetail: the current task row (TaskDefinitionVO) with the current edges that lead into it from
    // another task (pre code != 0); 50030 (code as text) when missing or in another project.
    private static DsResult Get(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, projectCode, out _) is { } denied)
            return denied;
        var code = r.Long("code");
        var task = s.TaskDefinitions.All.FirstOrDefault(t => t.Code == code);
        if (task is null || task.ProjectCode != projectCode)
            return DsResult.Error(DsStatuses.TaskDefineNotExist, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var edges = s.WorkflowTaskRelations.All.Where(x => x.ProjectCode == projectCode && x.PostTaskCode == code && x.PreTaskCode != 0)
            .Select(WorkflowTaskRelationView.From).ToList();
        return DsResult.Ok(TaskDefinitionView.From(task, edges));
    }
}
