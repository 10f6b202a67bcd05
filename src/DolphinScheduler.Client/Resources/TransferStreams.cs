using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Resources
{
    /// <summary>
    /// Cancels a transfer that makes no progress for a while. A large upload or download has no sensible overall
    /// timeout, so the connection's timeout is applied to inactivity instead: every chunk moved resets the clock.
    /// </summary>
    internal sealed class StallGuard : IDisposable
    {
        private readonly CancellationTokenSource _cts;
        private readonly Timer _timer;
        private readonly TimeSpan _limit;
        private long _lastTicks;

        public StallGuard(TimeSpan limit, CancellationToken outer)
        {
            _limit = limit;
            _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
            _lastTicks = DateTime.UtcNow.Ticks;
            var period = TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(1000, limit.TotalMilliseconds / 4)));
            _timer = new Timer(_ => Check(), null, period, period);
        }

        public CancellationToken Token => _cts.Token;

        /// <summary>True once the guard (not the caller) cancelled the transfer.</summary>
        public bool Stalled { get; private set; }

        public TimeSpan Limit => _limit;

        public void Touch() => Interlocked.Exchange(ref _lastTicks, DateTime.UtcNow.Ticks);

        private void Check()
        {
            if (_cts.IsCancellationRequested) return;
            var idle = DateTime.UtcNow - new DateTime(Interlocked.Read(ref _lastTicks), DateTimeKind.Utc);
            if (idle <= _limit) return;
            Stalled = true;
            try { _cts.Cancel(); } catch (ObjectDisposedException) { }
        }

        public void Dispose()
        {
            _timer.Dispose();
            _cts.Dispose();
        }
    }

    /// <summary>
    /// A read-only pass-through over a file stream that reports how many bytes were read and keeps a
    /// <see cref="StallGuard"/> alive. Seekable, so HttpClient can compute the multipart Content-Length and stream the
    /// body instead of buffering it.
    /// </summary>
    internal sealed class ProgressReadStream : Stream
    {
        private readonly Stream _inner;
        private readonly IProgress<long>? _progress;
        private readonly StallGuard? _guard;

        public ProgressReadStream(Stream inner, IProgress<long>? progress, StallGuard? guard)
        {
            _inner = inner;
            _progress = progress;
            _guard = guard;
        }

        public override bool CanRead => true;
        public override bool CanSeek => _inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => _inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Report(_inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Report(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Report(int read)
        {
            _guard?.Touch();
            _progress?.Report(_inner.Position);
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
