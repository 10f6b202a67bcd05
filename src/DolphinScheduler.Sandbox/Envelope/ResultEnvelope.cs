namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>
/// DS <c>Result</c> as Jackson writes it: <c>{code,msg,data,success,failed}</c>; the booleans come from the
/// <c>isSuccess()</c>/<c>isFailed()</c> getters (README §3).
/// </summary>
public sealed class ResultEnvelope
{
    public required int Code { get; init; }
    public required string Msg { get; init; }
    public object? Data { get; init; }
    public bool Success => Code == 0;
    public bool Failed => Code != 0;
}
