using System.Text.Json;
using DolphinScheduler.Sandbox.Flavors;
using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>Writes <c>Result</c> envelopes and remembers the DS code for the request journal.</summary>
public static class EnvelopeWriter
{
    public static readonly object CodeItemKey = new();

    public static Task WriteAsync(HttpContext context, SandboxFlavor flavor, int httpStatus, int code, string msg, object? data)
    {
        context.Items[CodeItemKey] = code;
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        var envelope = new ResultEnvelope { Code = code, Msg = msg, Data = data };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, DsJson.For(flavor));
        // Jetty buffers up to 32 KB of a response: a smaller answer that is complete goes out in one piece with a
        // Content-Length, a larger one chunked. Streaming every answer chunked instead cost each small request a second
        // TCP segment (the end chunk) and the client a second wake-up (docs/performance.md).
        if (body.Length <= JettyOutputBufferSize)
            context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    /// <summary>Jetty's default <c>outputBufferSize</c>.</summary>
    private const int JettyOutputBufferSize = 32 * 1024;

    public static Task WriteAsync(HttpContext context, SandboxFlavor flavor, int httpStatus, DsResult result)
        => WriteAsync(context, flavor, httpStatus, result.Code, flavor.Message(result.MessageStatus, result.Args), result.Data);

    /// <summary>401/429 in DS carry no body at all (README §2, §10.1).</summary>
    public static Task WriteEmptyAsync(HttpContext context, int httpStatus)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
