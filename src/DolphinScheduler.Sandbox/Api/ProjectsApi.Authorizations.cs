using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>Who-may-see-what queries of /projects (authorization levels, grants, dependent picker).</summary>
public static partial class ProjectsApi
{
    private static void MapAuthorizations(IEndpointRouteBuilder app)
    {
        app.MapDs("GET", "/projects/authed-user", AuthorizedUsers);
        app.MapDs("GET", "/projects/authed-project", GrantedProjects);
        app.MapDs("GET", "/projects/unauth-project", UngrantedProjects);
        app.MapDs("GET", "/projects/created-and-authed", CreatedAndAuthorized);
        app.MapDs("GET", "/projects/project-with-authorized-level", WithAuthorizedLevel);
        app.MapDs("GET", "/projects/project-with-authorized-level-list-paging", WithAuthorizedLevelPaging);
        app.MapDs("GET", "/projects/list-dependent", ListForDependent);
    }

    // Users holding a grant on the project (queryAuthedUserListByProjectId selects the password column too).
    private static DsResult AuthorizedUsers(DsRequest r)
    {
        var s = r.Store;
        var project = ProjectAccess.ByCode(s, r.Long("projectCode"));
        if (ProjectAccess.CheckAuthorized(s, r.User, project) is { } denied)
            return denied;
        var userIds = s.ProjectUsers.All.Where(g => g.ProjectId == project!.Id).Select(g => g.UserId).ToHashSet();
        return DsResult.Ok(s.Users.All.Where(u => userIds.Contains(u.Id)).Select(u => UserView.Columns(u)).ToList());
    }

    // Projects granted to the user (grant rows only, not created ones); DS checks no permission here.
    private static DsResult GrantedProjects(DsRequest r)
        => DsResult.Ok(Granted(r.Store, r.Int("userId")).Select(p => ProjectView.From(p)).ToList());

    // Projects the caller may see minus those granted to the user.
    private static DsResult UngrantedProjects(DsRequest r)
    {
        var granted = Granted(r.Store, r.Int("userId")).Select(p => p.Id).ToHashSet();
        return DsResult.Ok(ProjectAccess.Authorized(r.Store, r.User).Where(p => !granted.Contains(p.Id)).Select(p => ProjectView.From(p)).ToList());
    }

    private static DsResult CreatedAndAuthorized(DsRequest r)
        => DsResult.Ok(ProjectAccess.Authorized(r.Store, r.User).Select(p => ProjectView.From(p)).ToList());

    // Granted projects first with perm 7 (whatever the grant's perm: DS sets 7), then the caller's other visible
    // projects with perm 0. Nothing at all when the caller sees no project.
    private static DsResult WithAuthorizedLevel(DsRequest r)
    {
        var s = r.Store;
        var visible = ProjectAccess.Authorized(s, r.User).ToList();
        if (visible.Count == 0)
            return DsResult.Ok(Array.Empty<ProjectView>());
        var granted = Granted(s, r.Int("userId")).ToList();
        var grantedIds = granted.Select(p => p.Id).ToHashSet();
        var result = granted.Select(p => ProjectView.From(p, perm: ProjectUserRow.AllPermissions))
            .Concat(visible.Where(p => !grantedIds.Contains(p.Id)).Select(p => ProjectView.From(p, perm: 0)))
            .ToList();
        return DsResult.Ok(result);
    }

    // The caller's visible projects, each with the target user's perm: the grant's perm, 7 when the target
    // created it (or is admin), 0 otherwise.
    private static DsResult WithAuthorizedLevelPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var userId = r.Int("userId");
        var target = s.Users.Find(userId);
        var targetIds = target is null ? [] : ProjectAccess.Authorized(s, target).Select(p => p.Id).ToHashSet();
        var search = r.Str("searchVal");
        var rows = ProjectAccess.Authorized(s, r.User)
            .Where(p => Paging.Like(p.Name, search) || Paging.Like(p.Description, search))
            .OrderByDescending(p => p.Id)
            .Select(p =>
            {
                var perm = !targetIds.Contains(p.Id) ? 0
                    : s.ProjectUsers.All.FirstOrDefault(g => g.ProjectId == p.Id && g.UserId == userId)?.Perm ?? ProjectUserRow.AllPermissions;
                return r.Flavor.AuthorizedLevelPagingFillsOwnerAndCounts ? WithOwnerAndCounts(s, p, perm) : ProjectView.From(p, perm: perm);
            });
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    private static DsResult ListForDependent(DsRequest r)
        => DsResult.Ok(r.Store.Projects.All.Select(ProjectView.CodeAndName).ToList());

    private static IEnumerable<ProjectRow> Granted(SandboxStore s, int userId)
    {
        var ids = s.ProjectUsers.All.Where(g => g.UserId == userId).Select(g => g.ProjectId).ToHashSet();
        return s.Projects.All.Where(p => ids.Contains(p.Id));
    }
}
