using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Resources;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /resources (README §6 "Resources"; docs/server-compatibility.md Q9): files on disk under the data directory, per
/// tenant, with the fullName formats of the served release. The flavour picks 3.2.2's or 3.3+'s service
/// (<see cref="Resources322"/>, <see cref="Resources34"/>); uploads arrive already streamed to disk by the pipeline.
/// </summary>
public static class ResourcesApi
{
    public static IEndpointRouteBuilder MapResources(this IEndpointRouteBuilder app)
    {
        app.MapDs("GET", "/resources/base-dir", r => ResourceService.For(r).BaseDir());
        app.MapDs("POST", "/resources/directory", r => ResourceService.For(r).CreateDirectory());
        app.MapDs("POST", "/resources", r => ResourceService.For(r).Upload());
        app.MapDs("POST", "/resources/online-create", r => ResourceService.For(r).OnlineCreate());
        app.MapDs("GET", "/resources", r => ResourceService.For(r).ListPaging());
        app.MapDs("GET", "/resources/list", r => ResourceService.For(r).Tree());
        app.MapDs("GET", "/resources/query-by-type", r => ResourceService.For(r).QueryByType());
        app.MapDs("GET", "/resources/view", r => ResourceService.For(r).View());
        app.MapDs("GET", "/resources/download", Download);
        app.MapDs("DELETE", "/resources", r => ResourceService.For(r).Delete());
        app.MapDs("PUT", "/resources", r => ResourceService.For(r).Update());
        app.MapDs("PUT", "/resources/update-content", r => ResourceService.For(r).UpdateContent());
        app.MapDs("GET", "/resources/query-file-name", r => ResourceService.For(r).QueryFileName()); // 3.2 only
        app.MapDs("GET", "/resources/verify-name", r => ResourceService.For(r).VerifyName()); // 3.2 only
        return app;
    }

    // Checks and opening happen under the gate; the bytes stream afterwards without it.
    private static Task<DsResult> Download(DsRequest r)
    {
        lock (r.Store.Gate)
            return Task.FromResult(ResourceService.For(r).Download());
    }
}
