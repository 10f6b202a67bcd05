namespace DolphinScheduler.Sandbox;

/// <summary>How a request strayed from the sandbox flavour's contract.</summary>
public enum ViolationKind
{
    /// <summary>Method + path is not an endpoint of this flavour (answered like DS: 404 HTML).</summary>
    UnknownPath,
    /// <summary>A parameter name the endpoint does not declare in this flavour (ignored, as DS does).</summary>
    UnknownParameter,
    /// <summary>A JSON request body: DS binds form/query parameters only, so the body is ignored.</summary>
    JsonBody,
    /// <summary>An endpoint of the contract the sandbox has no handler for yet (answered 404 HTML too).</summary>
    NotImplemented,
}

/// <summary>One recorded contract violation. <see cref="Name"/> is the offending parameter name (never its value).</summary>
public sealed record ContractViolation(
    DateTimeOffset Time,
    ViolationKind Kind,
    string Method,
    string Path,
    string? Endpoint,
    string? Name,
    string Detail);
