using System.Globalization;
using DolphinScheduler.Sandbox.Flavors;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// Spring MVC 5.3 <c>@RequestParam</c>/<c>@PathVariable</c> binding for one endpoint, in declaration order; the first
/// failure stops binding and becomes the endpoint's <c>errorOnUnexpectedException</c> answer (README §3). Failure texts
/// are Spring's exception messages, which 3.3+ appends to the template.
/// </summary>
public static class ParameterBinder
{
    public sealed record Outcome(IReadOnlyDictionary<string, object?> Values, string? Failure);

    public static Outcome Bind(DsEndpoint endpoint, SandboxFlavor flavor, RequestParameters request, RouteValueDictionary route)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in endpoint.Params)
        {
            if (p.IsFile)
            {
                // Multipart files are read by the handler through DsRequest.File; Spring only checks presence.
                if (p.Required && request.Files?.GetFile(p.WireName) is null)
                    return Fail($"Required request part '{p.WireName}' is not present");
                continue;
            }
            var enumType = p.Type.StartsWith("enum:", StringComparison.Ordinal) ? flavor.EnumJavaType(p.Type[5..]) : null;
            var raw = p.IsPath ? route[p.WireName]?.ToString() : Raw(p, request.Values);

            if (raw is null || (raw.Length == 0 && p.Default is not null))
            {
                if (p.Default is not null)
                    raw = p.Default;
                else if (p.IsOptionalPrimitive)
                    return Fail($"Optional {JavaTypes.SimpleName(p, enumType)} parameter '{p.WireName}' is present but cannot be translated into a null value due to being declared as a primitive type. Consider declaring it as object wrapper for the corresponding primitive type.");
                else if (p.Required)
                    return Fail($"Required request parameter '{p.WireName}' for method parameter type {JavaTypes.SimpleName(p, enumType)} is not present");
                else
                {
                    values[p.HandlerName] = null;
                    continue;
                }
            }

            var (ok, value, error) = Convert(p, raw, flavor, enumType);
            if (!ok)
                return Fail(error!);
            if (value is null && p.Type != "string" && (p.Required || p.IsOptionalPrimitive))
                return Fail($"Required request parameter '{p.WireName}' for method parameter type {JavaTypes.SimpleName(p, enumType)} is present but converted to null");
            values[p.HandlerName] = value;
        }
        return new Outcome(values, null);

        Outcome Fail(string message) => new(values, message);
    }

    // Several values: Spring joins them with commas for a String and takes the first for other types.
    private static string? Raw(DsParam p, IReadOnlyDictionary<string, StringValues> values)
    {
        if (!values.TryGetValue(p.WireName, out var v) || v.Count == 0)
            return null;
        return p.Type == "string" ? string.Join(',', v.ToArray()) : v[0];
    }

    private static (bool Ok, object? Value, string? Error) Convert(DsParam p, string raw, SandboxFlavor flavor, string? enumType)
    {
        var trimmed = raw.Trim();
        switch (p.Type)
        {
            case "string":
                return (true, raw, null);
            case "int32":
                if (trimmed.Length == 0) return (true, null, null);
                return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                    ? (true, i, null) : (false, null, Mismatch(p, raw, enumType, NumberFormat(trimmed)));
            case "int64":
                if (trimmed.Length == 0) return (true, null, null);
                return long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? (true, l, null) : (false, null, Mismatch(p, raw, enumType, NumberFormat(trimmed)));
            case "boolean":
                if (trimmed.Length == 0) return (true, null, null);
                if (trimmed.ToLowerInvariant() is "true" or "on" or "yes" or "1") return (true, true, null);
                if (trimmed.ToLowerInvariant() is "false" or "off" or "no" or "0") return (true, false, null);
                return (false, null, Mismatch(p, raw, enumType, $"java.lang.IllegalArgumentException: Invalid boolean value [{raw}]"));
            default:
                if (enumType is null)
                    return (true, raw, null);
                if (trimmed.Length == 0) return (true, null, null);
                if (flavor.EnumValues(p.Type[5..]).Contains(trimmed, StringComparer.Ordinal))
                    return (true, trimmed, null);
                return (false, null, Mismatch(p, raw, enumType,
                    $"org.springframework.core.convert.ConversionFailedException: Failed to convert from type [java.lang.String] to type " +
                    $"[@org.springframework.web.bind.annotation.RequestParam {enumType}] for value '{raw}'; nested exception is " +
                    $"java.lang.IllegalArgumentException: No enum constant {enumType}.{trimmed}"));
        }
    }

    private static string NumberFormat(string input) => $"java.lang.NumberFormatException: For input string: \"{input}\"";

    private static string Mismatch(DsParam p, string raw, string? enumType, string nested)
        => $"Failed to convert value of type 'java.lang.String' to required type '{JavaTypes.QualifiedName(p, enumType)}'; nested exception is {nested}";
}
