namespace DolphinScheduler
{
    /// <summary>What kind of failure a <see cref="DsApiException"/> describes; the PowerShell layer maps it to an ErrorCategory.</summary>
    public enum DsErrorKind
    {
        Unknown,
        NotFound,
        AlreadyExists,
        PermissionDenied,
        InvalidArgument,
        InvalidState,
        Authentication,
        RateLimited,
        Server,
        Connection,
        Timeout,
        Protocol,
        /// <summary>The server family has no such endpoint or value.</summary>
        NotSupported,
    }
}
