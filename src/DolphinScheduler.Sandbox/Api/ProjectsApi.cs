using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /projects (README §6 "Projects", ProjectServiceImpl). Errors are returned results, so POST /projects answers
/// HTTP 201 even with 10019 (README §10.2). Any user may create projects; a general user sees projects they
/// created or were granted (<see cref="ProjectAccess"/>).
/// </summary>
public static partial class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        app.MapDs("POST", "/projects", Create);
        app.MapDs("GET", "/projects", ListPaging);
        app.MapDs("GET", "/projects/list", List);
        app.MapDs("GET", "/projects/{code}", Get);
        app.MapDs("PUT", "/projects/{code}", Update);
        app.MapDs("DELETE", "/projects/{code}", Delete);
        MapAuthorizations(app);
        return app;
    }

    private static DsResult Create(DsRequest r)
    {
        var s = r.Store;
        var description = r.Str("description");
        if (!string.IsNullOrEmpty(description) && CheckUtils.DescriptionTooLong(description))
            return DsResult.Error(DsStatuses.DescriptionTooLongError);
        var name = r.Str("projectName")!;
        if (s.Projects.All.Any(p => p.Name == name))
            return DsResult.Error(DsStatuses.ProjectAlreadyExists, name);
        var now = r.Now;
        var project = s.Projects.Insert(new ProjectRow
        {
            Name = name, Code = s.Codes.Next(), Description = description, UserId = r.User.Id, CreateTime = now, UpdateTime = now,
        });
        return DsResult.Ok(ProjectView.From(project, userName: r.User.UserName));
    }

    // Non-admins get perm 7 on every listed project whatever their grant (DS sets DEFAULT_ADMIN_PERMISSION).
    private static DsResult ListPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var search = r.Str("searchVal");
        var rows = ProjectAccess.Authorized(s, r.User)
            .Where(p => Paging.Like(p.Name, search) || Paging.Like(p.Description, search))
            .OrderByDescending(p => p.Id)
            .Select(p => WithOwnerAndCounts(s, p, r.User.IsAdmin ? 0 : ProjectUserRow.AllPermissions));
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    // queryAllProject: admins get all projects, others only the ones they created (grants do not count here).
    private static DsResult List(DsRequest r)
        => DsResult.Ok(r.Store.Projects.All.Where(p => r.User.IsAdmin || p.UserId == r.User.Id).Select(p => ProjectView.From(p)).ToList());

    private static DsResult Get(DsRequest r)
    {
        var project = ProjectAccess.ByCode(r.Store, r.Long("code"));
        return ProjectAccess.CheckAuthorized(r.Store, r.User, project) ?? DsResult.Ok(ProjectView.From(project!));
    }

    private static DsResult Update(DsRequest r)
    {
        var s = r.Store;
        var description = r.Str("description");
        if (!string.IsNullOrEmpty(description) && CheckUtils.DescriptionTooLong(description))
            return DsResult.Error(DsStatuses.DescriptionTooLongError);
        var project = ProjectAccess.ByCode(s, r.Long("code"));
        if (ProjectAccess.CheckWrite(s, r.User, project) is { } denied)
            return denied;
        var name = r.Str("projectName")!;
        if (s.Projects.All.Any(p => p.Name == name && p.Code != project!.Code))
            return DsResult.Error(DsStatuses.ProjectAlreadyExists, name);
        project!.Name = name;
        project.Description = description;
        project.UpdateTime = r.Now;
        project.UserId = r.User.Id; // sic: ProjectServiceImpl.update makes the updating user the owner
        return DsResult.Ok(ProjectView.From(project));
    }

    private static DsResult Delete(DsRequest r)
    {
        var s = r.Store;
        var project = ProjectAccess.ByCode(s, r.Long("code"));
        if (ProjectAccess.CheckWrite(s, r.User, project) is { } denied)
            return denied;
        if (s.Hooks.CountWorkflowDefinitions(project!.Code) > 0)
            return DsResult.Error(DsStatuses.DeleteProjectErrorDefinesNotNull);
        s.Projects.Remove(project.Id); // grants stay behind, as in DS
        return DsResult.Ok(true);
    }

    /// <summary>
    /// A row of the project paging query: owner name and definition count (3.2 also the running-instance count;
    /// instRunningCount is dropped from 3.3+ JSON by the flavour).
    /// </summary>
    private static ProjectView WithOwnerAndCounts(SandboxStore s, ProjectRow p, int perm)
        => ProjectView.From(p,
            userName: s.Users.Find(p.UserId)?.UserName,
            perm: perm,
            defCount: s.Hooks.CountWorkflowDefinitions(p.Code),
            instRunningCount: s.Hooks.CountRunningWorkflowInstances(p.Code));
}
