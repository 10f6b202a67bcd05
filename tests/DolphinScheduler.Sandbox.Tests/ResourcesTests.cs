using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>
/// The resource centre against docs/server-compatibility.md Q9 and the DS sources it cites: exact fullName formats
/// (3.2: <c>file:/dolphinscheduler/…</c>, directories ending in '/'; 3.3+: <c>file:/tmp/dolphinscheduler/…</c>),
/// "already exists" codes, tenant rules and the per-version quirks.
/// </summary>
[Collection("Sandbox")]
public sealed class ResourcesTests(SandboxPair sandbox)
{
    private static bool Is32(string v) => v == "3.2";

    /// <summary>The admin's (tenant "default") resource root as a currentDir: 3.2 getResDir ends with '/'.</summary>
    private static string Root(string v, string tenant = "default")
        => Is32(v) ? $"file:/dolphinscheduler/{tenant}/resources/" : $"file:/tmp/dolphinscheduler/{tenant}/resources";

    /// <summary>fullName of a directory created in <paramref name="parent"/> (a directory fullName).</summary>
    private static string DirIn(string v, string parent, string name) => Is32(v) ? parent + name + "/" : parent + "/" + name;

    /// <summary>fullName of a file created in <paramref name="parent"/> (a directory fullName).</summary>
    private static string FileIn(string v, string parent, string name) => Is32(v) ? parent + name : parent + "/" + name;

    private static (string, string?)[] Tenant(string v, string tenant = "default") => Is32(v) ? [("tenantCode", tenant)] : [];

    private static Task<DsResponse> Mkdir(DsClient c, string v, string name, string currentDir)
        => c.Post("/resources/directory", [("type", "FILE"), ("name", name), .. Is32(v) ? new[] { ("pid", (object?)(-1)) } : [], ("currentDir", currentDir)]);

    private static Task<DsResponse> Upload(DsClient c, string name, string currentDir, byte[] bytes, string? fileName = null)
        => c.Multipart(HttpMethod.Post, "/resources", [("type", "FILE"), ("name", name), ("currentDir", currentDir)], (fileName ?? name, bytes));

    private static Task<DsResponse> List(DsClient c, string v, string fullName, string? searchVal = "", string tenant = "default", int pageNo = 1, int pageSize = 50)
        => c.Get("/resources", [("fullName", fullName), ("type", "FILE"), ("searchVal", searchVal), ("pageNo", pageNo), ("pageSize", pageSize), .. Tenant(v, tenant).Select(t => (t.Item1, (object?)t.Item2))]);

    private static JsonElement Row(DsResponse list, string fullName)
        => list.Data.GetProperty("totalList").EnumerateArray().Single(e => e.GetProperty("fullName").GetString() == fullName);

