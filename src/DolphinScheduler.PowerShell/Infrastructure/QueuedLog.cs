using System.Collections.Concurrent;
using System.Threading;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>Collects core log text from any thread; the cmdlet writes it out on the pipeline thread.</summary>
    internal sealed class QueuedLog : IDsLog
    {
        public enum Level { Verbose, Debug, Warning }

        public ConcurrentQueue<(Level Level, string Text)> Items { get; } = new();
        public AutoResetEvent Available { get; } = new(false);

        public void Verbose(string message) => Enqueue(Level.Verbose, message);
        public void Debug(string message) => Enqueue(Level.Debug, message);
        public void Warning(string message) => Enqueue(Level.Warning, message);

        private void Enqueue(Level level, string text)
        {
            Items.Enqueue((level, text));
            Available.Set();
        }
    }
}
