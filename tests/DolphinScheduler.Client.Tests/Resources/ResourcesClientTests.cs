using System.Security.Cryptography;
using DolphinScheduler.Client.Tests.Fakes;
using Xunit;

namespace DolphinScheduler.Client.Tests.Resources
{
    public sealed class ResourcesClientTests : IDisposable
    {
        private const string Base = ResourceScenario.BaseDir;
        private readonly string _dir = Directory.CreateTempSubdirectory("ds-res-").FullName;

        public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

        public static TheoryData<DsServerVersion> Flavors => new() { DsServerVersion.V3_2, DsServerVersion.V3_4 };

        private string LocalFile(string name, int size, int seed = 1)
        {
            var bytes = new byte[size];
            new Random(seed).NextBytes(bytes);
            var path = Path.Combine(_dir, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Upload_creates_the_folder_then_sends_one_streamed_multipart_request(DsServerVersion version)
        {
            var scenario = new ResourceScenario { Family32 = version == DsServerVersion.V3_2 };
            var server = scenario.Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, version);
            var file = LocalFile("job.jar", 100_000);

            var resource = await client.Resources.UploadAsync(file, "/flink", overwrite: false);

            // base-dir, look for /flink, create it, look for /flink/job.jar, upload, read back.
            Assert.Equal(new[] { "GET /resources/base-dir", "GET /resources", "POST /resources/directory", "GET /resources", "GET /resources", "POST /resources", "GET /resources" },
                server.Requests.Select(r => r.ToString()));
            var mkdir = server.Requests[2];
            Assert.Equal("FILE", mkdir.Param("type"));
            Assert.Equal("flink", mkdir.Param("name"));
            var dirSuffix = version == DsServerVersion.V3_2 ? "/" : "";   // 3.2 directory names end with '/' (ResourceRules)
            Assert.Equal(Base + dirSuffix, mkdir.Param("currentDir"));
            Assert.Equal(version == DsServerVersion.V3_2 ? "-1" : null, mkdir.Param("pid"));   // 3.2 only (EnumTables.Only32)

            var upload = server.Requests[5];
            Assert.Equal("multipart/form-data", upload.ContentType);
            Assert.NotNull(upload.ContentLength);     // a computed length: the body is streamed, not chunked or buffered
            Assert.Equal(new[] { "type", "name", "currentDir", "file" }, upload.Parts.Select(p => p.Name));
            Assert.Equal("FILE", upload.Param("type"));
            Assert.Equal("job.jar", upload.Param("name"));
            Assert.Equal(Base + "/flink" + dirSuffix, upload.Param("currentDir"));
            Assert.Equal(Base + "/flink" + dirSuffix, server.Requests[4].Param("fullName")); // the folder listed to look for job.jar
            var filePart = upload.Parts.Single(p => p.Name == "file");
            Assert.Equal("job.jar", filePart.FileName);
            Assert.Equal("application/octet-stream", filePart.ContentType);
            Assert.Equal(File.ReadAllBytes(file), filePart.Content);
            Assert.DoesNotContain("tenantCode", upload.ParameterNames);

            // Listing carries tenantCode only for 3.2.
            var list = server.Requests[1];
            Assert.Equal("flink", list.Param("searchVal"));
            Assert.Equal(new[] { "fullName", "type", "searchVal" }.Concat(version == DsServerVersion.V3_2 ? new[] { "tenantCode" } : Array.Empty<string>()).OrderBy(x => x),
                list.Query.Select(q => q.Key).Where(k => k != "pageNo" && k != "pageSize").OrderBy(x => x));
            if (version == DsServerVersion.V3_2) Assert.Equal("etl", list.Param("tenantCode"));

            Assert.Equal("/flink/job.jar", resource.Path);
            Assert.Equal(Base + "/flink/job.jar", resource.FullName);
            Assert.Equal("job.jar", resource.Name);
            Assert.Equal(100_000, resource.Size);
            Assert.False(resource.IsDirectory);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task An_existing_file_is_refused_without_overwrite_and_nothing_is_uploaded(DsServerVersion version)
        {
            var scenario = new ResourceScenario { Family32 = version == DsServerVersion.V3_2 };
            scenario.Items[Base + "/flink"] = null;
            scenario.Items[Base + "/flink/job.jar"] = new byte[] { 1 };
            var server = scenario.Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, version);

            var ex = await Assert.ThrowsAsync<DsAlreadyExistsException>(() => client.Resources.UploadAsync(LocalFile("job.jar", 10), "/flink", overwrite: false));

            Assert.Equal(20005, ex.Code);
            Assert.Contains("-Force", ex.Message);
            Assert.DoesNotContain(server.Requests, r => r.Method is "POST" or "PUT");
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Overwrite_replaces_the_content_with_PUT(DsServerVersion version)
        {
            var scenario = new ResourceScenario { Family32 = version == DsServerVersion.V3_2 };
            scenario.Items[Base + "/flink"] = null;
            scenario.Items[Base + "/flink/job.jar"] = new byte[] { 1 };
            var server = scenario.Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, version);
            var file = LocalFile("job.jar", 5000, seed: 9);

            var resource = await client.Resources.UploadAsync(file, "/flink", overwrite: true);

            var put = Assert.Single(server.Matching("PUT", "/resources"));
            var expected = version == DsServerVersion.V3_2 ? new[] { "fullName", "tenantCode", "type", "name", "file" } : new[] { "fullName", "name", "file" };
            Assert.Equal(expected, put.Parts.Select(p => p.Name));
            Assert.Equal(Base + "/flink/job.jar", put.Param("fullName"));
            Assert.Empty(server.Matching("POST", "/resources"));
            Assert.Equal(File.ReadAllBytes(file), scenario.Items[Base + "/flink/job.jar"]);
            Assert.Equal(5000, resource.Size);
        }

        [Fact]
        public async Task Missing_parent_directories_are_created_top_down()
        {
            var scenario = new ResourceScenario();
            var server = scenario.Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, DsServerVersion.V3_4);

            var dir = await client.Resources.CreateDirectoryAsync("/a/b/c", existingOk: false);

            Assert.Equal(new (string?, string?)[] { (Base, "a"), (Base + "/a", "b"), (Base + "/a/b", "c") },
                server.Matching("POST", "/resources/directory").Select(r => (r.Param("currentDir"), r.Param("name"))));
            Assert.Equal("/a/b/c", dir.Path);
            Assert.True(dir.IsDirectory);

            var again = await Assert.ThrowsAsync<DsAlreadyExistsException>(() => client.Resources.CreateDirectoryAsync("/a/b/c", existingOk: false));
            Assert.Equal(20005, again.Code);
            Assert.Equal("/a/b/c", (await client.Resources.CreateDirectoryAsync("/a/b/c", existingOk: true)).Path);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Download_writes_the_exact_bytes_and_leaves_no_temporary_file(DsServerVersion version)
        {
            var scenario = new ResourceScenario { Family32 = version == DsServerVersion.V3_2 };
            var content = new byte[300_000];
            new Random(5).NextBytes(content);
            scenario.Items[Base + "/x.bin"] = content;
            var server = scenario.Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, version);
            var target = Path.Combine(_dir, "out", "x.bin");
            var reports = new List<(long, long)>();

            var file = await client.Resources.DownloadAsync("/x.bin", target, overwrite: false, new SyncProgress<(long, long)>(reports.Add));

            Assert.Equal(target, file.FullName);
            Assert.Equal(SHA256.HashData(content), SHA256.HashData(File.ReadAllBytes(target)));
            Assert.Equal(new[] { "x.bin" }, Directory.GetFiles(Path.Combine(_dir, "out")).Select(Path.GetFileName));
            Assert.Equal(Base + "/x.bin", server.Matching("GET", "/resources/download").Single().Param("fullName"));
            Assert.Equal((300_000L, 300_000L), reports.Last());
        }

