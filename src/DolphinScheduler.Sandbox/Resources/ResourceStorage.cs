namespace DolphinScheduler.Sandbox.Resources;

/// <summary>
/// DS's LOCAL resource storage (Hadoop's local file system behind <c>file:/</c>), rooted in
/// <c>&lt;data dir&gt;/storage</c>: the Hadoop path <c>file:/dolphinscheduler/default/resources/a.sh</c> is the file
/// <c>&lt;data dir&gt;/storage/dolphinscheduler/default/resources/a.sh</c>. Paths never leave that folder.
/// Times written here come from the sandbox clock, so a test clock governs resource timestamps too.
/// Not synchronized: callers hold <see cref="State.SandboxStore.Gate"/> (downloads only read an opened stream).
/// </summary>
public sealed class ResourceStorage
{
    /// <summary>What Hadoop's RawLocalFileSystem reports as a directory's length (the ext4/overlayfs st_size).</summary>
    public const long DirectoryLength = 4096;

    private readonly TimeProvider clock;

    public ResourceStorage(string dataDirectory, TimeProvider clock)
    {
        this.clock = clock;
        Root = Path.GetFullPath(Path.Combine(dataDirectory, "storage"));
        Staging = Path.GetFullPath(Contract.StagedMultipart.StagingDirectory(dataDirectory));
    }

    /// <summary>The folder that stands for <c>file:/</c>.</summary>
    public string Root { get; }

    /// <summary>Where multipart file parts are streamed before a handler moves them into place (same file system).</summary>
    public string Staging { get; }

    /// <summary>One file or directory as Hadoop's <c>FileStatus</c> describes it.</summary>
    public sealed record Entry(string FullName, string Name, bool IsDirectory, long Length, DateTime ModificationTime);

    /// <summary>The disk path of a Hadoop path (normalised, <c>file:</c> scheme or none), or null if it cannot be one.</summary>
    public string? ToDisk(string hadoopPath)
    {
        var normalized = JavaPaths.HadoopNormalize(hadoopPath);
        string local;
        if (normalized.StartsWith("file:/", StringComparison.Ordinal))
            local = normalized["file:".Length..];
        else if (normalized.StartsWith('/'))
            local = normalized;
        else
            return null; // another scheme or a relative path: nothing the LOCAL storage has
        var disk = Path.GetFullPath(Path.Combine(Root, local.TrimStart('/')));
        return disk == Root || disk.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? disk : null;
    }

    /// <summary><c>FileStatus.getPath().toString()</c> of a disk path.</summary>
    public string ToHadoop(string diskPath)
    {
        var relative = Path.GetRelativePath(Root, diskPath).Replace(Path.DirectorySeparatorChar, '/');
        return relative == "." ? "file:/" : "file:/" + relative;
    }

    public bool Exists(string hadoopPath) => ToDisk(hadoopPath) is { } d && (File.Exists(d) || Directory.Exists(d));

    public bool IsDirectory(string hadoopPath) => ToDisk(hadoopPath) is { } d && Directory.Exists(d);

    /// <summary><c>fs.getFileStatus</c>; null when the path does not exist.</summary>
    public Entry? Stat(string hadoopPath)
    {
        var disk = ToDisk(hadoopPath);
        return disk is null ? null : StatDisk(disk);
    }

    /// <summary><c>fs.listStatus</c>: a directory's children by name (Hadoop leaves the order to the OS), a file itself; null when missing.</summary>
    public IReadOnlyList<Entry>? List(string hadoopPath)
    {
        var disk = ToDisk(hadoopPath);
        if (disk is null)
            return null;
        if (File.Exists(disk))
            return [StatDisk(disk)!];
        if (!Directory.Exists(disk))
            return null;
        return Directory.EnumerateFileSystemEntries(disk)
            .Order(StringComparer.Ordinal)
            .Select(StatDisk)
            .Where(e => e is not null)
            .Select(e => e!)
            .ToList();
    }

    /// <summary><c>fs.mkdirs</c>: creates the directory and its parents; existing directories are fine.</summary>
    public void MakeDirectories(string hadoopPath)
    {
        var disk = ToDisk(hadoopPath) ?? throw new IOException("Mkdirs failed to create " + hadoopPath);
        CreateDirectories(disk);
    }

    /// <summary><c>fs.delete(path, recursive)</c>; false when nothing was there.</summary>
    public bool Delete(string hadoopPath, bool recursive)
    {
        var disk = ToDisk(hadoopPath);
        if (disk is null)
            return false;
        if (File.Exists(disk))
            File.Delete(disk);
        else if (Directory.Exists(disk))
        {
            if (!recursive && Directory.EnumerateFileSystemEntries(disk).Any())
                throw new IOException("Directory " + hadoopPath + " is not empty");
            Directory.Delete(disk, recursive: true);
        }
        else
            return false;
        Touch(Path.GetDirectoryName(disk)!);
        return true;
    }

