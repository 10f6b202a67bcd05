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
        return JsonSerializer.SerializeAsync(context.Response.Body, envelope, DsJson.For(flavor), context.RequestAborted);
    }

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
