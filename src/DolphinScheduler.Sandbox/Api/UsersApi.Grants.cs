using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// Project (and datasource/namespace/UDF) grants of /users. Check order and codes follow UsersServiceImpl; id lists
/// are parsed with Integer.parseInt, so a malformed id fails with the endpoint's error code.
/// </summary>
public static partial class UsersApi
{
    private static void MapGrants(IEndpointRouteBuilder app)
    {
        app.MapDs("POST", "/users/grant-project", GrantProjects);
        app.MapDs("POST", "/users/grant-project-by-code", GrantProjectByCode);
        app.MapDs("POST", "/users/grant-project-with-read-perm", GrantProjectsReadOnly);
        app.MapDs("POST", "/users/revoke-project", RevokeProject);
        app.MapDs("POST", "/users/revoke-project-by-id", RevokeProjectsById);
        app.MapDs("POST", "/users/grant-datasource", GrantDataSources);
        app.MapDs("POST", "/users/grant-namespace", GrantNamespaces);
        app.MapDs("POST", "/users/grant-udf-func", GrantUdfFunctions); // 3.2 only (removed in 3.3)
    }

    // Adds or replaces the listed grants with all permissions; grants of other projects stay (the contract's
    // note says "replaces the user's project grants", but neither 3.2.2 nor 3.3 deletes them). Project ids are
    // not checked for existence.
    private static DsResult GrantProjects(DsRequest r)
    {
        var userId = r.Int("userId");
        if (r.Store.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        var ids = r.Str("projectIds");
        if (string.IsNullOrEmpty(ids))
            return DsResult.Ok();
        SetGrants(r, userId, ParseIds(ids), ProjectUserRow.AllPermissions);
        return DsResult.Ok();
    }

    private static DsResult GrantProjectsReadOnly(DsRequest r)
    {
        var userId = r.Int("userId");
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        if (r.Store.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        var ids = r.Str("projectIds");
        if (string.IsNullOrEmpty(ids))
            return DsResult.Ok();
        SetGrants(r, userId, ParseIds(ids), ProjectUserRow.ReadPermission);
        return DsResult.Ok();
    }

    // The project owner (or an admin) may grant; an existing grant is left as it is (its perm is not raised).
    private static DsResult GrantProjectByCode(DsRequest r)
    {
        var s = r.Store;
        var userId = r.Int("userId");
        var code = r.Long("projectCode");
        if (s.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        var project = s.Projects.All.FirstOrDefault(p => p.Code == code);
        if (project is null)
            return DsResult.Error(DsStatuses.ProjectNotFound, code);
        if (r.User.Id != project.UserId && !r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        if (!s.ProjectUsers.All.Any(g => g.ProjectId == project.Id && g.UserId == userId))
            s.ProjectUsers.Insert(new ProjectUserRow { UserId = userId, ProjectId = project.Id, Perm = ProjectUserRow.AllPermissions, CreateTime = r.Now, UpdateTime = r.Now });
        return DsResult.Ok();
    }

    private static DsResult RevokeProject(DsRequest r)
    {
        var s = r.Store;
        var userId = r.Int("userId");
        var code = r.Long("projectCode");
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        if (s.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        var project = s.Projects.All.FirstOrDefault(p => p.Code == code);
        if (project is null)
            return DsResult.Error(DsStatuses.ProjectNotFound, code);
        s.ProjectUsers.RemoveWhere(g => g.ProjectId == project.Id && g.UserId == userId);
        return DsResult.Ok();
    }

    // Unknown project ids are skipped: DS records PROJECT_NOT_FOUND but then overwrites it with SUCCESS.
    private static DsResult RevokeProjectsById(DsRequest r)
    {
        var s = r.Store;
        var userId = r.Int("userId");
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        if (s.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        foreach (var projectId in ParseIds(r.Str("projectIds")!))
        {
            // queryDetailById joins the owner: a project whose owner is gone counts as missing.
            if (s.Projects.Find(projectId) is { } p && s.Users.Find(p.UserId) is not null)
                s.ProjectUsers.RemoveWhere(g => g.ProjectId == projectId && g.UserId == userId);
        }
        return DsResult.Ok();
    }

    // Datasources, k8s namespaces and UDFs are not modelled: the checks and id parsing run, nothing is stored.
    private static DsResult GrantDataSources(DsRequest r)
    {
        var userId = r.Int("userId");
        if (r.Flavor.GrantDataSourceChecksAdmin && !r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        if (r.Store.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        var ids = r.Str("datasourceIds");
        if (!string.IsNullOrEmpty(ids))
            _ = ParseIds(ids);
        return DsResult.Ok();
    }

    private static DsResult GrantNamespaces(DsRequest r)
    {
        var userId = r.Int("userId");
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        if (r.Store.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        var ids = r.Str("namespaceIds");
        if (!string.IsNullOrEmpty(ids))
            _ = ParseIds(ids);
        return DsResult.Ok();
    }

    private static DsResult GrantUdfFunctions(DsRequest r)
    {
        var userId = r.Int("userId");
        if (r.Store.Users.Find(userId) is null)
            return DsResult.Error(DsStatuses.UserNotExist, userId);
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        var ids = r.Str("udfIds");
        if (!string.IsNullOrEmpty(ids))
            _ = ParseIds(ids);
        return DsResult.Ok();
    }

    /// <summary>Parses every id before anything changes (DS's transaction undoes a half-applied list).</summary>
    private static IReadOnlyList<int> ParseIds(string ids)
        => JavaText.Split(ids, ',').Distinct().Select(JavaText.ParseInt).ToList();

    private static void SetGrants(DsRequest r, int userId, IReadOnlyList<int> projectIds, int perm)
    {
        foreach (var projectId in projectIds)
        {
            r.Store.ProjectUsers.RemoveWhere(g => g.ProjectId == projectId && g.UserId == userId);
            r.Store.ProjectUsers.Insert(new ProjectUserRow { UserId = userId, ProjectId = projectId, Perm = perm, CreateTime = r.Now, UpdateTime = r.Now });
        }
    }
}
