using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DolphinScheduler.Sandbox.Faults;

/// <summary>
/// The response body a handler writes to while an "after"/"during" fault is armed. Depending on the fault it discards
/// the answer (to be replaced or lost), delays its first byte, or lets half of it through. Bodies with a
/// Content-Length (downloads) are cut while streaming; others (JSON envelopes, small) are buffered and cut at the end.
/// </summary>
internal sealed class FaultBodyStream(HttpContext context, Stream inner, FaultInjector.ActiveRule rule) : Stream
{
    private MemoryStream? buffer;
    private long? cutAt;
    private long forwarded;
    private bool started;

    /// <summary>The connection was aborted by the fault while the handler was still writing.</summary>
    public bool Aborted { get; private set; }

    /// <summary>Bytes the handler wrote (whatever happened to them).</summary>
    public long Written { get; private set; }

    private bool Discards => rule.Kind is FaultKind.Drop && rule.When == FaultTiming.After
                             || rule.Kind is FaultKind.Status or FaultKind.Html or FaultKind.Unauthorized;

    private bool Cuts => rule.Kind == FaultKind.Truncate || rule.Kind == FaultKind.Drop && rule.When == FaultTiming.During;

    public override async Task WriteAsync(byte[] data, int offset, int count, CancellationToken cancellationToken)
        => await WriteAsync(data.AsMemory(offset, count), cancellationToken);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Written += data.Length;
        if (Discards || Aborted || data.Length == 0 && started)
            return;
        if (!started)
        {
            started = true;
            await OnFirstWriteAsync(cancellationToken);
        }
        if (!Cuts)
        {
            await inner.WriteAsync(data, cancellationToken);
            return;
        }
        if (cutAt is not { } cut)
        {
            (buffer ??= new MemoryStream()).Write(data.Span);
            return;
        }
        var room = (int)Math.Max(0, Math.Min(data.Length, cut - forwarded));
        if (room > 0)
        {
            await inner.WriteAsync(data[..room], cancellationToken);
            forwarded += room;
        }
        if (forwarded >= cut && rule.Kind == FaultKind.Drop)
            await AbortAsync();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Discards || Aborted || Cuts && cutAt is null)
            return;
        if (!started)
        {
            started = true;
            await OnFirstWriteAsync(cancellationToken);
        }
        await inner.FlushAsync(cancellationToken);
    }

    /// <summary>After the handler: slow still owes its delay if nothing was written; buffered cuts go out now.</summary>
    public async Task FinishAsync()
    {
        if (Discards || Aborted)
            return;
        if (!started)
        {
            started = true;
            await OnFirstWriteAsync(context.RequestAborted);
        }
        if (!Cuts)
            return;
        if (cutAt is null)
        {
            var all = buffer?.ToArray() ?? [];
            var half = all.Length / 2;
            context.Response.ContentLength = rule.Kind == FaultKind.Truncate ? half : all.Length;
            await inner.WriteAsync(all.AsMemory(0, half), context.RequestAborted);
        }
        if (rule.Kind == FaultKind.Drop)
            await AbortAsync();
    }

    private async Task OnFirstWriteAsync(CancellationToken cancellationToken)
    {
        if (rule.Kind == FaultKind.Slow)
            await Task.Delay(rule.DelayMs, cancellationToken);
        if (Cuts && context.Response.ContentLength is { } length)
        {
            cutAt = length / 2;
            if (rule.Kind == FaultKind.Truncate)
                context.Response.ContentLength = null; // a clean, chunked end after half the bytes
        }
    }

    private async Task AbortAsync()
    {
        if (Aborted)
            return;
        Aborted = true;
        try
        {
            await context.Response.StartAsync(context.RequestAborted);
            await inner.FlushAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
        }
        context.Abort();
    }

    public override void Write(byte[] data, int offset, int count) => WriteAsync(data.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] data, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>The response body feature handlers see while a fault is armed: everything goes through <see cref="FaultBodyStream"/>.</summary>
internal sealed class FaultBodyFeature(FaultBodyStream stream) : IHttpResponseBodyFeature
{
    private PipeWriter? writer;

    public Stream Stream => stream;

    public PipeWriter Writer => writer ??= PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering()
    {
    }

    // The real response must not start before the fault has decided what the client gets.
    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        => SendFileFallback.SendFileAsync(stream, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        if (writer is not null)
            await writer.FlushAsync();
    }
}