    private static IEnumerable<string> FullNames(DsResponse list)
        => list.Data.GetProperty("totalList").EnumerateArray().Select(e => e.GetProperty("fullName").GetString()!);

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Directory_upload_list_view_download_update_delete_round_trip(string v)
    {
        var admin = sandbox.Admin(v);
        var http = sandbox.Http;

        var baseDir = await admin.Get("/resources/base-dir", ("type", "FILE"));
        Assert.Equal(Is32(v) ? "file:/dolphinscheduler" : "file:/tmp/dolphinscheduler/default/resources", baseDir.Data.GetString()); // 3.2 admins get the storage root

        var d = SandboxPair.Unique("dir");
        var created = await Mkdir(admin, v, d, Root(v));
        Assert.Equal((HttpStatusCode.OK, 0), (created.Status, created.Code));
        var dir = DirIn(v, Root(v), d);
        var listedDir = Row(await List(admin, v, Root(v)), dir);
        Assert.True(listedDir.GetProperty("directory").GetBoolean());
        Assert.Equal(Is32(v) ? d + "/" : d, listedDir.GetProperty("fileName").GetString());

        // Upload a text file and a binary file (streamed multipart, part "file").
        var text = "line1\nline2\nline3\nline4\n"u8.ToArray();
        var binary = new byte[70_000];
        new Random(42).NextBytes(binary);
        Assert.Equal(0, (await Upload(admin, "data.txt", dir, text)).Code);
        Assert.Equal(0, (await Upload(admin, "blob.bin", dir, binary)).Code);
        var txt = FileIn(v, dir, "data.txt");
        var bin = FileIn(v, dir, "blob.bin");

        var inDir = await List(admin, v, dir);
        Assert.Equal(0, inDir.Code);
        Assert.Equal([bin, txt], FullNames(inDir));
        var row = Row(inDir, txt);
        Assert.Equal(text.Length, row.GetProperty("size").GetInt64());
        Assert.False(row.GetProperty("directory").GetBoolean());
        Assert.Equal("FILE", row.GetProperty("type").GetString());
        Assert.Equal("data.txt", row.GetProperty("alias").GetString());
        if (Is32(v))
        {
            // StorageEntity: fileName relative to the tenant's resource root, userName = tenant code, pfullName = listed path.
            Assert.Equal(d + "/data.txt", row.GetProperty("fileName").GetString());
            Assert.Equal("default", row.GetProperty("userName").GetString());
            Assert.Equal(dir, row.GetProperty("pfullName").GetString());
            Assert.Equal(0, row.GetProperty("id").GetInt32());
        }
        else
        {
            // ResourceItemVO: last segment only, userName never set; the page is built by Lombok's builder.
            Assert.Equal("data.txt", row.GetProperty("fileName").GetString());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("userName").ValueKind);
            Assert.False(row.TryGetProperty("pfullName", out _));
            Assert.Equal(JsonValueKind.Null, inDir.Data.GetProperty("currentPage").ValueKind);
            Assert.Equal(1, inDir.Data.GetProperty("pageNo").GetInt32());
        }

        // View: 3.2 skips then limits; 3.3+ uses skipLineNum as the limit unless limit is -1 (quirk 9).
        var view = await admin.Get("/resources/view", [("fullName", txt), ("skipLineNum", 1), ("limit", 2), .. Tenant(v).Select(t => (t.Item1, (object?)t.Item2))]);
        Assert.Equal(Is32(v) ? "line2\nline3" : "line2", view.Data.GetProperty("content").GetString());
        if (Is32(v))
            Assert.Equal(txt, view.Data.GetProperty("alias").GetString());
        else
            Assert.Equal("line2\nline3\nline4", (await admin.Get("/resources/view", ("fullName", txt), ("skipLineNum", 1), ("limit", -1))).Data.GetProperty("content").GetString());

        // Download: raw bytes, byte for byte, with the release's Content-Disposition.
        var download = await ResourceHelpers.Download(http, admin, bin);
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal(binary, download.Bytes);
        Assert.Equal(binary.Length, download.ContentLength);
        Assert.Equal(Is32(v) ? "attachment; filename=\"blob.bin\"" : "attachment;filename=blob.bin", download.ContentDisposition);
        Assert.StartsWith("application/octet-stream", download.ContentType);

        // Replace the content (PUT multipart with a file), then rename without a file.
        var replacement = Encoding.UTF8.GetBytes("replaced");
        var put = await admin.Multipart(HttpMethod.Put, "/resources",
            [("fullName", bin), ("name", "blob.bin"), .. Is32(v) ? new (string, string?)[] { ("type", "FILE") } : []], ("blob.bin", replacement));
        Assert.Equal(0, put.Code);
        Assert.Equal(replacement, (await ResourceHelpers.Download(http, admin, bin)).Bytes);
        var renamed = await admin.Multipart(HttpMethod.Put, "/resources",
            [("fullName", bin), ("name", "renamed.bin"), .. Is32(v) ? new (string, string?)[] { ("type", "FILE"), ("tenantCode", "default") } : []]);
        Assert.Equal(0, renamed.Code);
        Assert.Equal([FileIn(v, dir, "data.txt"), FileIn(v, dir, "renamed.bin")], FullNames(await List(admin, v, dir)).Order(StringComparer.Ordinal));

