using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// DS forwards unknown paths to the web UI's index.html (README §3, inferred from DsErrorController); the sandbox
/// answers a small HTML page with HTTP 404 so that clients which parse JSON fail the same way.
/// </summary>
public static class HtmlNotFound
{
    private const string Page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>DolphinScheduler</title></head>\n" +
        "<body><div id=\"app\"></div><!-- DolphinScheduler sandbox: no such endpoint in this server version --></body>\n</html>\n";

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html;charset=utf-8";
        return context.Response.WriteAsync(Page, context.RequestAborted);
    }
}
