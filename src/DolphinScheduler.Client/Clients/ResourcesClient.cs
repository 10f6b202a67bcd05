using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Resources;
using DolphinScheduler.Client.Serialization;
using DolphinScheduler.Client.Versioning;
using E = DolphinScheduler.Client.Endpoints.Api.Resources;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>
    /// The resource centre. Users name resources by folder-relative paths (<c>/flink/job.jar</c>) or by the server's
    /// full names; the tenant's base directory that joins the two is read once from GET /resources/base-dir.
    /// The same calls serve 3.2 and 3.3+: 3.2's extra <c>tenantCode</c>/<c>pid</c>/<c>type</c> parameters are always
    /// added here and dropped for 3.3+ by the flavour (Versioning/EnumTables.Only32).
    /// </summary>
    public sealed class ResourcesClient : ApiClient
    {
        /// <summary>The only resource type left in 3.3+ (UDF resources were removed).</summary>
        private const string FileType = "FILE";
        /// <summary>Chunk size of uploads, the same as downloads' (<see cref="SafeFile.CopyBufferSize"/>).</summary>
        private const int CopyBufferSize = SafeFile.CopyBufferSize;

        private readonly object _rootLock = new();
        private Task<string>? _root;

        internal ResourcesClient(ApiConnection api) : base(api) { }

        /// <summary>
        /// The folder that holds the user's resources, as the server names it (cached per connection): what
        /// folder-relative paths such as /flink/job.jar are relative to. Read from GET /resources/base-dir (never
        /// assumed, contract §11); on 3.2 an admin's base-dir is the storage root and the flavour's rules add the tenant's
        /// resources folder.
        /// </summary>
        public Task<string> GetRootAsync(CancellationToken cancellationToken = default)
        {
            lock (_rootLock)
            {
                if (_root == null || _root.IsFaulted || _root.IsCanceled)
                    _root = FetchRootAsync(cancellationToken);
                return _root;
            }
        }

        private ResourceRules Rules => Api.Transport.Flavor.Resources;

        private async Task<string> FetchRootAsync(CancellationToken cancellationToken)
        {
            var data = await Api.SendAsync(new DsRequest(E.BaseDir).Add("type", FileType), cancellationToken).ConfigureAwait(false);
            var text = data.ValueKind == System.Text.Json.JsonValueKind.String ? data.GetString() : null;
            if (string.IsNullOrEmpty(text))
                throw new DsApiException("The server did not return a resource base directory (GET /resources/base-dir).", DsErrorKind.Protocol, method: "GET", path: "/resources/base-dir");
            var connection = Api.Connection;
            return Rules.ResourcesRoot(text!, connection?.IsAdmin ?? false, connection?.TenantCode);
        }

        /// <summary>The server full name for a user's path or full name.</summary>
        public async Task<string> ResolveFullNameAsync(string pathOrFullName, CancellationToken cancellationToken = default)
        {
            var root = await GetRootAsync(cancellationToken).ConfigureAwait(false);
            return ResourcePath.Resolve(root, pathOrFullName);
        }

        /// <summary>The entries of a directory (not recursive), page by page. <paramref name="search"/> is DS's substring filter.</summary>
        public PagedList<DsResource> List(string directory, string? search, PageRequest page, CancellationToken cancellationToken = default)
        {
            return new PagedList<DsResource>(async (pageNo, pageSize, ct) =>
            {
                var root = await GetRootAsync(ct).ConfigureAwait(false);
                var fullName = Rules.DirectoryFullName(ResourcePath.Resolve(root, directory));
                var request = ListRequest(fullName, search).Add("pageNo", pageNo).Add("pageSize", pageSize);
                var data = await Api.SendAsync(request, ct).ConfigureAwait(false);
                var w = new WireObject(data, Api.Transport.Flavor);
                var items = w.TryGet("totalList", out var list) ? Api.MapArray(list, DsResource.Mapper(root)) : Array.Empty<DsResource>();
                return new PageInfo<DsResource>(items, w.Int("total") ?? items.Count, w.Int("totalPage") ?? 1, w.Int("currentPage") ?? pageNo);
            }, page, cancellationToken);
        }

        private DsRequest ListRequest(string directoryFullName, string? search) =>
            new DsRequest(E.List)
                .Add("fullName", directoryFullName)
                .Add("tenantCode", Api.Connection?.TenantCode)
                .Add("type", FileType)
                .Add("searchVal", search ?? ""); // 3.3+ fails (10057, a NullPointerException) on a non-empty folder without it

        /// <summary>
        /// The resource at a path or full name, or null. DS 3.3+ has no get-by-name (contract §9), so the parent
        /// directory is listed with the name as search text and matched exactly; a missing parent means a missing resource.
        /// </summary>
        public async Task<DsResource?> FindAsync(string pathOrFullName, CancellationToken cancellationToken = default)
        {
            var root = await GetRootAsync(cancellationToken).ConfigureAwait(false);
            var fullName = ResourcePath.Resolve(root, pathOrFullName);
            if (SameName(fullName, root)) return DsResource.Directory(root, root, Api.Connection!);
            var parent = ResourcePath.ParentFullName(fullName);
            var leaf = ResourcePath.Leaf(fullName);
            try
            {
                return await Task.Run(() => List(parent, leaf, new PageRequest { PageSize = 100 }, cancellationToken)
                    .FirstOrDefault(r => SameName(r.FullName, fullName)), cancellationToken).ConfigureAwait(false);
            }
            catch (DsNotFoundException)
            {
                return null;
            }
        }

        /// <summary>The resource at a path or full name; DsNotFoundException (DS code 20004) when there is none.</summary>
        public async Task<DsResource> GetAsync(string pathOrFullName, CancellationToken cancellationToken = default)
        {
            var found = await FindAsync(pathOrFullName, cancellationToken).ConfigureAwait(false);
            return found ?? throw NotFound(pathOrFullName);
        }

        /// <summary>
        /// Creates a directory and any missing parents. An existing directory is returned when <paramref name="existingOk"/>,
        /// else refused with DS's RESOURCE_EXIST (20005): 3.3+ itself would answer 10000 for an existing name (quirk 14).
        /// </summary>
        public async Task<DsResource> CreateDirectoryAsync(string pathOrFullName, bool existingOk, CancellationToken cancellationToken = default)
        {
            var root = await GetRootAsync(cancellationToken).ConfigureAwait(false);
            var target = ResourcePath.Resolve(root, pathOrFullName);
            var relative = ResourcePath.ToRelative(root, target);
            if (relative == ResourcePath.Root)
            {
                if (existingOk) return DsResource.Directory(root, root, Api.Connection!);
                throw Exists(pathOrFullName, "is the resource root");
            }
            if (!relative.StartsWith("/", StringComparison.Ordinal))
                throw new ArgumentException("Directories can only be created below the resource root " + root + "; '" + pathOrFullName + "' is outside it.");

            var existing = await FindAsync(target, cancellationToken).ConfigureAwait(false);
            if (existing != null)
            {
                if (!existing.IsDirectory) throw Exists(pathOrFullName, "is a file");
                if (existingOk) return existing;
                throw Exists(pathOrFullName, "already exists");
            }
            var parent = ResourcePath.Parent(relative);
            var parentDir = await CreateDirectoryAsync(parent, existingOk: true, cancellationToken).ConfigureAwait(false);
            var request = new DsRequest(E.CreateDirectory)
                .Add("type", FileType)
                .Add("name", ResourcePath.Leaf(relative))
                .Add("pid", -1)
                .Add("currentDir", Rules.DirectoryFullName(parentDir.FullName));
            // Never retried blindly: after an ambiguous failure the directory is looked up.
            var created = await AmbiguousCreate.RunAsync(
                async () =>
                {
                    await Api.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    return await FindAsync(target, cancellationToken).ConfigureAwait(false) ?? DsResource.Directory(root, target, Api.Connection!);
                },
                () => FindAsync(target, cancellationToken),
                "resource directory " + relative, Api.Transport, cancellationToken).ConfigureAwait(false);
            Api.Transport.Log.Verbose("Created resource directory " + relative);
            return created;
        }

        /// <summary>
        /// Uploads one local file into a resource directory (created when missing) with a streamed multipart body: the
        /// file is never read into memory. An existing file is refused (20005) unless <paramref name="overwrite"/>, which
        /// replaces its content with PUT /resources. Progress reports the bytes sent so far.
        /// </summary>
        public async Task<DsResource> UploadAsync(string localFile, string destinationDirectory, bool overwrite, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
        {
            var file = new FileInfo(localFile);
            if (!file.Exists) throw new FileNotFoundException("The file '" + localFile + "' does not exist.", localFile);
            var root = await GetRootAsync(cancellationToken).ConfigureAwait(false);
            var directory = await CreateDirectoryAsync(destinationDirectory, existingOk: true, cancellationToken).ConfigureAwait(false);
            var targetFullName = directory.FullName.TrimEnd('/') + "/" + file.Name;
            var existing = await FindAsync(targetFullName, cancellationToken).ConfigureAwait(false);
            if (existing != null && existing.IsDirectory) throw Exists(existing.Path, "is a directory");
            if (existing != null && !overwrite) throw Exists(existing.Path, "already exists (use -Force to overwrite it)");

            var request = existing == null
                ? new DsRequest(E.Upload).Add("type", FileType).Add("name", file.Name).Add("currentDir", Rules.DirectoryFullName(directory.FullName))
                : new DsRequest(E.Update).Add("fullName", existing.FullName).Add("tenantCode", Api.Connection?.TenantCode).Add("type", FileType).Add("name", file.Name);
            using var guard = new StallGuard(Api.Transport.Timeout, cancellationToken);
            request.Timeout = Timeout.InfiniteTimeSpan;
            request.MultipartFactory = parameters => Multipart(parameters, file, progress, guard);
            // Never retried blindly: after an ambiguous failure of a new upload, a resource of the file's name and size
            // means the server has it.
            var uploaded = await AmbiguousCreate.RunAsync(
                async () =>
                {
                    try { await Api.SendAsync(request, guard.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) when (guard.Stalled && !cancellationToken.IsCancellationRequested) { throw Stalled(request, guard); }
                    return await FindAsync(targetFullName, cancellationToken).ConfigureAwait(false) ?? throw NotFound(targetFullName);
                },
                async () =>
                {
                    var found = await FindAsync(targetFullName, cancellationToken).ConfigureAwait(false);
                    var shown = ResourcePath.ToRelative(root, targetFullName);
                    if (found == null) return null;
                    if (found.Size == file.Length && (existing == null || existing.Size != file.Length)) return found;
                    if (existing == null)
                        throw new AmbiguousCreate.IncompleteObjectException("A resource " + shown + " of " + found.Size + " bytes exists on the server now, but the file has "
                            + file.Length + ": the upload is incomplete. Remove it with Remove-DsResource, or send the file again with -Force.");
                    throw new AmbiguousCreate.IncompleteObjectException("Whether the content of " + shown + " was replaced is unknown (it has " + found.Size
                        + " bytes, the file " + file.Length + "). Sending the file again with -Force is safe.");
                },
                "resource " + ResourcePath.ToRelative(root, targetFullName), Api.Transport, cancellationToken).ConfigureAwait(false);
            Api.Transport.Log.Verbose((existing == null ? "Uploaded " : "Replaced ") + uploaded.Path + " (" + file.Length + " bytes)");
            return uploaded;
        }

        /// <summary>multipart/form-data: one text part per parameter, then the file as part "file" (contract §2).</summary>
        internal static HttpContent Multipart(IReadOnlyList<KeyValuePair<string, string>> parameters, FileInfo file, IProgress<long>? progress, StallGuard? guard)
        {
            var content = new MultipartFormDataContent("----DolphinSchedulerPowerShell" + Guid.NewGuid().ToString("N"));
            foreach (var p in parameters)
            {
                var part = new StringContent(p.Value, System.Text.Encoding.UTF8);
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(p.Key) };
                content.Add(part);
            }
            var stream = new ProgressReadStream(new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.SequentialScan), progress, guard);
            var filePart = new StreamContent(stream, CopyBufferSize);
            filePart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            filePart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote("file"), FileName = file.Name.All(c => c >= 32 && c < 127) ? Quote(file.Name) : file.Name }; // .NET MIME-encodes non-ASCII names; DS reads the "name" part anyway
            content.Add(filePart);
            return content;
        }

        /// <summary>
        /// Downloads a file to <paramref name="destinationFile"/> through a temporary file beside it that is renamed only
        /// after every byte arrived, so a failure never leaves a partial file (SafeFile). Whether the destination can be
        /// written is checked before anything is sent. A broken connection is a DsConnectionException; an answer without a
        /// length that ends short of the size the server lists (<paramref name="expectedSize"/>, checked again when it
        /// differs) is one too. Progress reports (bytes, total or -1).
        /// </summary>
        public async Task<FileInfo> DownloadAsync(string pathOrFullName, string destinationFile, bool overwrite, IProgress<(long Done, long Total)>? progress = null,
            CancellationToken cancellationToken = default, long? expectedSize = null)
        {
            var full = SafeFile.EnsureWritable(destinationFile, overwrite);
            var fullName = await ResolveFullNameAsync(pathOrFullName, cancellationToken).ConfigureAwait(false);
            var request = new DsRequest(E.Download).Add("fullName", fullName);
            var path = Api.Transport.Flavor.PathOf(request.Endpoint);
            long done;
            using (var response = await Api.Transport.SendForContentAsync(request, cancellationToken).ConfigureAwait(false))
            {
                done = await SafeFile.WriteAsync(full, response.Content, progress, overwrite, Api.Transport.Timeout, "GET", path, cancellationToken,
                    async (received, ct) =>
                    {
                        if (expectedSize == received) return true;
                        // Listed again: the resource may have changed since the caller's object was read.
                        var now = await FindAsync(fullName, ct).ConfigureAwait(false);
                        return now != null && now.Size == received;
                    }).ConfigureAwait(false);
            }
            Api.Transport.Log.Verbose("Downloaded " + fullName + " to " + full + " (" + done + " bytes)");
            return new FileInfo(full);
        }

        /// <summary>Deletes a file or a directory with everything in it.</summary>
        public Task DeleteAsync(string fullName, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Add("fullName", fullName).Add("tenantCode", Api.Connection?.TenantCode), cancellationToken);

        private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        private static bool SameName(string a, string b) => string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.Ordinal);

        internal static DsNotFoundException NotFound(string path) =>
            new("The resource '" + path + "' does not exist.", 20004, "RESOURCE_NOT_EXIST");

        private static DsAlreadyExistsException Exists(string path, string reason) =>
            new("The resource '" + path + "' " + reason + ".", 20005, "RESOURCE_EXIST");

        private DsConnectionException Stalled(DsRequest request, StallGuard guard) =>
            new("The transfer (" + request.Endpoint.Method + " " + Api.Transport.Flavor.PathOf(request.Endpoint) + ") made no progress for " + guard.Limit.TotalSeconds + " s and was abandoned.",
                DsErrorKind.Timeout, request.Endpoint.Method.Method, Api.Transport.Flavor.PathOf(request.Endpoint), null, requestMayHaveBeenProcessed: true);
    }
}
