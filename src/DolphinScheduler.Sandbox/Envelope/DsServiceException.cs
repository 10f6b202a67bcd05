namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>
/// DS's <c>ServiceException</c>: handled by <c>ApiExceptionHandler</c> into HTTP 200 with the status code and the
/// formatted template, whatever the endpoint's success status is (README §3 error table).
/// </summary>
public sealed class DsServiceException(DsStatus status, params object?[]? args) : Exception(status.Name)
{
    public DsStatus Status { get; } = status;
    public object?[]? Args { get; } = args;
}
