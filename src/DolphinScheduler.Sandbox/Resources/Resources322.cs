using DolphinScheduler.Sandbox.Api;
using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Resources;

/// <summary>
/// DolphinScheduler 3.2.2 <c>ResourcesServiceImpl</c> over <c>HdfsStorageOperator</c> with LOCAL storage
/// (defaultFS <c>file:/</c>, upload base <c>/dolphinscheduler</c>). Reproduced as read, including what looks odd:
/// <list type="bullet">
/// <item>directory fullNames end with '/'; <c>getDir</c> (base-dir, tree root) has no trailing '/', <c>getResDir</c> has one;</item>
/// <item>new names are <c>currentDir + name</c> without separator, and a currentDir that does not contain the caller's
/// resource root (<c>…/&lt;tenant&gt;/resources/</c>) means that root, so nobody creates in another tenant's folder;</item>
/// <item>reads, renames and deletes only check that the path starts with the storage root and, when a
/// <c>tenantCode</c> is sent, that it is the caller's: a user may read another tenant's file by its fullName;</item>
/// <item><c>alias</c>/<c>fileName</c> come from <c>StringUtils.difference</c> against the path that was listed.</item>
/// </list>
/// </summary>
public sealed class Resources322(DsRequest request, ResourceStorage storage) : ResourceService(request, storage)
{
    /// <summary>Constants.RESOURCE_FULL_NAME_MAX_LENGTH (upload only).</summary>
    private const int FullNameMaxLength = 128;

    /// <summary>Constants.MAX_FILE_SIZE.</summary>
    private const long MaxFileSize = 1024L * 1024 * 1024;

    private sealed record Entity(
        string FullName, string FileName, string Alias, string PfullName, bool IsDirectory, string? UserName, string? Type, long Size, DateTime Time);

    private SandboxStore Store => Request.Store;
    private UserRow User => Request.User;
    private string? TypeParam => Request.Enum("type");

    // ---- endpoints ----

    public override DsResult BaseDir()
    {
        var tenant = TenantCode(User);
        return DsResult.Ok(User.IsAdmin ? Dir("ALL", tenant) : Dir(TypeParam, tenant));
    }

    public override DsResult CreateDirectory()
    {
        var name = Request.Str("name")!;
        var currentDir = Request.Str("currentDir")!;
        if (JavaPaths.DirectoryTraversal(name))
            return DsResult.Error(DsStatuses.VerifyParameterNameFailed);
        var tenant = TenantCode(User);
        CheckFullName(currentDir);
        var root = TypeParam == "UDF" ? UdfDir(tenant) : ResDir(tenant);
        var fullName = !currentDir.Contains(root, StringComparison.Ordinal) ? root + name : currentDir + name;
        if (Exists(fullName))
            return DsResult.Error(DsStatuses.ResourceExist);
        try
        {
            Storage.MakeDirectories(Dir(TypeParam, tenant));
            Storage.MakeDirectories(fullName);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw Internal($"create resource directory: {fullName} failed.");
        }
        return DsResult.Ok();
    }

    public override DsResult Upload()
    {
        var name = Request.Str("name")!;
        var currentDir = Request.Str("currentDir")!;
        var file = StagedFile()!;
        var tenant = TenantCode(User);
        CheckFullName(currentDir);
        if (VerifyFile(name, file) is { } invalid)
            return DsResult.Error(invalid);
        var root = TypeParam == "UDF" ? UdfDir(tenant) : ResDir(tenant);
        var fullName = !currentDir.Contains(root, StringComparison.Ordinal) ? root + name : currentDir + name;
        if (Exists(fullName))
            return DsResult.Error(DsStatuses.ResourceExist);
        if (fullName.Length > FullNameMaxLength)
            return DsResult.Error(DsStatuses.ResourceFullNameTooLongError);
        if (!UploadFile(fullName, file))
            throw Internal($"upload resource: {name} file: {file.FileName} failed.");
        return DsResult.Ok();
    }

