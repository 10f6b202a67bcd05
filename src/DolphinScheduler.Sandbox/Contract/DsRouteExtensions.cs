using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// The one way areas add endpoints: <c>app.MapDs("POST", "/projects", Create)</c> with the NEWEST method and path
/// exactly as in endpoints.json. Path, parameters, status codes and flavour availability come from the contract;
/// a row the contract does not have is a startup error (no guessed paths). Rows missing from the served flavour are skipped.
/// </summary>
public static class DsRouteExtensions
{
    public static IEndpointRouteBuilder MapDs(this IEndpointRouteBuilder app, string method, string newestPath, Func<DsRequest, DsResult> handler)
        => app.MapDs(method, newestPath, (DsHandler)handler);

    public static IEndpointRouteBuilder MapDs(this IEndpointRouteBuilder app, string method, string newestPath, Func<DsRequest, Task<DsResult>> handler)
        => app.MapDs(method, newestPath, (DsHandler)handler);

    private static IEndpointRouteBuilder MapDs(this IEndpointRouteBuilder app, string method, string newestPath, DsHandler handler)
    {
        var entry = ContractCatalog.Find(method, newestPath)
            ?? throw new InvalidOperationException($"{method} {newestPath} is not in endpoints.json; take paths from the contract");
        var flavor = app.ServiceProvider.GetRequiredService<SandboxFlavor>();
        var registry = app.ServiceProvider.GetRequiredService<HandlerRegistry>();
        if (!registry.Add(entry.Key))
            throw new InvalidOperationException($"{entry.Key} is mapped twice");

        var endpoint = flavor.Resolve(entry);
        if (endpoint is null)
            return app; // not part of this flavour: requests fall through to the unknown-path answer
        if (entry.ErrorOnUnexpectedException is { } errorName && endpoint.ErrorStatus is null)
            throw new InvalidOperationException($"{entry.Key}: status {errorName} has no template; add it to Envelope/DsStatuses.FromSource.cs");

        var executor = app.ServiceProvider.GetRequiredService<DsEndpointExecutor>();
        app.MapMethods(SandboxPaths.ContextPath + endpoint.Path, [endpoint.Method], context => executor.ExecuteAsync(context, endpoint, handler))
            .WithDisplayName(endpoint.Template)
            .WithMetadata(endpoint);
        return app;
    }

    /// <summary>Contract endpoints of this flavour without a handler: DS's unknown-path answer plus a NotImplemented violation.</summary>
    public static IEndpointRouteBuilder MapUnimplementedContract(this IEndpointRouteBuilder app)
    {
        var flavor = app.ServiceProvider.GetRequiredService<SandboxFlavor>();
        var registry = app.ServiceProvider.GetRequiredService<HandlerRegistry>();
        var recorder = app.ServiceProvider.GetRequiredService<ContractRecorder>();
        var store = app.ServiceProvider.GetRequiredService<SandboxStore>();
        foreach (var entry in ContractCatalog.Entries.Where(e => !registry.Contains(e.Key)))
        {
            if (flavor.Resolve(entry) is not { } endpoint)
                continue;
            app.MapMethods(SandboxPaths.ContextPath + endpoint.Path, [endpoint.Method], context =>
            {
                recorder.Violation(ViolationKind.NotImplemented, context.Request.Method, context.Request.Path.Value ?? "", endpoint.Template, null,
                    $"{endpoint.Template} is in the DolphinScheduler {flavor} contract but the sandbox does not implement it yet");
                return UnknownPathResponse.WriteAsync(context, store);
            }).WithDisplayName("unimplemented " + endpoint.Template).WithMetadata(endpoint);
        }
        return app;
    }

    /// <summary>Everything else, inside or outside the context path: DS's unknown-path answer.</summary>
    public static IEndpointRouteBuilder MapUnknownPaths(this IEndpointRouteBuilder app)
    {
        var flavor = app.ServiceProvider.GetRequiredService<SandboxFlavor>();
        var recorder = app.ServiceProvider.GetRequiredService<ContractRecorder>();
        var store = app.ServiceProvider.GetRequiredService<SandboxStore>();
        app.MapFallback("{**path}", context =>
        {
            recorder.Violation(ViolationKind.UnknownPath, context.Request.Method, context.Request.Path.Value ?? "", null, null,
                $"{context.Request.Method} {context.Request.Path} is not an endpoint of DolphinScheduler {flavor}");
            return UnknownPathResponse.WriteAsync(context, store);
        });
        return app;
    }
}
