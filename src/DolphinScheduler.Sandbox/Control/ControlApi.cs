using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Flavors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Control;

/// <summary>
/// Out-of-process access to the journals, outside the DS context path and without auth (loopback use):
/// GET /_sandbox/violations, GET /_sandbox/requests, DELETE /_sandbox/records, GET /_sandbox/info.
/// </summary>
public static class ControlApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapControl(this IEndpointRouteBuilder app)
    {
        var prefix = SandboxPaths.ControlPrefix;
        app.MapGet(prefix + "/violations", (ContractRecorder r) => Results.Json(r.Violations, Json));
        app.MapGet(prefix + "/requests", (ContractRecorder r) => Results.Json(r.Requests, Json));
        app.MapDelete(prefix + "/records", (ContractRecorder r) =>
        {
            r.Clear();
            return Results.NoContent();
        });
        app.MapGet(prefix + "/info", (SandboxFlavor f) => Results.Json(new { serverVersion = f.Version, contextPath = SandboxPaths.ContextPath }, Json));
        return app;
    }
}
