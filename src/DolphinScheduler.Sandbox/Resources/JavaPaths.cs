using System.Text;

namespace DolphinScheduler.Sandbox.Resources;

/// <summary>
/// The small Java/Hadoop string helpers DS's resource code is built from, reproduced exactly because their quirks
/// end up in <c>fullName</c>, <c>alias</c> and <c>fileName</c> on the wire.
/// </summary>
public static class JavaPaths
{
    /// <summary>Hadoop's message for <c>new Path("")</c>.</summary>
    public const string EmptyPathMessage = "Can not create a Path from an empty string";

    /// <summary>
    /// <c>new org.apache.hadoop.fs.Path(p).toString()</c> for the LOCAL storage (defaultFS <c>file:/</c>):
    /// scheme kept, <c>file:///x</c> → <c>file:/x</c>, repeated slashes collapsed, a trailing slash dropped,
    /// <c>.</c>/<c>..</c> resolved (URI normalisation). A path without scheme stays without one.
    /// Throws <see cref="ArgumentException"/> with Hadoop's message for an empty string.
    /// </summary>
    public static string HadoopNormalize(string path)
    {
        if (string.IsNullOrEmpty(path))
            throw new ArgumentException(EmptyPathMessage);
        var scheme = "";
        var rest = path;
        var colon = path.IndexOf(':');
        var slash = path.IndexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            scheme = path[..(colon + 1)];
            rest = path[(colon + 1)..];
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                // file:///x has an empty authority; file://host/x would name a host (not used by LOCAL storage).
                var end = rest.IndexOf('/', 2);
                rest = end < 0 ? "/" : rest[end..];
            }
        }
        var absolute = rest.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in rest.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
                continue;
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
                segments.RemoveAt(segments.Count - 1);
            else if (segment == ".." && absolute)
                continue; // "/.." is "/" on a file system
            else
                segments.Add(segment);
        }
        var joined = string.Join('/', segments);
        return scheme + (absolute ? "/" + joined : joined.Length == 0 ? "." : joined);
    }

    /// <summary>commons-lang <c>StringUtils.difference(str1, str2)</c>: the rest of <paramref name="str2"/> from where it differs.</summary>
    public static string Difference(string? str1, string? str2)
    {
        if (str1 is null)
            return str2!;
        if (str2 is null)
            return str1;
        var i = 0;
        while (i < str1.Length && i < str2.Length && str1[i] == str2[i])
            i++;
        if (i == str1.Length && i == str2.Length)
            return "";
        return str2[i..];
    }

    /// <summary>Guava <c>Files.getFileExtension</c>: text after the last dot of <c>new File(path).getName()</c>, or "".</summary>
    public static string FileExtension(string path)
    {
        var name = JavaFileName(path);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[(dot + 1)..];
    }

    /// <summary><c>new java.io.File(path).getName()</c> on Unix: the last segment after trailing slashes are dropped.</summary>
    public static string JavaFileName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>DS <c>FileUtils.concatFilePath</c> (3.3+): joins with exactly one '/' between parts.</summary>
    public static string ConcatFilePath(params string[] paths)
    {
        if (paths.Length == 0)
            throw new ArgumentException("At least one path should be provided");
        if (string.IsNullOrEmpty(paths[0]))
            throw new ArgumentException("The path should not be empty");
        var sb = new StringBuilder(paths[0]);
        for (var i = 1; i < paths.Length; i++)
        {
            var path = paths[i];
            if (string.IsNullOrEmpty(path))
                throw new ArgumentException("The path should not be empty");
            var endsWith = sb.Length > 0 && sb[^1] == '/';
            if (endsWith && path.StartsWith('/'))
                sb.Append(path, 1, path.Length - 1);
            else if (!endsWith && !path.StartsWith('/'))
                sb.Append('/').Append(path);
            else
                sb.Append(path);
        }
        return sb.ToString();
    }

    /// <summary>
    /// DS <c>FileUtils.directoryTraversal(name)</c>: true when the name contains '/' or is not its own canonical form
    /// (".", "..").
    /// </summary>
    public static bool DirectoryTraversal(string name) => name.Contains('/') || name is "." or "..";

    /// <summary>commons-lang <c>StringUtils.substringBeforeLast(str, sep)</c>.</summary>
    public static string SubstringBeforeLast(string str, string separator)
    {
        var i = str.LastIndexOf(separator, StringComparison.Ordinal);
        return i < 0 ? str : str[..i];
    }

    /// <summary>commons-lang <c>StringUtils.substringAfter(str, sep)</c>.</summary>
    public static string SubstringAfter(string str, string separator)
    {
        if (separator.Length == 0)
            return "";
        var i = str.IndexOf(separator, StringComparison.Ordinal);
        return i < 0 ? "" : str[(i + separator.Length)..];
    }

    /// <summary>commons-lang <c>StringUtils.split(str, "/", max)</c>: empty tokens dropped, the last token keeps the rest.</summary>
    public static string[] SplitMax(string str, char separator, int max)
    {
        var result = new List<string>();
        var i = 0;
        while (i < str.Length)
        {
            while (i < str.Length && str[i] == separator)
                i++;
            if (i >= str.Length)
                break;
            if (result.Count == max - 1)
            {
                result.Add(str[i..]);
                break;
            }
            var end = str.IndexOf(separator, i);
            if (end < 0)
                end = str.Length;
            result.Add(str[i..end]);
            i = end;
        }
        return result.ToArray();
    }

    /// <summary>DS <c>ParameterUtils.handleEscapes</c> (applied to <c>searchVal</c> before filtering).</summary>
    public static string? HandleEscapes(string? input)
        => string.IsNullOrEmpty(input) ? input : input.Replace("%", "////%").Replace('\n', '_').Replace('|', '_').Replace('\r', '_').Replace('\t', '_');

    /// <summary>
    /// <c>BufferedReader.lines().skip(skip).limit(limit)</c>: lines end at \n, \r or \r\n; a final line without
    /// terminator counts, a trailing terminator does not add an empty line.
    /// </summary>
    public static List<string> ReadLines(TextReader reader, long skip, long limit)
    {
        var lines = new List<string>();
        long index = 0;
        while (lines.Count < limit && reader.ReadLine() is { } line)
        {
            if (index++ >= skip)
                lines.Add(line);
        }
        return lines;
    }
}
