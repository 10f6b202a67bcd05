using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>
/// What a handler returns: a <c>Result</c> envelope to write (code, message template + arguments, data),
/// or a raw response for the few endpoints that answer without an envelope (downloads, <c>DELETE /cookies</c>).
/// The message is rendered late because the template depends on the flavour (3.2 says "process" where 3.3+ says "workflow").
/// A returned error keeps the endpoint's success HTTP status (201 on CREATED endpoints, README §10.2);
/// throw <see cref="DsServiceException"/> for errors DS throws (always HTTP 200).
/// </summary>
public sealed class DsResult
{
    private DsResult(int code, DsStatus messageStatus, object?[]? args, object? data, Func<HttpContext, Task>? raw)
    {
        Code = code;
        MessageStatus = messageStatus;
        Args = args;
        Data = data;
        Raw = raw;
    }

    public int Code { get; }
    public DsStatus MessageStatus { get; }
    public object?[]? Args { get; }
    public object? Data { get; }
    public Func<HttpContext, Task>? Raw { get; }

    /// <summary>code 0, msg "success" (<c>Result.success(data)</c> / <c>returnDataList</c>).</summary>
    public static DsResult Ok(object? data = null) => new(0, DsStatuses.Success, null, data, null);

    /// <summary>code 0 with another status' text as msg (login answers "login success").</summary>
    public static DsResult OkWithMessage(DsStatus message, object? data) => new(0, message, null, data, null);

    /// <summary><c>putMsg(result, status, args...)</c>: without args the template is returned verbatim.</summary>
    public static DsResult Error(DsStatus status, params object?[] args) => new(status.Code, status, args, null, null);

    /// <summary>A response that is not a <c>Result</c> envelope; the writer owns status, headers and body.</summary>
    public static DsResult RawResponse(Func<HttpContext, Task> writer) => new(0, DsStatuses.Success, null, null, writer);
}
