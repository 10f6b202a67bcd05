namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// Where the core reports what it does. The PowerShell layer queues these and writes them on the pipeline thread.
    /// Implementations receive text that never contains a token or password (the transport redacts).
    /// </summary>
    public interface IDsLog
    {
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);
    }

    internal sealed class NullLog : IDsLog
    {
        public static readonly NullLog Instance = new();
        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
    }
}
