using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Control;

/// <summary>
/// Out-of-process access to the journals, outside the DS context path and without auth (loopback use):
/// GET /_sandbox/violations, GET /_sandbox/requests (both with ?skip=N), GET /_sandbox/requests/count, DELETE /_sandbox/records,
/// GET /_sandbox/info.
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
        // ?skip=N returns the records after the first N (tests that count what one command sent read only the tail).
        app.MapGet(prefix + "/violations", (ContractRecorder r, int? skip) => Results.Json(r.Violations.Skip(Math.Max(0, skip ?? 0)), Json));
        app.MapGet(prefix + "/requests", (ContractRecorder r, int? skip) => Results.Json(r.Requests.Skip(Math.Max(0, skip ?? 0)), Json));
        app.MapGet(prefix + "/requests/count", (ContractRecorder r) => Results.Json(new { requests = r.Requests.Count, violations = r.Violations.Count }, Json));
        app.MapDelete(prefix + "/records", (ContractRecorder r) =>
        {
            r.Clear();
            return Results.NoContent();
        });
        // Benchmark data: POST /_sandbox/seed?instances=N&project=NAME (see Execution/InstanceSeeder).
        app.MapPost(prefix + "/seed", (HttpContext http, SandboxStore store, SandboxFlavor flavor, Execution.ExecutionOptions options) =>
        {
            var countText = http.Request.Query["instances"].ToString();
            if (!int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count > 1_000_000)
                return Results.BadRequest(new { error = "instances must be a count between 0 and 1000000" });
            var result = Execution.InstanceSeeder.Seed(store, flavor, options, count, http.Request.Query["project"].ToString());
            return Results.Json(result, Json);
        });
        // Benchmark data: bytes on the wire and time per endpoint (Control/SandboxStats.cs).
        app.MapGet(prefix + "/stats", (SandboxStats s) => Results.Json(s.Snapshot(), Json));
        app.MapDelete(prefix + "/stats", (SandboxStats s) =>
        {
            s.Reset();
            return Results.NoContent();
        });
        app.MapGet(prefix + "/info", (SandboxFlavor f) => Results.Json(new { serverVersion = f.Version, contextPath = SandboxPaths.ContextPath }, Json));
        return app;
    }
}
