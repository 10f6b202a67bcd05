using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Auth;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /access-tokens (README §6 "Access tokens", AccessTokenServiceImpl). All errors are thrown ServiceExceptions,
/// so they come back as HTTP 200 even on the CREATED endpoints. Non-admins may create tokens for themselves only
/// and cannot update or delete tokens at all (the ACCESS_TOKEN permission check only admits admins).
/// </summary>
public static class AccessTokensApi
{
    public static IEndpointRouteBuilder MapAccessTokens(this IEndpointRouteBuilder app)
    {
        app.MapDs("POST", "/access-tokens", Create);
        app.MapDs("POST", "/access-tokens/generate", Generate);
        app.MapDs("GET", "/access-tokens", ListPaging);
        app.MapDs("GET", "/access-tokens/user/{userId}", ListOfUser);
        app.MapDs("PUT", "/access-tokens/{id}", Update);
        app.MapDs("DELETE", "/access-tokens/{id}", Delete);
        return app;
    }

    private static DsResult Create(DsRequest r)
    {
        var userId = r.Int("userId");
        if (!r.User.IsAdmin && r.User.Id != userId)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
        if (userId <= 0)
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "User id: " + userId + " should not less than or equals to 0.");
        var expireTime = r.Str("expireTime")!;
        var token = r.Str("token");
        var now = r.Now;
        var row = r.Store.AccessTokens.Insert(new AccessTokenRow
        {
            UserId = userId,
            Token = string.IsNullOrWhiteSpace(token) ? NewToken(userId, expireTime, r.Store) : token,
            ExpireTime = DsDates.Parse(expireTime, r.User.TimeZone),
            CreateTime = now,
            UpdateTime = now,
        });
        return DsResult.Ok(AccessTokenView.From(row));
    }

    // Only returns a candidate string; nothing is checked or stored.
    private static DsResult Generate(DsRequest r)
        => DsResult.Ok(NewToken(r.Int("userId"), r.Str("expireTime")!, r.Store));

    private static DsResult ListPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var rows = s.AccessTokens.All
            .Where(t => r.User.IsAdmin || t.UserId == r.User.Id)
            .Select(t => (Token: t, UserName: s.Users.Find(t.UserId)?.UserName))
            .Where(x => Paging.Like(x.UserName, r.Str("searchVal")))
            .OrderByDescending(x => x.Token.UpdateTime).ThenByDescending(x => x.Token.Id)
            .Select(x => AccessTokenView.From(x.Token, x.UserName));
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    // Admins get every token whatever the path says (DS queries with userId 0 for admins).
    private static DsResult ListOfUser(DsRequest r)
    {
        var userId = r.Int("userId");
        if (!r.User.IsAdmin && r.User.Id != userId)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
        var tokens = r.Store.AccessTokens.All.Where(t => r.User.IsAdmin || t.UserId == userId);
        return DsResult.Ok(tokens.Select(t => AccessTokenView.From(t)).ToList());
    }

    private static DsResult Update(DsRequest r)
    {
        var id = r.Int("id");
        if (!r.User.IsAdmin)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
        var row = r.Store.AccessTokens.Find(id) ?? throw new DsServiceException(DsStatuses.AccessTokenNotExist, id);
        var userId = r.Int("userId");
        var expireTime = r.Str("expireTime")!;
        var token = r.Str("token");
        row.UserId = userId;
        row.ExpireTime = DsDates.Parse(expireTime, r.User.TimeZone);
        row.Token = string.IsNullOrWhiteSpace(token) ? NewToken(userId, expireTime, r.Store) : token;
        row.UpdateTime = r.Now;
        return DsResult.Ok(AccessTokenView.From(row));
    }

    private static DsResult Delete(DsRequest r)
    {
        var id = r.Int("id");
        if (!r.User.IsAdmin)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
        if (r.Store.AccessTokens.Find(id) is null)
            throw new DsServiceException(DsStatuses.AccessTokenNotExist, id);
        r.Store.AccessTokens.Remove(id);
        return DsResult.Ok(false); // sic: DS answers data=false on success (README §10.8)
    }

    /// <summary>EncryptionUtils.getMd5(userId + expireTime + System.currentTimeMillis()).</summary>
    private static string NewToken(int userId, string expireTime, SandboxStore store)
        => Md5.Hex(userId + expireTime + store.Clock.GetUtcNow().ToUnixTimeMilliseconds() + Guid.NewGuid().ToString("N"));
}