        [Fact]
        public async Task A_failed_download_leaves_neither_the_file_nor_a_partial_one()
        {
            var server = new ScriptedDsServer()
                .On("GET", "/resources/base-dir", "\"" + Base + "\"")
                .OnRaw("GET", "/resources/download", _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
                {
                    Content = new StreamContent(new TruncatedStream(1000, 5000)) { Headers = { ContentType = new("application/octet-stream"), ContentLength = 5000 } },
                });
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var target = Path.Combine(_dir, "y.bin");

            // A download that breaks off is a connection failure (ConnectionError), not a local file error.
            var ex = await Assert.ThrowsAsync<DsConnectionException>(() => client.Resources.DownloadAsync("/y.bin", target, overwrite: false));
            Assert.Contains("1000 of 5000 bytes", ex.Message);

            Assert.Empty(Directory.GetFiles(_dir));
        }

        [Fact]
        public async Task An_upload_whose_answer_was_lost_and_that_left_a_partial_resource_says_so_and_is_not_sent_again()
        {
            var scenario = new ResourceScenario();
            var server = new ScriptedDsServer().OnRaw("POST", "/resources", r =>
            {
                // The server stored a tenth of the file, then the connection broke before its answer.
                scenario.Items[r.Param("currentDir")!.TrimEnd('/') + "/" + r.Param("name")] = new byte[100];
                throw new HttpRequestException("The response ended prematurely.", new IOException("connection reset"));
            });
            scenario.Attach(server);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var file = LocalFile("part.bin", 1000);

            var ex = await Assert.ThrowsAsync<DsConnectionException>(() => client.Resources.UploadAsync(file, "/", overwrite: false));

            Assert.Contains("of 100 bytes exists on the server now, but the file has 1000: the upload is incomplete", ex.Message);
            Assert.Contains("Remove-DsResource", ex.Message);
            Assert.Single(server.Matching("POST", "/resources"));
        }

