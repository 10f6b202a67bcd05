namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// Where the core reports what it does. The PowerShell layer queues these and writes them on the pipeline thread.
    /// Implementations receive text that never contains a token or password (the transport redacts).
    /// </summary>
    public interface IDsLog
    {
        /// <summary>False when verbose text would be dropped: the core then does not build it (it is on the per-request path).</summary>
        bool VerboseEnabled { get; }
        /// <summary>False when debug text would be dropped.</summary>
        bool DebugEnabled { get; }
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    internal sealed class NullLog : IDsLog
    {
        public static readonly NullLog Instance = new();
        public bool VerboseEnabled => false;
        public bool DebugEnabled => false;
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
