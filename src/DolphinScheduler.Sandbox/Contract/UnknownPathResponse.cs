using DolphinScheduler.Sandbox.Auth;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// What DS answers for a path no controller has (docs/server-compatibility.md, "Detecting the server version"):
/// <c>DsErrorController</c> turns the 404 into HTTP 200 by forwarding to the web UI's <c>index.html</c>, so an
/// authenticated caller gets <b>200 text/html</b>. Without authentication the sandbox answers like the standalone
/// server, whose <c>/**</c> resource handler runs the login interceptor first: <b>401, empty body</b> (the api-server
/// deployment would answer 200 HTML here; clients must probe after logging in either way). Paths the interceptor
/// excludes (<c>/login/**</c>, <c>*.html</c>, <c>/ui/**</c>, <c>/error</c>, …) get the page without authentication.
/// Outside the servlet context path Jetty itself answers a plain 404 page.
/// </summary>
public static class UnknownPathResponse
{
    private const string IndexPage =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>DolphinScheduler</title></head>\n" +
        "<body><div id=\"app\"></div><!-- DolphinScheduler sandbox: no such endpoint in this server version --></body>\n</html>\n";

    private const string JettyNotFound =
        "<html>\n<head><meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/><title>Error 404 Not Found</title></head>\n" +
        "<body><h2>HTTP ERROR 404 Not Found</h2></body>\n</html>\n";

    public static Task WriteAsync(HttpContext context, SandboxStore store)
    {
        var path = context.Request.Path.Value ?? "";
        if (!InsideContext(path))
            return Write(context, StatusCodes.Status404NotFound, JettyNotFound);

        var inner = path[SandboxPaths.ContextPath.Length..];
        if (!IsExcludedFromLogin(inner))
        {
            UserRow? user;
            lock (store.Gate)
                user = RequestAuthenticator.Authenticate(context.Request, store);
            if (user is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            }
        }
        return Write(context, StatusCodes.Status200OK, IndexPage);
    }

    private static bool InsideContext(string path)
        => path == SandboxPaths.ContextPath || path.StartsWith(SandboxPaths.ContextPath + "/", StringComparison.Ordinal);

    // AppConfiguration.addInterceptors excludePathPatterns (both versions) that can name an unknown path.
    private static bool IsExcludedFromLogin(string inner)
        => RequestAuthenticator.IsExempt(inner)
           || inner.EndsWith(".html", StringComparison.Ordinal)
           || inner == "/error" || inner.StartsWith("/ui/", StringComparison.Ordinal)
           || inner.StartsWith("/swagger-ui/", StringComparison.Ordinal) || inner.StartsWith("/v3/api-docs", StringComparison.Ordinal)
           || inner.StartsWith("/webjars/", StringComparison.Ordinal) || inner.StartsWith("/swagger-resources", StringComparison.Ordinal);

    private static Task Write(HttpContext context, int status, string page)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html;charset=utf-8";
        return context.Response.WriteAsync(page, context.RequestAborted);
    }
}