    /// <summary>
    /// <c>FileUtil.copy(src, dst, deleteSource: true, overwrite)</c> within one file system, i.e. a rename. Like Hadoop,
    /// an existing directory as target receives the source inside it.
    /// </summary>
    public void Move(string sourceHadoopPath, string targetHadoopPath, bool overwrite)
    {
        var source = ToDisk(sourceHadoopPath) ?? throw new FileNotFoundException(sourceHadoopPath);
        var target = ToDisk(targetHadoopPath) ?? throw new IOException("Target " + targetHadoopPath + " is not a local path");
        if (!File.Exists(source) && !Directory.Exists(source))
            throw new FileNotFoundException(sourceHadoopPath);
        if (Directory.Exists(target))
            target = Path.Combine(target, Path.GetFileName(source));
        if (File.Exists(target) || Directory.Exists(target))
        {
            if (!overwrite)
                throw new IOException("Target " + ToHadoop(target) + " already exists");
            if (File.Exists(target))
                File.Delete(target);
            else
                Directory.Delete(target, recursive: true);
        }
        CreateDirectories(Path.GetDirectoryName(target)!);
        if (Directory.Exists(source))
            Directory.Move(source, target);
        else
            File.Move(source, target);
        Touch(target);
        Touch(Path.GetDirectoryName(source)!);
    }

    /// <summary><c>copyFromLocalFile(deleteSource: true, overwrite)</c> of a staged upload: a rename into place.</summary>
    public void MoveIn(string stagedFile, string targetHadoopPath, bool overwrite)
    {
        var target = ToDisk(targetHadoopPath) ?? throw new IOException("Target " + targetHadoopPath + " is not a local path");
        if (Directory.Exists(target))
            throw new IOException("Target " + targetHadoopPath + " is a directory");
        if (File.Exists(target) && !overwrite)
            throw new IOException("Target " + targetHadoopPath + " already exists");
        CreateDirectories(Path.GetDirectoryName(target)!);
        File.Move(stagedFile, target, overwrite: true);
        Touch(target);
        Touch(Path.GetDirectoryName(target)!);
    }

    /// <summary>Writes text content as UTF-8 (DS writes <c>content</c> with <c>IOUtils.write(content, out, UTF_8)</c>).</summary>
    public void WriteText(string targetHadoopPath, string content)
    {
        var target = ToDisk(targetHadoopPath) ?? throw new IOException("Target " + targetHadoopPath + " is not a local path");
        if (Directory.Exists(target))
            throw new IOException("Target " + targetHadoopPath + " is a directory");
        CreateDirectories(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content, new System.Text.UTF8Encoding(false));
        Touch(target);
        Touch(Path.GetDirectoryName(target)!);
    }

    /// <summary>Lines of a text file as <c>BufferedReader.lines().skip().limit()</c> reads them (UTF-8).</summary>
    public List<string> ReadLines(string hadoopPath, long skip, long limit)
    {
        var disk = ToDisk(hadoopPath);
        if (disk is not null && Directory.Exists(disk))
            throw new IOException(SafeNormalize(hadoopPath)["file:".Length..] + " (Is a directory)");
        if (disk is null || !File.Exists(disk))
            throw new FileNotFoundException("File " + SafeNormalize(hadoopPath) + " does not exist");
        using var reader = new StreamReader(disk, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        return JavaPaths.ReadLines(reader, skip, limit);
    }

    /// <summary>Opens a file for streaming (downloads); null when it is not a file.</summary>
    public FileStream? OpenRead(string hadoopPath)
    {
        var disk = ToDisk(hadoopPath);
        if (disk is null || !File.Exists(disk))
            return null;
        return new FileStream(disk, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    private static string SafeNormalize(string path)
    {
        try
        {
            return JavaPaths.HadoopNormalize(path);
        }
        catch (ArgumentException)
        {
            return path;
        }
    }

    private Entry? StatDisk(string disk)
    {
        if (File.Exists(disk))
        {
            var f = new FileInfo(disk);
            return new Entry(ToHadoop(disk), f.Name, false, f.Length, Seconds(f.LastWriteTimeUtc));
        }
        if (Directory.Exists(disk))
        {
            var d = new DirectoryInfo(disk);
            return new Entry(ToHadoop(disk), d.Name, true, DirectoryLength, Seconds(d.LastWriteTimeUtc));
        }
        return null;
    }

    private void CreateDirectories(string disk)
    {
        var missing = new Stack<string>();
        for (var d = disk; !Directory.Exists(d) && d.StartsWith(Root, StringComparison.Ordinal); d = Path.GetDirectoryName(d)!)
            missing.Push(d);
        if (missing.Count == 0)
            return;
        var parentOfTopmost = Path.GetDirectoryName(missing.Peek())!;
        Directory.CreateDirectory(disk);
        foreach (var created in missing)
            Touch(created);
        Touch(parentOfTopmost);
    }

    /// <summary>Sets the modification time to the sandbox clock (a file system would set the wall clock).</summary>
    private void Touch(string disk)
    {
        if (!disk.StartsWith(Root, StringComparison.Ordinal))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            if (File.Exists(disk))
                File.SetLastWriteTimeUtc(disk, now);
            else if (Directory.Exists(disk))
                Directory.SetLastWriteTimeUtc(disk, now);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static DateTime Seconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
