using DolphinScheduler.Sandbox.Auth;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>Login / sign-out / cookie clearing (README §2 "Login / session", §6 "Login / logout").</summary>
public static class AuthApi
{
    public const string SecurityConfigType = "PASSWORD";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapDs("POST", "/login", Login);
        app.MapDs("POST", "/signOut", SignOut);
        app.MapDs("DELETE", "/cookies", ClearCookies);
        app.MapDs("GET", "/oidc-providers", OidcProviders);
        return app;
    }

    // 3.4 only (sandbox-known endpoint, see ContractCatalog.SandboxKnown): the sandbox has no OIDC provider configured.
    private static DsResult OidcProviders(DsRequest r) => DsResult.Ok(Array.Empty<object>());

    private static DsResult Login(DsRequest r)
    {
        var userName = r.Str("userName");
        if (string.IsNullOrEmpty(userName))
            return DsResult.Error(DsStatuses.UserNameNull);

        var hash = Md5.Hex(r.Str("userPassword"));
        var user = r.Store.Users.All.FirstOrDefault(u => u.UserName == userName && u.UserPassword == hash);
        if (user is null)
            return DsResult.Error(DsStatuses.UserNamePasswdError);
        if (user.State == 0)
            return DsResult.Error(DsStatuses.UserDisabled);

        var session = SessionService.CreateIfAbsent(r.Store, user);
        foreach (var (name, value) in new[] { (RequestAuthenticator.SessionIdName, session.Id), ("securityConfigType", SecurityConfigType) })
            r.Http.Response.Cookies.Append(name, value, new CookieOptions { HttpOnly = true, Path = null });
        var data = new Dictionary<string, string>
        {
            ["sessionId"] = session.Id,
            ["securityConfigType"] = SecurityConfigType,
        };
        return DsResult.OkWithMessage(DsStatuses.LoginSuccess, data);
    }

    private static DsResult SignOut(DsRequest r)
    {
        SessionService.ExpireAll(r.Store, r.User.Id);
        return DsResult.Ok();
    }

    // LoginController.clearCookieSessionId: expires each cookie the request carried and returns void (empty 200).
    // With no Cookie header request.getCookies() is null and the loop throws; the handler has no @ApiException,
    // so DS answers Result INTERNAL_SERVER_ERROR_ARGS with the (null) exception message.
    private static DsResult ClearCookies(DsRequest r)
    {
        var cookies = r.Http.Request.Cookies;
        if (cookies.Count == 0)
            throw new InvalidOperationException("null");
        return DsResult.RawResponse(context =>
        {
            foreach (var name in cookies.Keys)
                context.Response.Cookies.Append(name, "", new CookieOptions { MaxAge = TimeSpan.Zero, Expires = DateTimeOffset.UnixEpoch });
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        });
    }
}
