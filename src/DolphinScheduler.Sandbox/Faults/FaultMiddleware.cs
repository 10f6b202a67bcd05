using DolphinScheduler.Sandbox.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DolphinScheduler.Sandbox.Faults;

/// <summary>
/// Applies <see cref="FaultInjector"/> rules to requests under the DS context path (never to /_sandbox). It runs
/// before the request journal: "before" faults answer (or drop) without reading the request body and journal the
/// request themselves; the others let the request through and mark it so the journal records the fault and the status
/// the client actually got (0 when it got none).
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, ContractRecorder recorder)
{
    private const string HtmlPage =
        "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>Service Unavailable</title></head>\n" +
        "<body><h1>Service temporarily unavailable</h1><p>Please try again later.</p>" +
        "<!-- DolphinScheduler sandbox: injected fault \"html\" --></body>\n</html>\n";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var rule = faults.IsEmpty ? null : faults.Take(context.Request.Method, path);
        if (rule is null)
        {
            await next(context);
            return;
        }

        if (rule.When == FaultTiming.Before)
        {
            if (rule.Kind == FaultKind.Slow)
            {
                try
                {
                    await Task.Delay(rule.DelayMs, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Journal(context, rule, 0); // the client gave up before the handler ran
                    return;
                }
                context.Items[FaultInjector.AppliedItemKey] = new AppliedFault(rule.Kind, rule.When, null);
                await next(context);
                return;
            }
            Journal(context, rule, await AnswerAsync(context, rule));
            return;
        }

        context.Items[FaultInjector.AppliedItemKey] = new AppliedFault(rule.Kind, rule.When, ReportedStatus(rule));
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        var body = new FaultBodyStream(context, original.Stream, rule);
        var feature = new FaultBodyFeature(body);
        context.Features.Set<IHttpResponseBodyFeature>(feature);
        try
        {
            await next(context);
            await feature.CompleteAsync();
        }
        catch (OperationCanceledException) when (body.Aborted || context.RequestAborted.IsCancellationRequested)
        {
            return; // the fault cut the connection, or the client gave up, while the handler was still writing
        }
        finally
        {
            context.Features.Set(original);
        }

        if (rule.Kind is FaultKind.Status or FaultKind.Html or FaultKind.Unauthorized || rule.Kind == FaultKind.Drop && rule.When == FaultTiming.After)
        {
            // The handler ran and its answer was discarded before anything was sent; replace it (or send nothing).
            context.Response.Clear();
            await AnswerAsync(context, rule);
            return;
        }
        await body.FinishAsync();
    }

    /// <summary>The replacement answer of drop/status/html/unauthorized; returns the HTTP status the client sees (0: none).</summary>
    private static async Task<int> AnswerAsync(HttpContext context, FaultInjector.ActiveRule rule)
    {
        switch (rule.Kind)
        {
            case FaultKind.Drop:
                context.Abort();
                return 0;
            case FaultKind.Status:
                context.Response.StatusCode = rule.Status;
                if (rule.RetryAfter is { } seconds)
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentLength = 0;
                return rule.Status;
            case FaultKind.Html:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "text/html;charset=utf-8";
                await context.Response.WriteAsync(HtmlPage, context.RequestAborted);
                return StatusCodes.Status200OK;
            case FaultKind.Unauthorized:
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentLength = 0;
                return StatusCodes.Status401Unauthorized;
            default:
                throw new InvalidOperationException($"{rule.Kind} has no replacement answer");
        }
    }

    private static int? ReportedStatus(FaultInjector.ActiveRule rule) => rule.Kind switch
    {
        FaultKind.Drop => 0,
        FaultKind.Status => rule.Status,
        FaultKind.Html => StatusCodes.Status200OK,
        FaultKind.Unauthorized => StatusCodes.Status401Unauthorized,
        _ => null, // slow, truncate: the handler's status
    };

    /// <summary>Journal entry for a request the handler never saw (its body was not read: query parameter names only).</summary>
    private void Journal(HttpContext context, FaultInjector.ActiveRule rule, int status)
    {
        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<DsEndpoint>()?.Template;
        recorder.Request(context.Request.Method, context.Request.Path.Value ?? "", endpoint, context.Request.Query.Keys.ToList(), status, null,
            new AppliedFault(rule.Kind, rule.When, status).Name);
    }
}
