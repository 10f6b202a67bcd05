namespace DolphinScheduler.Sandbox;

/// <summary>
/// One request as seen by the sandbox: method, path, the NAMES of query/form parameters (values are never kept),
/// the matched endpoint template (null when unknown), the HTTP status the client got (0: none, the connection was
/// dropped), the DS <c>code</c> (null when no envelope) and the injected fault's kind (null when none; e.g. "drop").
/// </summary>
public sealed record RecordedRequest(
    DateTimeOffset Time,
    string Method,
    string Path,
    string? Endpoint,
    IReadOnlyList<string> ParameterNames,
    int HttpStatus,
    int? Code,
    string? Fault = null);
