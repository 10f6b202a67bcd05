using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// Project permissions as ProjectServiceImpl checks them. "Authorized" projects of a user are the ones they created
/// plus any grant row (read-only grants included); admins see all. Only project update/delete (and 3.3+'s
/// write checks) demand write access: admin, owner, or a grant with perm 7.
/// Later project-scoped areas use <see cref="CheckAuthorizedOrThrow"/> (30002) or <see cref="CheckWriteOrThrow"/> (30003).
/// </summary>
public static class ProjectAccess
{
    /// <summary>ProjectMapper.listAuthorizedProjects(userId) (admin: userId 0 = all).</summary>
    public static IEnumerable<ProjectRow> Authorized(SandboxStore s, UserRow user)
        => user.IsAdmin ? s.Projects.All : s.Projects.All.Where(p => IsAuthorized(s, user, p));

    public static bool IsAuthorized(SandboxStore s, UserRow user, ProjectRow p)
        => user.IsAdmin || p.UserId == user.Id || s.ProjectUsers.All.Any(g => g.ProjectId == p.Id && g.UserId == user.Id);

    public static bool HasWrite(SandboxStore s, UserRow user, ProjectRow p)
        => user.IsAdmin || p.UserId == user.Id
           || s.ProjectUsers.All.Any(g => g.ProjectId == p.Id && g.UserId == user.Id && g.Perm == ProjectUserRow.AllPermissions);

    public static ProjectRow? ByCode(SandboxStore s, long code) => s.Projects.All.FirstOrDefault(p => p.Code == code);

    /// <summary>hasProjectAndPerm (Result variant): 10018 "project  not found " / 30002 naming the project.</summary>
    public static DsResult? CheckAuthorized(SandboxStore s, UserRow user, ProjectRow? p)
    {
        if (p is null)
            return DsResult.Error(DsStatuses.ProjectNotFound, "");
        return IsAuthorized(s, user, p) ? null : DsResult.Error(DsStatuses.UserNoOperationProjectPerm, user.UserName, p.Name);
    }

    /// <summary>hasProjectAndPerm, Map variant (schedules): 10018 "project  not found " / 30002 with the project code.</summary>
    public static DsResult? CheckAuthorizedByCode(SandboxStore s, UserRow user, ProjectRow? p)
    {
        if (p is null)
            return DsResult.Error(DsStatuses.ProjectNotFound, "");
        return IsAuthorized(s, user, p) ? null : DsResult.Error(DsStatuses.UserNoOperationProjectPerm, user.UserName, p.Code);
    }

    /// <summary>hasProjectAndWritePerm: 10018 "project  not found " / 30003 with the project code.</summary>
    public static DsResult? CheckWrite(SandboxStore s, UserRow user, ProjectRow? p)
    {
        if (p is null)
            return DsResult.Error(DsStatuses.ProjectNotFound, "");
        return HasWrite(s, user, p) ? null : DsResult.Error(DsStatuses.UserNoWriteProjectPerm, user.UserName, p.Code);
    }

    /// <summary>
    /// checkProjectAndAuth (the Result-map variant most read endpoints use): 10190 when the project is missing, before
    /// any permission check, so for every user; 30002 naming the user and the project code.
    /// </summary>
    public static DsResult? CheckProjectAndAuth(SandboxStore s, UserRow user, long projectCode, out ProjectRow? project)
    {
        project = ByCode(s, projectCode);
        if (project is null)
            return DsResult.Error(DsStatuses.ProjectNotExist);
        return IsAuthorized(s, user, project) ? null : DsResult.Error(DsStatuses.UserNoOperationProjectPerm, user.UserName, projectCode);
    }

    /// <summary>checkProjectAndAuthThrowException: 10190 when missing, 30002 with the project code.</summary>
    public static ProjectRow CheckAuthorizedOrThrow(SandboxStore s, UserRow user, long projectCode)
    {
        var p = ByCode(s, projectCode) ?? throw new DsServiceException(DsStatuses.ProjectNotExist);
        return IsAuthorized(s, user, p) ? p : throw new DsServiceException(DsStatuses.UserNoOperationProjectPerm, user.UserName, p.Code);
    }

    /// <summary>checkHasProjectWritePermissionThrowException: 10018 (template unfilled) / 30003.</summary>
    public static ProjectRow CheckWriteOrThrow(SandboxStore s, UserRow user, long projectCode)
    {
        var p = ByCode(s, projectCode) ?? throw new DsServiceException(DsStatuses.ProjectNotFound, null);
        return HasWrite(s, user, p) ? p : throw new DsServiceException(DsStatuses.UserNoWriteProjectPerm, user.UserName, p.Code);
    }
}
