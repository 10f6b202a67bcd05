using System.Security.Cryptography;
using DolphinScheduler.Client.Tests.Fakes;
using Xunit;

namespace DolphinScheduler.Client.Tests.Resources
{
    [CollectionDefinition(nameof(MemorySensitive), DisableParallelization = true)]
    public sealed class MemorySensitive { }

    /// <summary>The upload body is streamed from disk: allocations stay far below the file size.</summary>
    [Collection(nameof(MemorySensitive))]
    public sealed class UploadMemoryTests : IDisposable
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), "ds-upload-" + Guid.NewGuid().ToString("N") + ".bin");

        public void Dispose() { try { File.Delete(_file); } catch (IOException) { } }

        [Fact]
        public async Task A_64_MiB_upload_allocates_less_than_16_MiB()
        {
            const int size = 64 * 1024 * 1024;
            using (var fs = new FileStream(_file, FileMode.CreateNew))
            {
                var chunk = new byte[1024 * 1024];
                var random = new Random(3);
                for (var i = 0; i < size / chunk.Length; i++) { random.NextBytes(chunk); fs.Write(chunk); }
            }
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var scenario = new ResourceScenario();
            var server = scenario.Attach(new ScriptedDsServer());
            server.MultipartSink = () => new HashingSink(sha);
            // The sink keeps no parts, so the fake records the upload under the file's name itself.
            server.OnFirst("POST", "/resources", _ => { scenario.Items[ResourceScenario.BaseDir + "/" + Path.GetFileName(_file)] = Array.Empty<byte>(); return "null"; });
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            await client.Resources.GetRootAsync(); // warm up outside the measurement

            var before = GC.GetTotalAllocatedBytes(precise: true);
            await client.Resources.UploadAsync(_file, "/", overwrite: false);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.True(allocated < 16 * 1024 * 1024, $"the upload allocated {allocated / 1024 / 1024} MiB for a 64 MiB file");
            var upload = server.Matching("POST", "/resources").Single();
            Assert.True(upload.ContentLength > size, "multipart Content-Length was not computed (the body would be chunked or buffered)");
            Assert.Equal(upload.ContentLength, ((HashingSink.LastLength)));
        }

        /// <summary>Counts and hashes what the client writes, keeping nothing.</summary>
        private sealed class HashingSink : Stream
        {
            public static long LastLength;
            private readonly IncrementalHash _hash;
            private long _length;
            public HashingSink(IncrementalHash hash) { _hash = hash; }
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => _length;
            public override long Position { get => _length; set => throw new NotSupportedException(); }
            public override void Write(byte[] buffer, int offset, int count) { _hash.AppendData(buffer, offset, count); _length += count; LastLength = _length; }
            public override void Write(ReadOnlySpan<byte> buffer) { _hash.AppendData(buffer); _length += buffer.Length; LastLength = _length; }
            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) { Write(buffer, offset, count); return Task.CompletedTask; }
            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) { Write(buffer.Span); return ValueTask.CompletedTask; }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
