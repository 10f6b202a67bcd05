using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace DolphinScheduler.Sandbox.Control;

/// <summary>
/// What the sandbox spends and sends, for benchmarks (<c>GET /_sandbox/stats</c>, <c>DELETE /_sandbox/stats</c>):
/// bytes on the wire in each direction (counted below HTTP, so headers, chunk framing and TLS are included; control
/// requests too), and per contract endpoint the number of requests, the time from routing to the last byte written
/// and the time inside the handler. Cheap enough to be always on: two Interlocked adds per pipe operation and one
/// Stopwatch per request.
/// </summary>
public sealed class SandboxStats
{
    private readonly ConcurrentDictionary<string, EndpointCounters> endpoints = new(StringComparer.Ordinal);
    private long bytesIn;
    private long bytesOut;
    private long connections;

    public long BytesIn => Interlocked.Read(ref bytesIn);

    public long BytesOut => Interlocked.Read(ref bytesOut);

    public long Connections => Interlocked.Read(ref connections);

    internal void AddIn(long n) => Interlocked.Add(ref bytesIn, n);

    internal void AddOut(long n) => Interlocked.Add(ref bytesOut, n);

    /// <summary>One finished request of <paramref name="endpoint"/> (the contract template, e.g. <c>GET /projects/{code}</c>).</summary>
    public void Record(string endpoint, long totalTicks, long handlerTicks)
    {
        var c = endpoints.GetOrAdd(endpoint, static _ => new EndpointCounters());
        Interlocked.Increment(ref c.Count);
        Interlocked.Add(ref c.TotalTicks, totalTicks);
        Interlocked.Add(ref c.HandlerTicks, handlerTicks);
        long max;
        while (totalTicks > (max = Interlocked.Read(ref c.MaxTicks)) && Interlocked.CompareExchange(ref c.MaxTicks, totalTicks, max) != max)
        {
        }
    }

    public void Reset()
    {
        endpoints.Clear();
        Interlocked.Exchange(ref bytesIn, 0);
        Interlocked.Exchange(ref bytesOut, 0);
        Interlocked.Exchange(ref connections, 0);
    }

    /// <summary>The JSON shape of <c>GET /_sandbox/stats</c>.</summary>
    public object Snapshot() => new
    {
        bytesIn = BytesIn,
        bytesOut = BytesOut,
        connections = Connections,
        endpoints = endpoints.OrderByDescending(e => Interlocked.Read(ref e.Value.TotalTicks)).Select(e => new
        {
            endpoint = e.Key,
            count = Interlocked.Read(ref e.Value.Count),
            totalMs = Ms(Interlocked.Read(ref e.Value.TotalTicks)),
            handlerMs = Ms(Interlocked.Read(ref e.Value.HandlerTicks)),
            maxMs = Ms(Interlocked.Read(ref e.Value.MaxTicks)),
        }).ToList(),
    };

    private static double Ms(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);

    /// <summary>Kestrel connection middleware: counts the bytes of every connection (<c>ListenOptions.Use</c>).</summary>
    public Func<ConnectionDelegate, ConnectionDelegate> ConnectionMiddleware => next => async connection =>
    {
        Interlocked.Increment(ref connections);
        var original = connection.Transport;
        connection.Transport = new CountingDuplexPipe(original, this);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = original;
        }
    };

    private sealed class EndpointCounters
    {
        public long Count;
        public long TotalTicks;
        public long HandlerTicks;
        public long MaxTicks;
    }

    private sealed class CountingDuplexPipe(IDuplexPipe inner, SandboxStats stats) : IDuplexPipe
    {
        public PipeReader Input { get; } = new CountingReader(inner.Input, stats);

        public PipeWriter Output { get; } = new CountingWriter(inner.Output, stats);
    }

    /// <summary>Counts consumed bytes: the part of the last read buffer before the position passed to AdvanceTo.</summary>
    private sealed class CountingReader(PipeReader inner, SandboxStats stats) : PipeReader
    {
        private ReadOnlySequence<byte> last;

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
                return false;
            last = result.Buffer;
            return true;
        }

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken);
            last = result.Buffer;
            return result;
        }

        public override void AdvanceTo(SequencePosition consumed)
        {
            Count(consumed);
            inner.AdvanceTo(consumed);
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            Count(consumed);
            inner.AdvanceTo(consumed, examined);
        }

        private void Count(SequencePosition consumed)
        {
            if (last.IsEmpty)
                return;
            stats.AddIn(last.Slice(last.Start, consumed).Length);
            last = default;
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }

    private sealed class CountingWriter(PipeWriter inner, SandboxStats stats) : PipeWriter
    {
        public override void Advance(int bytes)
        {
            stats.AddOut(bytes);
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            stats.AddOut(source.Length);
            return inner.WriteAsync(source, cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