        [Fact]
        public async Task An_upload_whose_answer_was_lost_but_that_arrived_whole_is_returned()
        {
            var scenario = new ResourceScenario();
            var server = new ScriptedDsServer().OnRaw("POST", "/resources", r =>
            {
                scenario.Items[r.Param("currentDir")!.TrimEnd('/') + "/" + r.Param("name")] = new byte[1000];
                throw new HttpRequestException("The response ended prematurely.", new IOException("connection reset"));
            });
            scenario.Attach(server);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);

            var resource = await client.Resources.UploadAsync(LocalFile("whole.bin", 1000), "/", overwrite: false);

            Assert.Equal(1000, resource.Size);
            Assert.Single(server.Matching("POST", "/resources"));
        }

        private sealed class UnseekableStream : MemoryStream
        {
            public UnseekableStream(byte[] content) : base(content) { }
            public override bool CanSeek => false;
        }

        [Fact]
        public async Task A_download_without_a_length_that_ends_short_of_the_listed_size_leaves_no_file()
        {
            var server = new ScriptedDsServer()
                .On("GET", "/resources/base-dir", "\"" + Base + "\"")
                .On("GET", "/resources", "{\"totalList\":[{\"fullName\":\"" + Base + "/z.bin\",\"fileName\":\"z.bin\",\"size\":5000,\"directory\":false}],\"total\":1,\"totalPage\":1,\"currentPage\":1}")
                .OnRaw("GET", "/resources/download", _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
                {
                    Content = new StreamContent(new UnseekableStream(new byte[1000])) { Headers = { ContentType = new("application/octet-stream") } }, // no length: chunked
                });
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var target = Path.Combine(_dir, "z.bin");

            var ex = await Assert.ThrowsAsync<DsConnectionException>(() => client.Resources.DownloadAsync("/z.bin", target, overwrite: false, expectedSize: 5000));
            Assert.Contains("ended after 1000 bytes", ex.Message);
            Assert.Empty(Directory.GetFiles(_dir));
        }

        [Fact]
        public async Task A_download_refused_by_DS_is_its_error_and_no_file_appears()
        {
            var server = new ResourceScenario().Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var target = Path.Combine(_dir, "missing.bin");

            var ex = await Assert.ThrowsAsync<DsNotFoundException>(() => client.Resources.DownloadAsync("/missing.bin", target, overwrite: false));

            Assert.Equal(20004, ex.Code);
            Assert.Empty(Directory.GetFiles(_dir));
        }