        // Edit online, create online.
        var edit = await admin.Put("/resources/update-content", [("fullName", txt), .. Tenant(v).Select(t => (t.Item1, (object?)t.Item2)), ("content", "a\nb")]);
        Assert.Equal(0, edit.Code);
        Assert.Equal("a\nb"u8.ToArray(), (await ResourceHelpers.Download(http, admin, txt)).Bytes);
        var online = await admin.Post("/resources/online-create", ("type", "FILE"), ("fileName", "notes"), ("suffix", "sh"), ("content", "echo hi"), ("currentDir", dir));
        Assert.Equal(0, online.Code);
        Assert.Contains(FileIn(v, dir, "notes.sh"), FullNames(await List(admin, v, dir)));

        // Rename the directory, then delete it with everything in it.
        var d2 = d + "x";
        var dirRenamed = await admin.Multipart(HttpMethod.Put, "/resources",
            [("fullName", dir), ("name", d2), .. Is32(v) ? new (string, string?)[] { ("type", "FILE") } : []]);
        Assert.Equal(0, dirRenamed.Code);
        var dir2 = DirIn(v, Root(v), d2);
        Assert.Equal(3, (await List(admin, v, dir2)).Data.GetProperty("total").GetInt32());
        Assert.DoesNotContain(dir, FullNames(await List(admin, v, Root(v))));

