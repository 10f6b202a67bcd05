using System.Diagnostics;
using Xunit.Abstractions;
using System.Security.Cryptography;

namespace DolphinScheduler.Sandbox.Tests;

[CollectionDefinition("Memory", DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>
/// A 200 MB upload generated on the fly and streamed end to end: the server must stream it to disk, so the process's
/// memory grows by far less than the file. Runs alone (no parallel tests) because it samples process-wide memory.
/// </summary>
[Collection("Memory")]
public sealed class LargeUploadTests(ITestOutputHelper output)
{
    private const long Size = 200L * 1024 * 1024;

    [Fact]
    public async Task A_200_MB_upload_streams_to_disk_and_downloads_byte_for_byte_with_bounded_memory()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { ServerVersion = "3.4" });
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromMinutes(5) };
        var admin = await new DsClient(http, server.BaseUri).Login("admin", SandboxPair.AdminPassword);
        const string root = "file:/tmp/dolphinscheduler/default/resources";

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;

        long managedPeak = 0, workingSetPeak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false));
                process.Refresh();
                workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                try
                {
                    await Task.Delay(25, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var generator = new GeneratedStream(Size, seed: 20260101);
        var upload = await admin.Send(HttpMethod.Post, "/resources", [],
            ResourceHelpers.Form([("type", "FILE"), ("name", "big.bin"), ("currentDir", root)], ("big.bin", new StreamContent(generator, 64 * 1024))));
        await stop.CancelAsync();
        await sampler;

        Assert.Equal(0, upload.Code);
        Assert.Equal(Size, generator.Position);
        var onDisk = new FileInfo(Path.Combine(server.DataDirectory, "storage", "tmp", "dolphinscheduler", "default", "resources", "big.bin"));
        Assert.Equal(Size, onDisk.Length);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(server.DataDirectory, "staging"))); // moved, not copied

        // Loose bounds: a buffered upload would need at least the file's 200 MB.
        var managedGrowth = managedPeak - managedBefore;
        var workingSetGrowth = workingSetPeak - workingSetBefore;
        output.WriteLine($"managed heap growth {managedGrowth / 1024 / 1024} MB, working set growth {workingSetGrowth / 1024 / 1024} MB for a {Size / 1024 / 1024} MB upload");
        Assert.True(managedGrowth < 64L * 1024 * 1024, $"managed heap grew by {managedGrowth / 1024 / 1024} MB");
        Assert.True(workingSetGrowth < 120L * 1024 * 1024, $"working set grew by {workingSetGrowth / 1024 / 1024} MB");

        // Download streamed into a hash: the same bytes.
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUri + "/resources/download?fullName=" + Uri.EscapeDataString(root + "/big.bin"));
        request.Headers.Add("sessionId", admin.SessionId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(Size, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal(generator.Hash(), await SHA256.HashDataAsync(body));
    }

    /// <summary>Deterministic pseudo-random bytes produced while read (never held), hashed on the way (the hash outlives disposal).</summary>
    private sealed class GeneratedStream(long length, ulong seed) : Stream
    {
        private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private ulong state = seed;
        private long position;

        public byte[] Hash() => sha.GetCurrentHash();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            for (var i = 0; i < n; i++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                buffer[i] = (byte)state;
            }
            sha.AppendData(buffer[..n]);
            position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
