using DolphinScheduler.Sandbox.Auth;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// Runs one contract endpoint the way DS's Spring stack does: path match (case-sensitive), authentication
/// interceptor (401, empty body), parameter binding (endpoint error code), handler, exception handler.
/// </summary>
public sealed class DsEndpointExecutor(SandboxStore store, SandboxFlavor flavor, ContractRecorder recorder, Control.SandboxStats stats)
{
    /// <summary>Set when routing matched an endpoint only case-insensitively (an unknown path for DS).</summary>
    public static readonly object CaseMismatchItemKey = new();

    /// <summary>Runs the endpoint and adds its time to <see cref="Control.SandboxStats"/>.</summary>
    public async Task ExecuteAsync(HttpContext context, DsEndpoint endpoint, DsHandler handler)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var handlerTicks = 0L;
        try
        {
            handlerTicks = await ExecuteCoreAsync(context, endpoint, handler);
        }
        finally
        {
            stats.Record(endpoint.Template, System.Diagnostics.Stopwatch.GetTimestamp() - started, handlerTicks);
        }
    }

    /// <summary>Returns the ticks spent in the handler itself.</summary>
    private async Task<long> ExecuteCoreAsync(HttpContext context, DsEndpoint endpoint, DsHandler handler)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        if (!SamePathLiterals(path, SandboxPaths.ContextPath + endpoint.Path))
        {
            // ASP.NET routing ignores case; Spring does not, so /Projects is an unknown path on DS.
            context.Items[CaseMismatchItemKey] = true;
            recorder.Violation(ViolationKind.UnknownPath, method, path, null, null, "path differs in letter case from " + endpoint.Path);
            await UnknownPathResponse.WriteAsync(context, store);
            return 0;
        }

        var parameters = await RequestParameters.ReadAsync(context);
        if (parameters.TooLarge)
        {
            // Spring's MaxUploadSizeExceededException happens before handler mapping; DS's error page keeps the 500, no body.
            await EnvelopeWriter.WriteEmptyAsync(context, StatusCodes.Status500InternalServerError);
            return 0;
        }
        foreach (var name in parameters.Names)
        {
            if (endpoint.Params.All(p => p.IsPath || p.WireName != name))
                recorder.Violation(ViolationKind.UnknownParameter, method, path, endpoint.Template, name,
                    $"'{name}' is not a parameter of {endpoint.Template} in DolphinScheduler {flavor}; DS ignores it");
        }

        UserRow? user = null;
        if (!RequestAuthenticator.IsExempt(endpoint.Path))
        {
            lock (store.Gate)
                user = RequestAuthenticator.Authenticate(context.Request, store);
            if (user is null)
            {
                await EnvelopeWriter.WriteEmptyAsync(context, StatusCodes.Status401Unauthorized);
                return 0;
            }
        }

        var bound = ParameterBinder.Bind(endpoint, flavor, parameters, context.Request.RouteValues);
        if (bound.Failure is not null)
        {
            await WriteUnexpectedAsync(context, endpoint, bound.Failure);
            return 0;
        }

        var request = new DsRequest(context, endpoint, flavor, store, user, bound.Values, parameters);
        DsResult result;
        long handlerTicks;
        var handlerStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (handler.Sync is { } sync)
            {
                lock (store.Gate)
                    result = sync(request);
            }
            else
            {
                result = await handler.Async!(request);
            }
        }
        catch (DsServiceException e)
        {
            handlerTicks = System.Diagnostics.Stopwatch.GetTimestamp() - handlerStarted;
            await EnvelopeWriter.WriteAsync(context, flavor, StatusCodes.Status200OK, e.Status.Code, flavor.Message(e.Status, e.Args), null);
            return handlerTicks;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            handlerTicks = System.Diagnostics.Stopwatch.GetTimestamp() - handlerStarted;
            await WriteUnexpectedAsync(context, endpoint, e.Message);
            return handlerTicks;
        }
        handlerTicks = System.Diagnostics.Stopwatch.GetTimestamp() - handlerStarted;

        if (result.Raw is { } raw)
            await raw(context);
        else
            await EnvelopeWriter.WriteAsync(context, flavor, endpoint.SuccessStatus, result);
        return handlerTicks;
    }

    /// <summary>ApiExceptionHandler for non-service exceptions: HTTP 200, endpoint status, flavour-specific msg.</summary>
    private Task WriteUnexpectedAsync(HttpContext context, DsEndpoint endpoint, string exceptionMessage)
    {
        if (endpoint.ErrorStatus is { } status)
            return EnvelopeWriter.WriteAsync(context, flavor, StatusCodes.Status200OK, status.Code, flavor.UnexpectedErrorMessage(status, exceptionMessage), null);
        // No @ApiException on the handler: Result.errorWithArgs(INTERNAL_SERVER_ERROR_ARGS, e.getMessage()).
        var internalError = DsStatuses.InternalServerErrorArgs;
        return EnvelopeWriter.WriteAsync(context, flavor, StatusCodes.Status200OK, internalError.Code, flavor.Message(internalError, [exceptionMessage]), null);
    }

    private static bool SamePathLiterals(string requestPath, string template)
    {
        var actual = requestPath.TrimEnd('/').Split('/');
        var expected = template.Split('/');
        if (actual.Length != expected.Length)
            return true; // let routing's decision stand for shapes this check does not understand
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i].StartsWith('{'))
                continue;
            if (!string.Equals(actual[i], expected[i], StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
