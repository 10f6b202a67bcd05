using DolphinScheduler.Sandbox.Envelope;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// An endpoint implementation. Synchronous handlers run inside <see cref="State.SandboxStore.Gate"/> (the common case:
/// pure in-memory work); asynchronous ones (file I/O, waiting) take the gate themselves for the parts that touch the store.
/// </summary>
public sealed class DsHandler
{
    private DsHandler(Func<DsRequest, DsResult>? sync, Func<DsRequest, Task<DsResult>>? async)
    {
        Sync = sync;
        Async = async;
    }

    public Func<DsRequest, DsResult>? Sync { get; }
    public Func<DsRequest, Task<DsResult>>? Async { get; }

    public static implicit operator DsHandler(Func<DsRequest, DsResult> sync) => new(sync, null);
    public static implicit operator DsHandler(Func<DsRequest, Task<DsResult>> async) => new(null, async);
}
