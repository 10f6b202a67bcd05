using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /projects/{projectCode}/workflow-definition (3.2: process-definition), README §6 "Workflow definitions";
/// WorkflowDefinitionServiceImpl (dev-2501) / ProcessDefinitionServiceImpl (3.2.2).
/// </summary>
public static partial class WorkflowDefinitionsApi
{
    public static IEndpointRouteBuilder MapWorkflowDefinitions(this IEndpointRouteBuilder app)
    {
        var store = app.ServiceProvider.GetRequiredService<SandboxStore>();
        store.Hooks.CountWorkflowDefinitions = projectCode => store.WorkflowDefinitions.All.Count(d => d.ProjectCode == projectCode);

        app.MapDs("GET", "/projects/{projectCode}/workflow-definition/simple-list", SimpleList);
        return app;
    }

    // queryWorkflowDefinitionSimpleList: checkProjectAndAuth (10190 for a missing project, any user), then
    // {id, code, name, projectCode} per definition, newest first (queryAllDefinitionList: order by create_time desc).
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
}
