using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Resources;

/// <summary>
/// DolphinScheduler 3.3+ (dev-2501, same API as 3.4.1) <c>ResourcesServiceImpl</c>: request transformers build the
/// absolute path, <c>AbstractResourceValidator</c> checks it (every failure a <c>ServiceException(String)</c>, i.e.
/// code 10000), <c>HdfsStorageOperator</c> does the work. Reproduced as read, including:
/// <list type="bullet">
/// <item>a name without extension is a directory, one with an extension a file (mkdir refuses extensions, upload needs one);</item>
/// <item>non-admins may only touch paths of their own tenant; admins any path under the storage root;</item>
/// <item>GET /resources: total counts the folder before the searchVal filter, currentPage is null, pageNo is the page
/// number, and a missing searchVal fails with Java's NullPointerException on a non-empty folder;</item>
/// <item>view reads <c>skipLineNum</c> lines after skipping <c>skipLineNum</c> unless <c>limit</c> is -1 (quirk 9);</item>
/// <item>PUT /resources with a file replaces the content at fullName and ignores name.</item>
/// </list>
/// </summary>
public sealed class Resources34(DsRequest request, ResourceStorage storage) : ResourceService(request, storage)
{
    private sealed record Metadata(string BaseDirectory, string Tenant, string RelativePath, string ParentAbsolutePath);

    private sealed record Entity(string FileName, string FullName, string PfullName, bool IsDirectory, long Size, string RelativePath, DateTime Time);

    private SandboxStore Store => Request.Store;
    private UserRow User => Request.User;

    // ---- endpoints ----

    public override DsResult BaseDir()
    {
        var tenant = Store.Tenants.Find(User.TenantId) ?? throw new DsServiceException(DsStatuses.CurrentLoginUserTenantNotExist);
        return DsResult.Ok(StorageBaseDirectory(tenant.TenantCode, Request.Enum("type")));
    }

    public override DsResult CreateDirectory()
    {
        var name = Request.Str("name")!;
        var currentDir = Request.Str("currentDir")!;
        var root = StorageBaseDirectory(TransformerTenantCode(), Request.Enum("type"));
        string path;
        if (currentDir == "/")
            path = JavaPaths.ConcatFilePath(root, name);
        else if (!currentDir.StartsWith(root, StringComparison.Ordinal))
            throw new DsServiceException(DsStatuses.IllegalResourcePath, currentDir);
        else
            path = JavaPaths.ConcatFilePath(currentDir, name);

        ExceptionResourceAbsolutePathInvalidated(path);
        ExceptionResourceExists(path);
        ExceptionUserNoResourcePermission(path);
        ExceptionResourceIsNotDirectory(path);
        Storage.MakeDirectories(path);
        return DsResult.Ok();
    }

    public override DsResult Upload()
    {
        var file = StagedFile();
        var parent = ParentDirectoryAbsolutePath(Request.Str("currentDir")!);
        var path = JavaPaths.ConcatFilePath(parent, Request.Str("name")!);
        ExceptionResourceAbsolutePathInvalidated(path);
        ExceptionResourceExists(path);
        if (file is null)
            throw Internal("The file is null");
        ExceptionUserNoResourcePermission(path);
        ExceptionResourceIsNotFile(path);
        Storage.MoveIn(file.StagedPath, path, overwrite: false);
        return DsResult.Ok();
    }

    public override DsResult OnlineCreate()
    {
        var fileName = Request.Str("fileName") + "." + Request.Str("suffix");
        var content = Request.Str("content");
        var parent = ParentDirectoryAbsolutePath(Request.Str("currentDir")!);
        var path = JavaPaths.ConcatFilePath(parent, fileName);
        ExceptionResourceAbsolutePathInvalidated(path);
        ExceptionResourceIsNotFile(path);
        ExceptionResourceExists(path);
        ExceptionUserNoResourcePermission(path);
        ExceptionFileContentInvalidated(content);
        Storage.WriteText(path, content!);
        return DsResult.Ok();
    }

