namespace DolphinScheduler
{
    public enum DsAuthMethod
    {
        /// <summary>An access token in the <c>token</c> header.</summary>
        Token,
        /// <summary>A password login; the session id travels in the <c>sessionId</c> header.</summary>
        Password,
    }
}
