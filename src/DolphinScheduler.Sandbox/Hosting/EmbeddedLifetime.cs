using Microsoft.Extensions.Hosting;

namespace DolphinScheduler.Sandbox.Hosting;

/// <summary>
/// A host lifetime that does not hook Ctrl+C/SIGTERM: several sandboxes can live in one test process, and the
/// command-line entry point handles signals itself by disposing the server.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
