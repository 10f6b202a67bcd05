using System;

namespace DolphinScheduler.Client.Http
{
    /// <summary>Retries with jittered exponential backoff; only the transport decides what is safe to retry.</summary>
    internal sealed class RetryPolicy
    {
        private readonly Random _random = new();

        public RetryPolicy(int maxAttempts = 3, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
        {
            MaxAttempts = Math.Max(1, maxAttempts);
            BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(250);
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30);
        }

        public int MaxAttempts { get; }
        public TimeSpan BaseDelay { get; }
        public TimeSpan MaxDelay { get; }

        public bool ShouldRetry(int attempt) => attempt < MaxAttempts;

        public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter)
        {
            if (retryAfter is TimeSpan ra && ra > TimeSpan.Zero) return ra < MaxDelay ? ra : MaxDelay;
            double jitter;
            lock (_random) jitter = 0.5 + _random.NextDouble();
            var ms = BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * jitter;
            return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
        }
    }
}