    public override DsResult OnlineCreate()
    {
        var fileName = Request.Str("fileName")!;
        var suffix = Request.Str("suffix")!;
        var content = Request.Str("content");
        var currentDir = Request.Str("currentDir")!;
        if (string.IsNullOrEmpty(content)) // checked by the controller before the service
            return DsResult.Error(DsStatuses.ResourceFileIsEmpty);
        var tenant = TenantCode(User);
        CheckFullName(currentDir);
        if (JavaPaths.DirectoryTraversal(fileName))
            return DsResult.Error(DsStatuses.VerifyParameterNameFailed);
        var nameSuffix = JavaTrim(suffix);
        if (!ViewSuffixes.Contains(nameSuffix))
            return DsResult.Error(DsStatuses.ResourceSuffixNotSupportView);
        var name = JavaTrim(fileName) + "." + nameSuffix;
        var root = ResDir(tenant);
        var fullName = currentDir.Contains(root, StringComparison.Ordinal) ? currentDir + name : root + name;
        if (Exists(fullName))
            return DsResult.Error(DsStatuses.ResourceExist);
        WriteContent(fullName, tenant, content);
        return DsResult.Ok();
    }

    public override DsResult ListPaging()
    {
        var (pageNo, pageSize) = Paging.Read(Request);
        var searchVal = JavaPaths.HandleEscapes(Request.Str("searchVal"));
        var tenant = TenantCode(User);
        var fullName = Request.Str("fullName")!;
        CheckFullName(fullName);
        if (!IsUserTenantValid(tenant, Request.Str("tenantCode")))
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        List<Entity> entities;
        try
        {
            entities = QueryStorageEntityList(fullName, tenant, recursive: false);
        }
        catch (DsServiceException)
        {
            return DsResult.Error(DsStatuses.ResourceNotExist);
        }
        var keyword = searchVal is null ? "" : JavaTrim(searchVal);
        var rows = entities.Where(e => e.FileName.Contains(keyword, StringComparison.Ordinal)).Select(ToView).ToList();
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    public override DsResult Tree()
    {
        var tenant = TenantCode(User);
        var fullName = Request.Str("fullName")!;
        CheckFullName(fullName);
        var type = TypeParam;
        var baseDir = Dir(type, tenant);
        var entities = new List<Entity>();
        if (IsBlank(fullName))
        {
            if (User.IsAdmin)
            {
                var visited = new HashSet<string>(StringComparer.Ordinal);
                foreach (var user in Store.Users.All)
                {
                    var code = TenantCode(user);
                    if (!visited.Add(code))
                        continue;
                    baseDir = Dir(type, code);
                    entities.AddRange(ListRecursively(baseDir, baseDir, code, type));
                }
            }
            else
                entities = ListRecursively(baseDir, baseDir, tenant, type);
        }
        else
            entities = ListRecursively(fullName, baseDir, tenant, type);
        return DsResult.Ok(Visit(entities, baseDir));
    }

    public override DsResult QueryByType()
    {
        if (TenantQueries.ById(Store, User.TenantId) is null)
            return DsResult.Error(DsStatuses.CurrentLoginUserTenantNotExist);
        var tenant = TenantCode(User);
        var all = QueryStorageEntityList("", tenant, recursive: true);
        var suffix = Request.Enum("programType") == "PYTHON" ? ".py" : ".jar";
        // ResourceFilter: the matching files and every listed resource whose fullName is a prefix of one (a HashSet in
        // DS, so unordered; sorted here by fullName).
        var files = all.Where(e => e.FullName.EndsWith(suffix, StringComparison.Ordinal)).ToList();
        var kept = all.Where(e => files.Any(f => f.FullName.StartsWith(e.FullName, StringComparison.Ordinal)))
            .DistinctBy(e => e.FullName)
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        return DsResult.Ok(Visit(kept, ""));
    }

    public override DsResult View()
    {
        var fullName = Request.Str("fullName")!;
        var skip = Request.Int("skipLineNum");
        var limit = Request.Int("limit");
        var tenant = TenantCode(User);
        CheckFullName(fullName);
        if (!IsUserTenantValid(tenant, Request.Str("tenantCode")))
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        if (!ViewSuffixes.Contains(JavaPaths.FileExtension(fullName)))
            return DsResult.Error(DsStatuses.ResourceSuffixNotSupportView);
        List<string> lines;
        try
        {
            if (!Storage.Exists(fullName))
                return DsResult.Error(DsStatuses.ResourceFileNotExist, fullName);
            if (skip < 0 || limit < 0)
                throw new ArgumentException("Stream.skip/limit: negative value"); // IllegalArgumentException in Java
            lines = Storage.ReadLines(fullName, skip, limit);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return DsResult.Error(DsStatuses.HdfsOperationError);
        }
        return DsResult.Ok(new ResourceContent32View { Alias = fullName, Content = string.Join("\n", lines) });
    }

    public override DsResult Download()
    {
        var fullName = Request.Str("fullName")!;
        if (fullName.EndsWith('/'))
            throw Internal("can't download directory");
        TenantCode(User); // a user without tenant fails here (10181)
        CheckFullName(fullName);
        var segments = fullName.Split('/');
        var alias = segments.Reverse().FirstOrDefault(s => s.Length > 0) ?? "";
        // Hadoop copies a directory to a local directory and Spring then fails reading it; treated as a failed copy.
        var stream = Storage.OpenRead(fullName)
            ?? throw Internal("Download the resource file failed ,it may be related to your storage");
        // ResponseEntity<Resource>: Spring sets Content-Length; the type is left to Spring's MediaTypeFactory, sent
        // here as application/octet-stream for every file.
        return RawFile(stream, "application/octet-stream", $"attachment; filename=\"{alias}\"");
    }

    public override DsResult Delete()
    {
        var fullName = Request.Str("fullName")!;
        var tenant = TenantCode(User);
        CheckFullName(fullName);
        var resTenant = Request.Str("tenantCode");
        if (!IsUserTenantValid(tenant, resTenant))
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        var baseDir = ResDir(tenant);
        try
        {
            _ = GetFileStatus(fullName, baseDir, resTenant, null);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            throw Internal(e.Message + " Resource path: " + fullName);
        }
        Storage.Delete(fullName, recursive: true);
        return DsResult.Ok();
    }

    public override DsResult Update()
    {
        var fullName = Request.Str("fullName")!;
        var resTenant = Request.Str("tenantCode");
        var name = Request.Str("name")!;
        var file = StagedFile();
        var tenant = TenantCode(User);
        CheckFullName(fullName);
        if (!IsUserTenantValid(tenant, resTenant))
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        var defaultPath = Dir(TypeParam, tenant);
        Entity resource;
        try
        {
            resource = GetFileStatus(fullName, defaultPath, resTenant, TypeParam);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            throw Internal($"Get file status fail, resource path: {fullName}");
        }

        // "the format of hdfs folders in the implementation has a "/" at the very end, we need to remove it."
        var originFullName = Chop(resource.FullName);
        var originName = resource.Alias; // a directory's alias keeps its '/': renaming a folder to its own name is 20005
        name = Chop(name);
        var newFullName = originFullName[..(originFullName.LastIndexOf('/') + 1)] + name;
        if (originName != name && Exists(newFullName))
            return DsResult.Error(DsStatuses.ResourceExist);
        if (VerifyFile(name, file) is { } invalid)
            return DsResult.Error(invalid);
        if (originName == name && file is null)
            return DsResult.Ok();
        if (file is not null)
        {
            if (!UploadFile(newFullName, file))
                throw Internal($"upload resource: {name} file: {file.FileName} failed.");
            if (newFullName != originFullName)
            {
                try
                {
                    Storage.Delete(originFullName, recursive: false);
                }
                catch (IOException)
                {
                    throw Internal($"delete resource: {originFullName} failed.");
                }
            }
            return DsResult.Ok();
        }
        try
        {
            Storage.Move(originFullName, newFullName, overwrite: true);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            throw Internal($"hdfs copy {originFullName} -> {newFullName} fail");
        }
        return DsResult.Ok();
    }

    public override DsResult UpdateContent()
    {
        var fullName = Request.Str("fullName")!;
        var resTenant = Request.Str("tenantCode");
        var content = Request.Str("content");
        if (string.IsNullOrEmpty(content))
            return DsResult.Error(DsStatuses.ResourceFileIsEmpty);
        var tenant = TenantCode(User);
        CheckFullName(fullName);
        if (!IsUserTenantValid(tenant, resTenant))
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        Entity resource;
        try
        {
            resource = GetFileStatus(fullName, "", resTenant, "FILE");
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return DsResult.Error(DsStatuses.ResourceNotExist);
        }
        if (!ViewSuffixes.Contains(JavaPaths.FileExtension(resource.Alias)))
            return DsResult.Error(DsStatuses.ResourceSuffixNotSupportView);
        WriteContent(resource.FullName, resTenant, content);
        return DsResult.Ok();
    }

    public override DsResult QueryFileName()
    {
        var fileName = Request.Str("fileName");
        if (IsBlank(fileName))
            return DsResult.Error(DsStatuses.RequestParamsNotValidError);
        var tenant = TenantCode(User);
        var resTenant = Request.Str("tenantCode");
        if (!IsUserTenantValid(tenant, resTenant))
            return DsResult.Error(DsStatuses.NoCurrentOperatingPermission);
        var defaultPath = Dir(TypeParam, resTenant ?? "null"); // String.format("%s", null)
        try
        {
            return DsResult.Ok(ToView(GetFileStatus(defaultPath + fileName, defaultPath, resTenant, TypeParam)));
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return DsResult.Error(DsStatuses.ResourceNotExist);
        }
    }

    public override DsResult VerifyName()
        => Exists(Request.Str("fullName")!) ? DsResult.Error(DsStatuses.ResourceExist) : DsResult.Ok();

    // ---- ResourcesServiceImpl helpers ----

    /// <summary>getTenantCode: tenantMapper.queryById (joins the queue) or ServiceException 10181.</summary>
    private string TenantCode(UserRow user)
        => TenantQueries.ById(Store, user.TenantId)?.Tenant.TenantCode
           ?? throw new DsServiceException(DsStatuses.CurrentLoginUserTenantNotExist);

    /// <summary>checkFullName: empty and "/" pass; "../" or a path outside the storage root is ILLEGAL_RESOURCE_PATH.</summary>
    private void CheckFullName(string fullName)
    {
        if (string.IsNullOrEmpty(fullName) || string.Equals(fullName, "/", StringComparison.OrdinalIgnoreCase))
            return;
        if (fullName.Contains("../", StringComparison.Ordinal) || !fullName.StartsWith(Dir("ALL", ""), StringComparison.Ordinal))
            throw new DsServiceException(DsStatuses.IllegalResourcePath, fullName);
    }

    /// <summary>isUserTenantValid: admins always; an absent tenantCode is accepted; otherwise it must be the caller's.</summary>
    private bool IsUserTenantValid(string userTenant, string? resTenant)
        => User.IsAdmin || string.IsNullOrEmpty(resTenant) || resTenant == userTenant;

    /// <summary>getDir(type, tenant): FILE → …/&lt;tenant&gt;/resources, UDF → …/udfs, ALL → the storage root (no trailing '/').</summary>
    private string Dir(string? type, string tenant) => type switch
    {
        "UDF" => Base + "/" + tenant + "/udfs",
        "ALL" => Base,
        "FILE" => Base + "/" + tenant + "/resources",
        _ => "",
    };

    private string ResDir(string tenant) => Dir("FILE", tenant) + "/";

    private string UdfDir(string tenant) => Dir("UDF", tenant) + "/";

    /// <summary>checkResourceExists: storage errors count as "does not exist".</summary>
    private bool Exists(string fullName) => Storage.Exists(fullName);

    private static string Chop(string s) => s.EndsWith('/') ? s[..^1] : s;

    /// <summary>verifyFile: name checks, then (with a file) empty 10062, suffix change 20008, UDF jar 20009, size 20007.</summary>
    private DsStatus? VerifyFile(string name, StagedFormFile? file)
    {
        if (JavaPaths.DirectoryTraversal(name))
            return DsStatuses.VerifyParameterNameFailed;
        if (file is null)
            return null;
        if (JavaPaths.DirectoryTraversal(file.FileName))
            return DsStatuses.VerifyParameterNameFailed;
        if (file.Length == 0)
            return DsStatuses.ResourceFileIsEmpty;
        var fileSuffix = JavaPaths.FileExtension(file.FileName);
        if (!fileSuffix.Equals(JavaPaths.FileExtension(name), StringComparison.OrdinalIgnoreCase))
            return DsStatuses.ResourceSuffixForbidChange;
        if (TypeParam == "UDF" && !"jar".Equals(fileSuffix, StringComparison.OrdinalIgnoreCase))
            return DsStatuses.UdfResourceSuffixNotJar;
        if (file.Length > MaxFileSize)
            return DsStatuses.ResourceSizeExceedLimit;
        return null;
    }

    /// <summary>upload(): the suffix check again, the tenant folders, then the file (overwrite).</summary>
    private bool UploadFile(string fullName, StagedFormFile file)
    {
        if (!JavaPaths.FileExtension(file.FileName).Equals(JavaPaths.FileExtension(fullName), StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            var tenant = TenantCode(User);
            Storage.MakeDirectories(Dir("FILE", tenant));
            Storage.MakeDirectories(Dir("UDF", tenant));
            Storage.MoveIn(file.StagedPath, fullName, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>uploadContentToStorage: replaces the file with the UTF-8 content.</summary>
    private void WriteContent(string fullName, string? tenant, string content)
    {
        try
        {
            if (tenant is not null)
                Storage.MakeDirectories(Dir("FILE", tenant));
            if (Storage.Exists(fullName))
                Storage.Delete(fullName, recursive: false);
            Storage.WriteText(fullName, content);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw Internal($"copy {fullName} to hdfs {fullName} fail");
        }
    }

    /// <summary>queryStorageEntityList: an admin with a blank fullName gets every tenant's resource root.</summary>
    private List<Entity> QueryStorageEntityList(string fullName, string tenant, bool recursive)
    {
        var type = TypeParam;
        var result = new List<Entity>();
        if (User.IsAdmin && IsBlank(fullName))
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            foreach (var user in Store.Users.All)
            {
                var code = TenantCode(user);
                if (visited.Contains(code))
                    continue;
                var defaultPath = type == "UDF" ? UdfDir(code) : ResDir(code);
                try
                {
                    result.AddRange(recursive ? ListRecursively(defaultPath, defaultPath, code, type) : ListFilesStatus(defaultPath, defaultPath, code, type));
                    visited.Add(code);
                }
                catch (Exception e) when (e is IOException or ArgumentException)
                {
                    throw Internal($"{e.Message} make sure resource path: {defaultPath} exists in LOCAL");
                }
            }
            return result;
        }
        var path = type == "UDF" ? UdfDir(tenant) : ResDir(tenant);
        try
        {
            if (IsBlank(fullName))
                fullName = path;
            return recursive ? ListRecursively(fullName, path, tenant, type) : ListFilesStatus(fullName, path, tenant, type);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            throw Internal($"{e.Message} make sure resource path: {path} exists in LOCAL");
        }
    }

    /// <summary>HdfsStorageOperator.listFilesStatus: alias/fileName by difference against the listed and default paths.</summary>
    private List<Entity> ListFilesStatus(string path, string defaultPath, string? tenant, string? type)
    {
        var entries = Storage.List(path);
        if (entries is null)
            return [];
        var result = new List<Entity>(entries.Count);
        foreach (var e in entries)
        {
            if (e.IsDirectory)
            {
                var fullName = e.FullName + "/";
                result.Add(new Entity(fullName, JavaPaths.Difference(defaultPath, fullName), JavaPaths.Difference(path, fullName), path, true, tenant, type, e.Length, e.ModificationTime));
            }
            else
            {
                result.Add(new Entity(e.FullName, JavaPaths.Difference(defaultPath, e.FullName), LastSegment(e.FullName), path, false, tenant, type, e.Length, e.ModificationTime));
            }
        }
        return result;
    }

    /// <summary>listFilesStatusRecursively: breadth first; a failing folder ends the walk with what was found.</summary>
    private List<Entity> ListRecursively(string path, string defaultPath, string? tenant, string? type)
    {
        var result = new List<Entity>();
        var folders = new Queue<string>();
        var explore = path;
        while (true)
        {
            List<Entity> found;
            try
            {
                found = ListFilesStatus(explore, defaultPath, tenant, type);
            }
            catch (IOException)
            {
                return result;
            }
            foreach (var e in found.Where(e => e.IsDirectory))
                folders.Enqueue(e.FullName);
            result.AddRange(found);
            if (folders.Count == 0)
                return result;
            explore = folders.Dequeue();
        }
    }

    /// <summary>getFileStatus: directories get a trailing '/' and alias "name/"; missing → "The path does not exist."</summary>
    private Entity GetFileStatus(string path, string prefix, string? tenant, string? type)
    {
        var e = Storage.Stat(path) ?? throw new FileNotFoundException("The path does not exist.");
        if (e.IsDirectory)
        {
            var fullName = e.FullName + "/";
            return new Entity(fullName, JavaPaths.Difference(prefix, fullName), LastSegment(e.FullName) + "/", path, true, tenant, type, e.Length, e.ModificationTime);
        }
        return new Entity(e.FullName, JavaPaths.Difference(prefix, e.FullName), LastSegment(e.FullName), path, false, tenant, type, e.Length, e.ModificationTime);
    }

    private static string LastSegment(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static StorageEntityView ToView(Entity e) => new()
    {
        FullName = e.FullName,
        FileName = e.FileName,
        Alias = e.Alias,
        PfullName = e.PfullName,
        UserName = e.UserName,
        Type = e.Type,
        Size = e.Size,
        CreateTime = e.Time,
        UpdateTime = e.Time,
        Directory = e.IsDirectory,
    };

    /// <summary>ResourceTreeVisitor.visit(rootPath).getChildren().</summary>
    private static List<ResourceComponent32View> Visit(List<Entity> entities, string rootPath)
    {
        var fullNames = entities.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        return entities
            .Where(e => e.PfullName == rootPath || !fullNames.Contains(e.PfullName))
            .Select(e => Component(e, entities, 0))
            .ToList();
    }

    private static ResourceComponent32View Component(Entity e, List<Entity> all, int depth)
    {
        // A resource listed as its own parent (a file listed by its own path) recurses until the JVM's stack overflows.
        if (depth > 256)
            throw new InvalidOperationException("java.lang.StackOverflowError");
        return new ResourceComponent32View
        {
            Id = 0,
            Pid = e.PfullName,
            Name = e.Alias,
            FullName = e.FullName,
            Type = e.Type,
            IdValue = "0_" + (e.IsDirectory ? 1 : 0),
            Dirctory = e.IsDirectory,
            Children = all.Where(c => c.PfullName == e.FullName).Select(c => Component(c, all, depth + 1)).ToList(),
        };
    }
}
