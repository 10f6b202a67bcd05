using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Auth;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /users (README §6 "Users"), following UsersController/UsersServiceImpl: errors the service returns keep the
/// endpoint's HTTP status (201 on create), errors it throws (update) are HTTP 200.
/// </summary>
public static partial class UsersApi
{
    /// <summary>The JVM zone get-user-info reports when the user has none (the sandbox runs in UTC).</summary>
    public const string ServerTimeZone = "UTC";

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        app.MapDs("GET", "/users/get-user-info", GetUserInfo);
        app.MapDs("POST", "/users/create", Create);
        app.MapDs("GET", "/users/list-paging", ListPaging);
        app.MapDs("GET", "/users/list", ListGeneralUsers);
        app.MapDs("GET", "/users/list-all", ListEnabledUsers);
        app.MapDs("POST", "/users/update", Update);
        app.MapDs("POST", "/users/delete", Delete);
        app.MapDs("GET", "/users/verify-user-name", VerifyUserName);
        app.MapDs("POST", "/users/activate", Activate);
        app.MapDs("GET", "/users/authed-user", AlertGroupUsers);
        app.MapDs("GET", "/users/unauth-user", UsersOutsideAlertGroup);
        MapGrants(app);
        return app;
    }

    private static DsResult GetUserInfo(DsRequest r)
    {
        var u = r.User;
        // Admins get the login user as loaded (no queueName); others the queryDetailsById projection.
        var view = u.IsAdmin
            ? UserView.Columns(u, tenantCode: r.Store.Tenants.Find(u.TenantId)?.TenantCode)
            : UserQueries.Details(r.Store, u);
        return DsResult.Ok(view with
        {
            UserPassword = null,
            TimeZone = string.IsNullOrEmpty(u.TimeZone) ? ServerTimeZone : u.TimeZone,
        });
    }

    private static DsResult Create(DsRequest r)
    {
        var s = r.Store;
        var userName = r.Str("userName")!;
        var password = r.Str("userPassword")!;
        var email = r.Str("email")!;
        var phone = r.Str("phone");
        // The controller verifies the name before the service checks anything else (even admin rights).
        if (s.Users.All.Any(u => u.UserName == userName))
            return DsResult.Error(DsStatuses.UserNameExist);

        string? invalid = !CheckUtils.UserName(userName) ? userName
            : !CheckUtils.Password(password) ? password
            : !CheckUtils.Email(email) ? email
            : !CheckUtils.Phone(phone) ? phone
            : null;
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        // DS tests StringUtils.isEmpty(msg): an empty invalid value (e.g. empty password) slips through, as here.
        if (!string.IsNullOrEmpty(invalid))
            return DsResult.Error(DsStatuses.RequestParamsNotValidError, invalid);
        var tenantId = r.Int("tenantId");
        if (TenantQueries.ById(s, tenantId) is null)
            return DsResult.Error(DsStatuses.TenantNotExist);

        var now = r.Now;
        var user = s.Users.Insert(new UserRow
        {
            UserName = userName,
            UserPassword = Md5.Hex(password),
            Email = email,
            TenantId = tenantId,
            Phone = phone,
            State = r.Int("state"),
            UserType = UserType.GENERAL_USER,
            Queue = r.Str("queue") ?? "",
            CreateTime = now,
            UpdateTime = now,
        });
        return DsResult.Ok(UserView.Columns(user)); // echoes the MD5 hash (README §10.8)
    }

    private static DsResult ListPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        var rows = r.Store.Users.All
            .Where(u => Paging.Like(u.UserName, r.Str("searchVal")))
            .OrderByDescending(u => u.UpdateTime).ThenByDescending(u => u.Id)
            .Select(u => UserQueries.PagingRow(r.Store, u));
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    // GET /users/list is queryAllGeneralUsers in UsersController (3.2.2 and 3.3): admin only, user_type = 1.
    private static DsResult ListGeneralUsers(DsRequest r)
    {
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        return DsResult.Ok(r.Store.Users.All.Where(u => u.UserType == UserType.GENERAL_USER).Select(u => UserView.Columns(u)).ToList());
    }

    // GET /users/list-all is queryUserList: enabled users (state = 1); the ACCESS_TOKEN permission check admits admins only.
    private static DsResult ListEnabledUsers(DsRequest r)
    {
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        return DsResult.Ok(r.Store.Users.All.Where(u => u.State == 1).Select(u => UserView.Columns(u)).ToList());
    }

    private static DsResult Update(DsRequest r)
    {
        var s = r.Store;
        var login = r.User;
        var id = r.Int("id");
        if (login.Id != id && !login.IsAdmin)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
        var user = s.Users.Find(id) ?? throw new DsServiceException(DsStatuses.UserNotExist, id);

        var tenantId = r.Int("tenantId");
        var queue = r.Str("queue") ?? "";
        if (!login.IsAdmin && (user.TenantId != tenantId || (queue.Length > 0 && queue != user.Queue)))
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);

        var userName = r.Str("userName");
        if (!string.IsNullOrEmpty(userName))
        {
            if (!CheckUtils.UserName(userName))
                throw new DsServiceException(DsStatuses.RequestParamsNotValidError, userName);
            if (s.Users.All.Any(u => u.UserName == userName && u.Id != id))
                throw new DsServiceException(DsStatuses.UserNameExist);
        }
        var password = r.Str("userPassword");
        if (!string.IsNullOrEmpty(password) && !CheckUtils.PasswordLength(password))
            throw new DsServiceException(DsStatuses.UserPasswordLengthError);
        var email = r.Str("email");
        if (!string.IsNullOrEmpty(email) && !CheckUtils.Email(email))
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, email);
        var phone = r.Str("phone");
        if (!string.IsNullOrEmpty(phone) && !CheckUtils.Phone(phone))
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, phone);
        var state = r.Int("state");
        if (state == 0 && user.State != state && login.Id == user.Id)
            throw new DsServiceException(DsStatuses.NotAllowToDisableOwnAccount);
        var timeZone = r.Str("timeZone");
        if (!string.IsNullOrEmpty(timeZone) && !CheckUtils.TimeZone(timeZone))
            throw new DsServiceException(DsStatuses.TimeZoneIllegal, timeZone);

        // All checks passed: apply (DS's transaction rolls back partial changes on a failed check).
        if (!string.IsNullOrEmpty(userName))
            user.UserName = userName;
        if (!string.IsNullOrEmpty(password))
        {
            user.UserPassword = Md5.Hex(password);
            SessionService.ExpireAll(s, user.Id); // even when unchanged (quirk §10.13)
        }
        if (!string.IsNullOrEmpty(email))
            user.Email = email;
        if (!string.IsNullOrEmpty(timeZone))
            user.TimeZone = timeZone;
        user.Phone = phone;
        user.Queue = queue;
        user.State = state;
        user.TenantId = tenantId;
        user.UpdateTime = r.Now;
        return DsResult.Ok(UserView.Columns(user));
    }

    private static DsResult Delete(DsRequest r)
    {
        var s = r.Store;
        var id = r.Int("id");
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm, id);
        if (s.Users.Find(id) is null)
            return DsResult.Error(DsStatuses.UserNotExist, id);
        var owned = s.Projects.All.Where(p => p.UserId == id).Select(p => p.Name).ToList();
        if (owned.Count > 0)
            return DsResult.Error(DsStatuses.TransformProjectOwnership, string.Join(",", owned));

        s.AccessTokens.RemoveWhere(t => t.UserId == id);
        SessionService.ExpireAll(s, id);
        s.Users.Remove(id); // project grants stay behind, as in DS
        return DsResult.Ok();
    }

    private static DsResult VerifyUserName(DsRequest r)
        => r.Store.Users.All.Any(u => u.UserName == r.Str("userName"))
            ? DsResult.Error(DsStatuses.UserNameExist)
            : DsResult.Ok();

    private static DsResult Activate(DsRequest r)
    {
        var s = r.Store;
        var userName = r.Str("userName")!;
        if (!r.User.IsAdmin)
            return DsResult.Error(DsStatuses.UserNoOperationPerm);
        if (!CheckUtils.UserName(userName))
            return DsResult.Error(DsStatuses.RequestParamsNotValidError, userName);
        var user = s.Users.All.FirstOrDefault(u => u.UserName == userName);
        if (user is null)
            return DsResult.Error(DsStatuses.UserNotExist, userName);
        if (user.State != 0)
            return DsResult.Error(DsStatuses.RequestParamsNotValidError, userName);
        user.State = 1;
        user.UpdateTime = r.Now;
        return DsResult.Ok(UserQueries.WithTenantCode(s, user));
    }

    // Alert groups are not modelled: the only one DS seeds (id 1) has no members, so nobody is "authed".
    private static DsResult AlertGroupUsers(DsRequest r)
        => r.User.IsAdmin ? DsResult.Ok(Array.Empty<UserView>()) : DsResult.Error(DsStatuses.UserNoOperationPerm);

    private static DsResult UsersOutsideAlertGroup(DsRequest r)
        => r.User.IsAdmin
            ? DsResult.Ok(r.Store.Users.All.Select(u => UserView.Columns(u)).ToList())
            : DsResult.Error(DsStatuses.UserNoOperationPerm);
}
