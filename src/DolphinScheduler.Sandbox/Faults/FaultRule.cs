using System.Text.Json;
using System.Text.Json.Serialization;

namespace DolphinScheduler.Sandbox.Faults;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Abort the connection: no response (before/after the handler) or half a response (during).</summary>
    Drop,
    /// <summary>An HTTP status (default 503) with an empty body and optional Retry-After.</summary>
    Status,
    /// <summary>Delay: before the handler runs, or before the answer's first byte (after).</summary>
    Slow,
    /// <summary>The handler's answer cut in the middle of its body (the response itself ends cleanly).</summary>
    Truncate,
    /// <summary>An HTML page with HTTP 200 (a proxy or portal answering instead of DS).</summary>
    Html,
    /// <summary>HTTP 401 with an empty body, as when a token expires mid-run.</summary>
    Unauthorized,
}

/// <summary>When a fault strikes relative to the endpoint's handler.</summary>
public enum FaultTiming
{
    /// <summary>The handler does not run (slow: it runs after the delay).</summary>
    Before,
    /// <summary>The handler runs (its effects happen); its answer is replaced, delayed or lost.</summary>
    After,
    /// <summary>Drop only: status line, headers and half the body go out, then the connection is aborted.</summary>
    During,
}

/// <summary>
/// One fault rule, as posted to <c>POST /_sandbox/faults</c>, given with <c>--fault</c> or put in
/// <see cref="SandboxOptions.Faults"/>. JSON names are the camelCase property names; enum values are lower case.
/// </summary>
public sealed class FaultRule
{
    /// <summary>
    /// Which DS paths: null, "" or "*" = all; a value starting with '^' is a regular expression on the path after the
    /// context path (e.g. <c>^/resources(/download)?$</c>); anything else is a prefix of that path (<c>/resources</c>;
    /// a leading <c>/dolphinscheduler</c> is accepted and ignored).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>HTTP method or "*" (default).</summary>
    public string? Method { get; set; }

    public FaultKind? Kind { get; set; }

    /// <summary>For <see cref="FaultKind.Status"/>: the HTTP status (default 503).</summary>
    public int? Status { get; set; }

    /// <summary>For <see cref="FaultKind.Slow"/>: the delay in milliseconds (default 2000).</summary>
    public int? DelayMs { get; set; }

    /// <summary>How many matching requests to affect; null = every one until the rule is deleted.</summary>
    public int? Count { get; set; }

    /// <summary>For <see cref="FaultKind.Status"/>: a Retry-After header in seconds.</summary>
    public int? RetryAfter { get; set; }

    /// <summary>Default: after for truncate, before for everything else.</summary>
    public FaultTiming? When { get; set; }

    /// <summary>JSON settings of the faults API (camelCase, lower-case enum names, unknown members refused).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses one rule or an array of rules (<c>--fault</c>, <c>--faults FILE</c>, the control endpoint).</summary>
    public static IReadOnlyList<FaultRule> ParseJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Array
                ? doc.RootElement.EnumerateArray().Select(e => e.Deserialize<FaultRule>(JsonOptions) ?? throw new FaultRuleException("null fault rule")).ToList()
                : [doc.RootElement.Deserialize<FaultRule>(JsonOptions) ?? throw new FaultRuleException("null fault rule")];
        }
        catch (JsonException e)
        {
            throw new FaultRuleException("invalid fault rule JSON: " + e.Message);
        }
    }
}

/// <summary>A fault rule that cannot be used (HTTP 400 from the control endpoint, exit code 2 on the command line).</summary>
public sealed class FaultRuleException(string message) : Exception(message);