        Assert.Equal(0, (await admin.Delete("/resources", ("fullName", dir2))).Code);
        Assert.DoesNotContain(dir2, FullNames(await List(admin, v, Root(v))));
        var again = await admin.Delete("/resources", ("fullName", dir2));
        Assert.Equal(10000, again.Code);
        Assert.Equal(Is32(v)
            ? $"Internal Server Error: The path does not exist. Resource path: {dir2}"
            : $"Internal Server Error: Thr resource is not exists: {dir2}", again.Msg);
        Assert.False(Directory.EnumerateFileSystemEntries(sandbox.Server(v).DataDirectory, "*" + d2 + "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Existing_names_answer_20005_on_3_2_and_10000_on_3_3_plus(string v)
    {
        var admin = sandbox.Admin(v);
        var d = SandboxPair.Unique("dir");
        Assert.Equal(0, (await Mkdir(admin, v, d, Root(v))).Code);
        var dir = DirIn(v, Root(v), d);
        Assert.Equal(0, (await Upload(admin, "a.txt", dir, "x"u8.ToArray())).Code);
        Assert.Equal(0, (await admin.Post("/resources/online-create", ("type", "FILE"), ("fileName", "b"), ("suffix", "txt"), ("content", "y"), ("currentDir", dir))).Code);

        var mkdir = await Mkdir(admin, v, d, Root(v));
        var upload = await Upload(admin, "a.txt", dir, "z"u8.ToArray());
        var online = await admin.Post("/resources/online-create", ("type", "FILE"), ("fileName", "b"), ("suffix", "txt"), ("content", "y"), ("currentDir", dir));
        if (Is32(v))
        {
            foreach (var r in new[] { mkdir, upload, online })
                Assert.Equal((HttpStatusCode.OK, 20005, "resource already exists"), (r.Status, r.Code, r.Msg));
            Assert.Equal(20005, (await admin.Get("/resources/verify-name", ("fullName", dir + "a.txt"), ("type", "FILE"))).Code);
            Assert.Equal(0, (await admin.Get("/resources/verify-name", ("fullName", dir + "new.txt"), ("type", "FILE"))).Code);
            // Upload rules of 3.2.2: the name keeps the file's suffix (20008), empty files are refused (10062).
            Assert.Equal(20008, (await Upload(admin, "c.txt", dir, "x"u8.ToArray(), fileName: "c.sh")).Code);
            Assert.Equal(10062, (await Upload(admin, "e.txt", dir, [])).Code);
        }
        else
        {
            Assert.Equal($"Internal Server Error: The resource is already exist: {dir}", mkdir.Msg);
            Assert.Equal($"Internal Server Error: The resource is already exist: {dir}/a.txt", upload.Msg);
            Assert.Equal($"Internal Server Error: The resource is already exist: {dir}/b.txt", online.Msg);
            Assert.All(new[] { mkdir, upload, online }, r => Assert.Equal((HttpStatusCode.OK, 10000), (r.Status, r.Code)));
            // verify-name is gone in 3.3+: an authenticated caller gets the UI page (HTTP 200 HTML, no envelope), as for any unknown path.
            var gone = await admin.Get("/resources/verify-name", ("fullName", dir), ("type", "FILE"));
            Assert.Equal((HttpStatusCode.OK, "text/html"), (gone.Status, gone.ContentType));
            // Extension rules of 3.3+: directories have none, files need one.
            Assert.Equal($"Internal Server Error: The path is not a directory: {dir}/x.y", (await Mkdir(admin, v, "x.y", dir)).Msg);
            Assert.Equal($"Internal Server Error: The path is not a file: {dir}/noext", (await Upload(admin, "noext", dir, "x"u8.ToArray())).Msg);
        }
        Assert.Equal("x"u8.ToArray(), (await ResourceHelpers.Download(sandbox.Http, admin, FileIn(v, dir, "a.txt"))).Bytes); // not overwritten
        await admin.Delete("/resources", ("fullName", dir));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Users_work_in_their_tenant_folder(string v)
    {
        var admin = sandbox.Admin(v);
        var (tenant, userName, user) = await sandbox.NewTenantUser(v);

        Assert.Equal(Is32(v) ? $"file:/dolphinscheduler/{tenant}/resources" : $"file:/tmp/dolphinscheduler/{tenant}/resources",
            (await user.Get("/resources/base-dir", ("type", "FILE"))).Data.GetString());

        // "/" is the caller's resource root.
        Assert.Equal(0, (await Upload(user, "mine.txt", "/", "mine"u8.ToArray())).Code);
        var mine = FileIn(v, Root(v, tenant), "mine.txt");
        var own = await List(user, v, "", tenant: tenant);
        Assert.Equal([mine], FullNames(own));

        // Somebody else's folder as currentDir.
        var foreign = await Mkdir(user, v, "elsewhere", Root(v));
        if (Is32(v))
        {
            // 3.2.2: a currentDir that does not contain the caller's root means the caller's root.
            Assert.Equal(0, foreign.Code);
            Assert.Contains(DirIn(v, Root(v, tenant), "elsewhere"), FullNames(await List(user, v, "", tenant: tenant)));
        }
        else
        {
            Assert.Equal((20020, $"Resource file [{Root(v)}] is illegal"), (foreign.Code, foreign.Msg));
        }

        var secret = SandboxPair.Unique("secret") + ".txt";
        Assert.Equal(0, (await Upload(admin, secret, Root(v), "secret"u8.ToArray())).Code);
        var secretName = FileIn(v, Root(v), secret);
        var theirs = await List(user, v, Root(v), tenant: "default");
        var download = await ResourceHelpers.Download(sandbox.Http, user, secretName);
        if (Is32(v))
        {
            Assert.Equal((1400001, "The current user does not have this permission."), (theirs.Code, theirs.Msg));
            Assert.Equal(1400001, (await user.Get("/resources/view", ("fullName", secretName), ("skipLineNum", 0), ("limit", 10), ("tenantCode", "default"))).Code);
            // 3.2.2's download only checks that the path is under the storage root, not whose it is.
            Assert.Equal("secret"u8.ToArray(), download.Bytes);
        }
        else
        {
            var denied = $"Internal Server Error: The user's tenant is {tenant} have no permission to access the resource: ";
            Assert.Equal((10000, denied + Root(v)), (theirs.Code, theirs.Msg));
            var error = JsonDocument.Parse(download.Bytes).RootElement;
            Assert.Equal(denied + secretName, error.GetProperty("msg").GetString());
            Assert.Equal(denied + secretName, (await user.Delete("/resources", ("fullName", secretName))).Msg);
        }

        // Admins list every tenant's root when fullName is empty.
        var all = FullNames(await List(admin, v, "", pageSize: 10_000)).ToList();
        Assert.Contains(mine, all);
        Assert.Contains(secretName, all);
        _ = userName;
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Tree_and_query_by_type(string v)
    {
        var admin = sandbox.Admin(v);
        var (tenant, _, user) = await sandbox.NewTenantUser(v);
        Assert.Equal(0, (await Mkdir(user, v, "lib", "/")).Code);
        var lib = DirIn(v, Root(v, tenant), "lib");
        Assert.Equal(0, (await Upload(user, "job.jar", lib, [1, 2, 3])).Code);
        Assert.Equal(0, (await Upload(user, "run.py", "/", "print(1)"u8.ToArray())).Code);

        var tree = await user.Get("/resources/list", [("type", "FILE"), .. Is32(v) ? new[] { ("fullName", (object?)"") } : []]);
        Assert.Equal(0, tree.Code);
        var nodes = tree.Data.EnumerateArray().ToList();
        var libNode = nodes.Single(n => n.GetProperty("fullName").GetString() == lib);
        Assert.True(libNode.GetProperty("dirctory").GetBoolean()); // sic
        var jar = Assert.Single(libNode.GetProperty("children").EnumerateArray());
        Assert.Equal(FileIn(v, lib, "job.jar"), jar.GetProperty("fullName").GetString());
        Assert.False(jar.GetProperty("dirctory").GetBoolean());
        if (Is32(v))
        {
            // Names are StorageEntity aliases: top-level folders are "/lib/" (difference against getDir without '/').
            Assert.Equal("/lib/", libNode.GetProperty("name").GetString());
            Assert.Equal("job.jar", jar.GetProperty("name").GetString());
            Assert.Equal(lib, jar.GetProperty("pid").GetString());
            Assert.Equal("0_0", jar.GetProperty("idValue").GetString());
        }
        else
        {
            Assert.Equal(("lib", "lib"), (libNode.GetProperty("name").GetString(), libNode.GetProperty("currentDir").GetString()));
            Assert.Equal("lib/job.jar", jar.GetProperty("currentDir").GetString());
        }

        var byType = await user.Get("/resources/query-by-type", [("type", "FILE"), .. Is32(v) ? new[] { ("programType", (object?)"JAVA") } : []]);
        var names = byType.Data.EnumerateArray().Select(n => n.GetProperty("fullName").GetString()).ToList();
        if (Is32(v))
            Assert.Equal([lib], names); // only .jar files and their folders
        else
            Assert.Equal(2, names.Count); // 3.3+: the same tree as /resources/list
        _ = admin;
    }

    [Fact]
    public async Task Resource_listing_quirks_of_3_3_plus()
    {
        var admin = sandbox.Admin("3.4");
        var d = SandboxPair.Unique("dir");
        await Mkdir(admin, "3.4", d, Root("3.4"));
        var dir = Root("3.4") + "/" + d;
        foreach (var name in new[] { "a.txt", "b.txt", "c.sh" })
            await Upload(admin, name, dir, "x"u8.ToArray());

        // total counts the folder before the searchVal filter; pageNo is the page number, currentPage null.
        var filtered = await List(admin, "3.4", dir, searchVal: ".txt", pageNo: 1, pageSize: 1);
        Assert.Equal((3, 1, 1), (filtered.Data.GetProperty("total").GetInt32(), filtered.Data.GetProperty("pageNo").GetInt32(), filtered.Data.GetProperty("totalList").GetArrayLength()));
        Assert.Equal(3, filtered.Data.GetProperty("totalPage").GetInt32());
        Assert.Equal(dir + "/b.txt", FullNames(await List(admin, "3.4", dir, searchVal: ".txt", pageNo: 2, pageSize: 1)).Single());

        // Without searchVal the filter calls contains(null): Java's NullPointerException.
        var noSearch = await List(admin, "3.4", dir, searchVal: null);
        Assert.Equal((10057, "query resources list paging:null"), (noSearch.Code, noSearch.Msg));
        await admin.Delete("/resources", ("fullName", dir));
    }

    [Fact]
    public async Task Resource_quirks_of_3_2()
    {
        var admin = sandbox.Admin("3.2");
        var d = SandboxPair.Unique("dir");
        await Mkdir(admin, "3.2", d, Root("3.2"));
        var dir = Root("3.2") + d + "/";
        await Upload(admin, "a.txt", dir, "1\n2\n3"u8.ToArray());

        // currentDir without the trailing '/' is concatenated as is.
        Assert.Equal(0, (await Mkdir(admin, "3.2", "sub", dir.TrimEnd('/'))).Code);
        Assert.Contains(Root("3.2") + d + "sub/", FullNames(await List(admin, "3.2", Root("3.2"))));

        // Listing the base-dir form (no trailing '/') changes the alias: StringUtils.difference against the listed path.
        var row = Row(await List(admin, "3.2", Root("3.2").TrimEnd('/')), dir);
        Assert.Equal(("/" + d + "/", d + "/"), (row.GetProperty("alias").GetString(), row.GetProperty("fileName").GetString()));

        // query-file-name: the tenant's getDir (no trailing '/') + fileName.
        var byName = await admin.Get("/resources/query-file-name", ("fileName", "/" + d + "/a.txt"), ("tenantCode", "default"), ("type", "FILE"));
        Assert.Equal(dir + "a.txt", byName.Data.GetProperty("fullName").GetString());
        var missing = await admin.Get("/resources/query-file-name", ("fileName", "/nope.txt"), ("tenantCode", "default"), ("type", "FILE"));
        Assert.Equal((20004, "resource not exist"), (missing.Code, missing.Msg));
        Assert.Equal(10001, (await admin.Get("/resources/query-file-name", ("type", "FILE"))).Code);
        // Binding failures use the controller's @ApiException, which the contract row leaves out.
        var noType = await admin.Get("/resources/query-file-name");
        Assert.Equal((20004, "resource not exist"), (noType.Code, noType.Msg));
        var unbound = await admin.Get("/resources/verify-name", ("fullName", dir));
        Assert.Equal((10059, "verify resource by name and type error"), (unbound.Code, unbound.Msg));

        // limit -1 is a Java Stream.limit(-1) error on 3.2.2; directories cannot be downloaded by their '/' name.
        Assert.Equal(10006, (await admin.Get("/resources/view", ("fullName", dir + "a.txt"), ("skipLineNum", 0), ("limit", -1), ("tenantCode", "default"))).Code);
        var dirDownload = JsonDocument.Parse((await ResourceHelpers.Download(sandbox.Http, admin, dir)).Bytes).RootElement;
        Assert.Equal("Internal Server Error: can't download directory", dirDownload.GetProperty("msg").GetString());

        // A fullName outside the storage root.
        var illegal = await admin.Delete("/resources", ("fullName", "file:/etc/passwd"));
        Assert.Equal((20020, "Resource file [file:/etc/passwd] is illegal"), (illegal.Code, illegal.Msg));
        await admin.Delete("/resources", ("fullName", dir));
        await admin.Delete("/resources", ("fullName", Root("3.2") + d + "sub/"));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Upload_over_1024_MB_fails_before_any_handler_with_500(string v)
    {
        // Announce a 2 GiB multipart body: DS's max-request-size (1024MB) refuses it before the controller.
        var uri = sandbox.Server(v).BaseUri;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        var head = $"POST {uri.AbsolutePath}/resources HTTP/1.1\r\nHost: {uri.Authority}\r\nsessionId: {sandbox.Admin(v).SessionId}\r\n" +
                   "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 2147483648\r\n\r\n--b\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("HTTP/1.1 500 Internal Server Error", statusLine);
    }
}
