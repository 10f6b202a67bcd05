using DolphinScheduler.Sandbox.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Faults;

/// <summary>
/// Fault control endpoints (outside the DS context path, no auth, like the other /_sandbox endpoints):
/// POST /_sandbox/faults (one rule or an array; 201 with the stored rule(s), 400 with {"error"} when invalid),
/// GET /_sandbox/faults, DELETE /_sandbox/faults (all, 204), DELETE /_sandbox/faults/{id} (204 or 404).
/// </summary>
public static class FaultControlApi
{
    public static IEndpointRouteBuilder MapFaultControl(this IEndpointRouteBuilder app)
    {
        var route = SandboxPaths.ControlPrefix + "/faults";
        app.MapPost(route, async (HttpContext context, FaultInjector faults) =>
        {
            string json;
            using (var reader = new StreamReader(context.Request.Body))
                json = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                var trimmed = json.TrimStart();
                var added = faults.AddRange(FaultRule.ParseJson(json));
                return trimmed.StartsWith('[')
                    ? Results.Json(added, FaultRule.JsonOptions, statusCode: StatusCodes.Status201Created)
                    : Results.Json(added[0], FaultRule.JsonOptions, statusCode: StatusCodes.Status201Created);
            }
            catch (FaultRuleException e)
            {
                return Results.Json(new { error = e.Message }, FaultRule.JsonOptions, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        app.MapGet(route, (FaultInjector faults) => Results.Json(faults.Rules, FaultRule.JsonOptions));
        app.MapDelete(route, (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapDelete(route + "/{id:int}", (int id, FaultInjector faults) => faults.Remove(id) ? Results.NoContent() : Results.NotFound());
        return app;
    }
}