        [Fact]
        public async Task An_existing_local_file_is_kept_without_overwrite_and_nothing_is_requested()
        {
            var server = new ResourceScenario().Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var target = LocalFile("keep.bin", 3);

            await Assert.ThrowsAsync<IOException>(() => client.Resources.DownloadAsync("/keep.bin", target, overwrite: false));
            Assert.Empty(server.Requests);
            Assert.Equal(3, new FileInfo(target).Length);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Delete_and_find_use_full_names_and_tenantCode_only_for_3_2(DsServerVersion version)
        {
            var scenario = new ResourceScenario { Family32 = version == DsServerVersion.V3_2 };
            scenario.Items[Base + "/old.jar"] = new byte[] { 1, 2 };
            var server = scenario.Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, version);

            var found = await client.Resources.GetAsync("/old.jar");
            await client.Resources.DeleteAsync(found.FullName);
            Assert.Null(await client.Resources.FindAsync("/old.jar"));
            await Assert.ThrowsAsync<DsNotFoundException>(() => client.Resources.GetAsync("/old.jar"));

            var delete = Assert.Single(server.Matching("DELETE", "/resources"));
            Assert.Equal(Base + "/old.jar", delete.Param("fullName"));
            Assert.Equal(version == DsServerVersion.V3_2 ? "etl" : null, delete.Param("tenantCode"));
            Assert.Single(server.Matching("GET", "/resources/base-dir")); // read once per connection
        }

        [Fact]
        public async Task The_root_is_the_base_directory()
        {
            var server = new ResourceScenario().Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var root = await client.Resources.GetAsync("/");
            Assert.Equal(Base, root.FullName);
            Assert.Equal("/", root.Path);
            Assert.True(root.IsDirectory);
        }

        [Fact]
        public async Task An_admin_on_3_2_works_in_the_tenants_resources_folder_below_the_storage_root()
        {
            // 3.2.2 answers base-dir with the storage root for admins (docs/server-compatibility.md Q9).
            var scenario = new ResourceScenario { Family32 = true };
            var server = scenario.Attach(new ScriptedDsServer().On("GET", "/resources/base-dir", "\"file:/dolphinscheduler\""));
            using var client = TestClient.Create(server, DsServerVersion.V3_2, tenantCode: "etl", admin: true);

            Assert.Equal(Base, await client.Resources.GetRootAsync());
            var dir = await client.Resources.CreateDirectoryAsync("/jobs", existingOk: false);
            Assert.Equal("/jobs", dir.Path);
            Assert.Equal(Base + "/jobs/", dir.FullName);
            Assert.Equal("jobs", dir.Name);
        }

        [Fact]
        public async Task An_admin_on_3_4_uses_base_dir_as_it_is()
        {
            var server = new ResourceScenario().Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, DsServerVersion.V3_4, tenantCode: "etl", admin: true);
            Assert.Equal(Base, await client.Resources.GetRootAsync());
        }

        [Fact]
        public async Task Listing_always_sends_searchVal_which_3_3_needs_on_a_non_empty_folder()
        {
            var scenario = new ResourceScenario();
            scenario.Items[Base + "/a.sh"] = new byte[] { 1 };
            var server = scenario.Attach(new ScriptedDsServer());
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var items = client.Resources.List("/", null, new DolphinScheduler.Client.Paging.PageRequest()).ToList();
            Assert.Single(items);
            Assert.Equal("", server.Matching("GET", "/resources").Single().Param("searchVal"));
        }

        private sealed class SyncProgress<T> : IProgress<T>
        {
            private readonly Action<T> _report;
            public SyncProgress(Action<T> report) { _report = report; }
            public void Report(T value) => _report(value);
        }

        /// <summary>A body that ends early: <c>available</c> bytes of a promised <c>length</c>.</summary>
        private sealed class TruncatedStream : Stream
        {
            private readonly long _available;
            private long _position;
            public TruncatedStream(long available, long length) { _available = available; Length = length; }
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length { get; }
            public override long Position { get => _position; set => throw new NotSupportedException(); }
            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = (int)Math.Min(count, _available - _position);
                _position += n;
                return n;
            }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