    public override DsResult ListPaging()
    {
        var fullName = Request.Str("fullName");
        var keyword = JavaPaths.HandleEscapes(Request.Str("searchVal")) is { } escaped ? JavaTrim(escaped) : null;
        var pageNo = Request.Int("pageNo");
        var pageSize = Request.Int("pageSize");
        if (pageNo <= 0)
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "pageNo");
        if (pageSize <= 0)
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "pageSize");

        var type = Request.Enum("type");
        List<string> paths;
        if (!string.IsNullOrEmpty(fullName))
            paths = [fullName];
        else if (User.IsAdmin)
            paths = Store.Tenants.All.Select(t => StorageBaseDirectory(t.TenantCode, type)).ToList();
        else
            paths = [StorageBaseDirectory((Store.Tenants.Find(User.TenantId) ?? throw JavaExceptionWithoutMessage()).TenantCode, type)];
        if (paths.Count == 0)
            return DsResult.Ok(PageInfo.Empty<ResourceItemView>(pageNo, pageSize));

        foreach (var path in paths)
        {
            ExceptionResourceAbsolutePathInvalidated(path);
            ExceptionUserNoResourcePermission(path);
        }
        var entities = paths.SelectMany(ListStorageEntity).ToList();
        if (keyword is null && entities.Count > 0)
            throw JavaExceptionWithoutMessage(); // fileName.contains(null): NullPointerException
        var page = entities
            .Where(e => e.FileName.Contains(keyword!, StringComparison.Ordinal))
            .Skip((int)Math.Min(int.MaxValue, (long)(pageNo - 1) * pageSize))
            .Take(pageSize)
            .Select(ToItemView)
            .ToList();
        return DsResult.Ok(new ResourceItemPage { TotalList = page, Total = entities.Count, PageSize = pageSize, CurrentPage = null, PageNo = pageNo });
    }

    public override DsResult Tree() => QueryResourceFiles();

    public override DsResult QueryByType() => QueryResourceFiles();

    public override DsResult View()
    {
        var fullName = Request.Str("fullName")!;
        var skip = Request.Int("skipLineNum");
        var limit = Request.Int("limit");
        var effectiveLimit = limit == -1 ? int.MaxValue : skip; // ResourcesController: .limit(limit == -1 ? MAX_VALUE : skipLineNum)
        if (skip < 0)
            throw Internal("skipLineNum must be greater than or equal to 0");
        ExceptionResourceAbsolutePathInvalidated(fullName);
        ExceptionResourceIsNotFile(fullName);
        ExceptionUserNoResourcePermission(fullName);
        ExceptionFileContentCannotFetch(fullName);
        var lines = Storage.ReadLines(fullName, skip, effectiveLimit); // missing file: FileNotFoundException → 10060
        return DsResult.Ok(new ResourceContentView { Content = string.Join("\n", lines) });
    }

    public override DsResult Download()
    {
        var fullName = Request.Str("fullName")!;
        ExceptionResourceNotExists(fullName);
        ExceptionResourceAbsolutePathInvalidated(fullName);
        ExceptionResourceIsNotFile(fullName);
        ExceptionUserNoResourcePermission(fullName);
        var stream = Storage.OpenRead(fullName) ?? throw Internal($"Download the resource file: {fullName} failed");
        var fileName = JavaPaths.JavaFileName(fullName);
        return RawFile(stream, "application/octet-stream;charset=utf-8", "attachment;filename=" + fileName);
    }

    public override DsResult Delete()
    {
        var fullName = Request.Str("fullName")!;
        ExceptionResourceAbsolutePathInvalidated(fullName);
        ExceptionResourceNotExists(fullName);
        ExceptionUserNoResourcePermission(fullName);
        Storage.Delete(fullName, recursive: true);
        return DsResult.Ok();
    }

    public override DsResult Update()
    {
        var fullName = Request.Str("fullName")!;
        var name = Request.Str("name")!;
        var file = StagedFile();
        if (JavaPaths.FileExtension(name).Length == 0)
        {
            // renameDirectory (also when a file part was sent: it is ignored)
            var target = JavaPaths.SubstringBeforeLast(fullName, "/") + "/" + name;
            ExceptionResourceAbsolutePathInvalidated(fullName);
            ExceptionResourceIsNotDirectory(fullName);
            ExceptionResourceNotExists(fullName);
            ExceptionUserNoResourcePermission(fullName);
            ExceptionResourceAbsolutePathInvalidated(target);
            ExceptionResourceIsNotDirectory(target);
            ExceptionResourceExists(target);
            ExceptionUserNoResourcePermission(target);
            Storage.Move(fullName, target, overwrite: true);
            return DsResult.Ok();
        }
        if (file is null)
        {
            var target = JavaPaths.ConcatFilePath(GetResourceMetaData(fullName).ParentAbsolutePath, name);
            ExceptionResourceAbsolutePathInvalidated(fullName);
            ExceptionResourceNotExists(fullName);
            ExceptionResourceIsNotFile(fullName);
            ExceptionUserNoResourcePermission(fullName);
            ExceptionResourceAbsolutePathInvalidated(target);
            ExceptionResourceExists(target);
            ExceptionResourceIsNotFile(target);
            ExceptionUserNoResourcePermission(target);
            Storage.Move(fullName, target, overwrite: true);
            return DsResult.Ok();
        }
        // updateFile: the content at fullName is replaced; name plays no part.
        if (JavaPaths.FileExtension(string.IsNullOrEmpty(file.FileName) ? file.Name : file.FileName) != JavaPaths.FileExtension(fullName))
            throw Internal("file extension cannot not change");
        ExceptionResourceAbsolutePathInvalidated(fullName);
        ExceptionResourceNotExists(fullName);
        ExceptionResourceIsNotFile(fullName);
        ExceptionUserNoResourcePermission(fullName);
        Storage.MoveIn(file.StagedPath, fullName, overwrite: true);
        return DsResult.Ok();
    }

    public override DsResult UpdateContent()
    {
        var fullName = Request.Str("fullName")!;
        var content = Request.Str("content");
        ExceptionResourceAbsolutePathInvalidated(fullName);
        ExceptionResourceNotExists(fullName);
        ExceptionResourceIsNotFile(fullName);
        ExceptionUserNoResourcePermission(fullName);
        ExceptionFileContentCannotFetch(fullName);
        ExceptionFileContentInvalidated(content);
        try
        {
            Storage.WriteText(fullName, content!);
        }
        catch (IOException)
        {
            throw Internal($"Update the resource file from content: {fullName} failed");
        }
        return DsResult.Ok();
    }

    // ---- storage operator, transformers, validators ----

    /// <summary>getStorageBaseDirectory(tenant, type): FILE → …/&lt;tenant&gt;/resources, ALL → …/&lt;tenant&gt;.</summary>
    private string StorageBaseDirectory(string tenantCode, string? type)
    {
        if (string.IsNullOrEmpty(tenantCode))
            throw new ArgumentException("Tenant code should not be empty");
        var tenantDirectory = JavaPaths.ConcatFilePath(Base, tenantCode);
        return type switch
        {
            "FILE" => JavaPaths.ConcatFilePath(tenantDirectory, "resources"),
            "ALL" => tenantDirectory,
            _ => throw new ArgumentException($"Resource type: {type} not supported"),
        };
    }

    /// <summary>The transformers' tenant lookup: CURRENT_LOGIN_USER_TENANT_NOT_EXIST when the tenant is gone.</summary>
    private string TransformerTenantCode()
        => (Store.Tenants.Find(User.TenantId) ?? throw new DsServiceException(DsStatuses.CurrentLoginUserTenantNotExist)).TenantCode;

    /// <summary>AbstractResourceTransformer.getParentDirectoryAbsolutePath: "/" is the caller's root; anything else must start with it.</summary>
    private string ParentDirectoryAbsolutePath(string parent)
    {
        var root = StorageBaseDirectory(TransformerTenantCode(), Request.Enum("type"));
        if (parent == "/")
            return root;
        if (!parent.StartsWith(root, StringComparison.Ordinal))
            throw new DsServiceException(DsStatuses.IllegalResourcePath, parent);
        return parent;
    }

    /// <summary>AbstractStorageOperator.getResourceMetaData (tenant = first segment under the storage root).</summary>
    private Metadata GetResourceMetaData(string path)
    {
        var segments = JavaPaths.SplitMax(JavaPaths.SubstringAfter(path, Base), '/', 3);
        if (segments.Length == 0)
            throw new ArgumentException("Invalid resource path: " + path);
        // segments[2] with one segment is an ArrayIndexOutOfBoundsException ("2" on Java 8).
        var relative = segments.Length == 2 ? "/" : segments.Length > 2 ? segments[2] : throw new IndexOutOfRangeException("2");
        return new Metadata(Base, segments[0], relative, JavaPaths.SubstringBeforeLast(path, "/"));
    }

    private bool Exists(string path)
    {
        if (string.IsNullOrEmpty(path))
            throw new ArgumentException("Resource path should not be empty");
        return Storage.Exists(path);
    }

    private void ExceptionResourceAbsolutePathInvalidated(string path)
    {
        if (IsBlank(path))
            throw Internal("The resource path is null");
        if (!path.StartsWith(Base, StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal))
            throw Internal("Invalidated resource path: " + path);
    }

    private void ExceptionResourceNotExists(string path)
    {
        if (!Exists(path))
            throw Internal("Thr resource is not exists: " + path);
    }

    private void ExceptionResourceExists(string path)
    {
        if (Exists(path))
            throw Internal("The resource is already exist: " + path);
    }

    private static void ExceptionResourceIsNotDirectory(string path)
    {
        if (JavaPaths.FileExtension(path).Length > 0)
            throw Internal("The path is not a directory: " + path);
    }

    private static void ExceptionResourceIsNotFile(string path)
    {
        if (JavaPaths.FileExtension(path).Length == 0)
            throw Internal("The path is not a file: " + path);
    }

    private static void ExceptionFileContentInvalidated(string? content)
    {
        if (string.IsNullOrEmpty(content))
            throw Internal("The file content is null");
    }

    private static void ExceptionFileContentCannotFetch(string path)
    {
        var extension = JavaPaths.FileExtension(path);
        if (!ViewSuffixes.Contains(extension))
            throw Internal("The file type: " + extension + " cannot be fetched");
    }

    private void ExceptionUserNoResourcePermission(string path)
    {
        if (User.IsAdmin)
            return;
        var metadata = GetResourceMetaData(path);
        if (!path.StartsWith(metadata.BaseDirectory, StringComparison.Ordinal))
            throw Internal("Invalidated resource path: " + path);
        var tenant = Store.Tenants.Find(User.TenantId) ?? throw new DsServiceException(DsStatuses.TenantNotExist, User.TenantId);
        if (tenant.TenantCode != metadata.Tenant)
            throw Internal($"The user's tenant is {tenant.TenantCode} have no permission to access the resource: {path}");
    }

    /// <summary>listStorageEntity: one level, nothing for a missing path.</summary>
    private List<Entity> ListStorageEntity(string path)
    {
        if (string.IsNullOrEmpty(path))
            throw new ArgumentException("Resource path should not be empty");
        return Storage.List(path)?.Select(Transform).ToList() ?? [];
    }

    /// <summary>listFileStorageEntityRecursively: breadth first from the tenant's root.</summary>
    private List<Entity> ListRecursively(string path)
    {
        var result = new List<Entity>();
        var folders = new Queue<string>();
        folders.Enqueue(path);
        while (folders.Count > 0)
        {
            var entries = Storage.List(folders.Dequeue());
            if (entries is null)
                continue;
            foreach (var entry in entries)
            {
                if (entry.IsDirectory)
                    folders.Enqueue(entry.FullName);
                result.Add(Transform(entry));
            }
        }
        return result;
    }

    private Entity Transform(ResourceStorage.Entry entry)
    {
        var metadata = GetResourceMetaData(entry.FullName);
        return new Entity(entry.Name, entry.FullName, metadata.ParentAbsolutePath, entry.IsDirectory, entry.Length, metadata.RelativePath, entry.ModificationTime);
    }

    private static ResourceItemView ToItemView(Entity e) => new()
    {
        Alias = e.FileName,
        UserName = null,
        FileName = e.FileName,
        FullName = e.FullName,
        Type = "FILE", // getResourceMetaData always says FILE
        Size = e.Size,
        CreateTime = e.Time,
        UpdateTime = e.Time,
        Directory = e.IsDirectory,
    };

    /// <summary>queryResourceFiles (tree and query-by-type): the caller's tenant only, admins included.</summary>
    private DsResult QueryResourceFiles()
    {
        var tenant = Store.Tenants.Find(User.TenantId) ?? throw new DsServiceException(DsStatuses.TenantNotExist, User.TenantId);
        var entities = ListRecursively(StorageBaseDirectory(tenant.TenantCode, Request.Enum("type")));
        var fullNames = entities.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        return DsResult.Ok(entities
            .Where(e => e.PfullName == "" || !fullNames.Contains(e.PfullName))
            .Select(e => Component(e, entities))
            .ToList());
    }

    private static ResourceComponentView Component(Entity e, List<Entity> all) => new()
    {
        Name = e.FileName,
        CurrentDir = e.RelativePath,
        FullName = e.FullName,
        Type = "FILE",
        Dirctory = e.IsDirectory,
        Children = all.Where(c => c.PfullName == e.FullName).Select(c => Component(c, all)).ToList(),
    };
}
