using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Auth;

/// <summary>
/// DS <c>LoginHandlerInterceptor</c> (README §2): a non-empty <c>token</c> header decides alone (a valid session does
/// not rescue a bad token); otherwise the <c>sessionId</c> header, falling back to the cookie. Disabled users fail.
/// Session age is not checked here (quirk §10.13).
/// </summary>
public static class RequestAuthenticator
{
    public const string TokenHeader = "token";
    public const string SessionIdName = "sessionId";

    /// <summary>The authenticated user, or null (the caller answers 401 with an empty body). Call under the store gate.</summary>
    public static UserRow? Authenticate(HttpRequest request, SandboxStore store)
    {
        var token = request.Headers[TokenHeader].ToString();
        UserRow? user;
        if (token.Length > 0)
        {
            var now = store.Now;
            var match = store.AccessTokens.All.FirstOrDefault(t => t.Token == token && t.ExpireTime > now);
            user = match is null ? null : store.Users.Find(match.UserId);
        }
        else
        {
            var sessionId = request.Headers[SessionIdName].ToString();
            if (string.IsNullOrWhiteSpace(sessionId))
                sessionId = request.Cookies[SessionIdName];
            user = !string.IsNullOrWhiteSpace(sessionId) && store.Sessions.TryGetValue(sessionId, out var session)
                ? store.Users.Find(session.UserId)
                : null;
        }
        return user is { State: 0 } ? null : user;
    }

    /// <summary>
    /// Paths the interceptor excludes (README §2) that exist in the contract, plus 3.4.1's <c>/oidc-providers</c>,
    /// which the login page reads before anyone is logged in.
    /// </summary>
    public static bool IsExempt(string flavorPath)
        => flavorPath == "/login" || flavorPath.StartsWith("/login/", StringComparison.Ordinal) || flavorPath == "/cookies"
           || flavorPath == "/oidc-providers";
}
