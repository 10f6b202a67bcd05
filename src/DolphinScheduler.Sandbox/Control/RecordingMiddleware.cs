using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Faults;
using DolphinScheduler.Sandbox.Flavors;
using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Control;

/// <summary>
/// Journals every non-control request (parameter names only, never values) and flags JSON bodies, which DS
/// does not bind (README §2): such a request fails like one without its parameters.
/// </summary>
public sealed class RecordingMiddleware(RequestDelegate next, ContractRecorder recorder, SandboxFlavor flavor)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(SandboxPaths.ControlPrefix + "/", StringComparison.Ordinal) || path == SandboxPaths.ControlPrefix)
        {
            await next(context);
            return;
        }

        var method = context.Request.Method;
        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<DsEndpoint>()?.Template;
        if (RequestParameters.HasJsonBody(context.Request))
            recorder.Violation(ViolationKind.JsonBody, method, path, endpoint, null,
                $"JSON request body ignored: DolphinScheduler {flavor} reads query/form parameters only");

        var parameters = await RequestParameters.ReadAsync(context);
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Items.ContainsKey(DsEndpointExecutor.CaseMismatchItemKey))
                endpoint = null;
            var fault = context.Items.TryGetValue(FaultInjector.AppliedItemKey, out var applied) ? (AppliedFault?)applied : null;
            recorder.Request(method, path, endpoint, parameters.Names,
                fault?.ReportedStatus ?? context.Response.StatusCode,
                context.Items.TryGetValue(EnvelopeWriter.CodeItemKey, out var code) ? (int?)code : null,
                fault?.Name);
        }
    }
}
