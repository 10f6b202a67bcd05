using System.Text;
using DolphinScheduler.Sandbox.Flavors;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>
/// The log file of one task attempt, written like DS's worker writes it (logback pattern per flavour, one event per
/// call; an event's further lines follow on their own lines). Lines are appended and flushed whole, so readers
/// following the file never see half a line. Thread-safe.
/// </summary>
public sealed class TaskLog
{
    private readonly Lock gate = new();
    private readonly SandboxFlavor flavor;
    private readonly TimeProvider clock;
    private readonly string thread;

    public TaskLog(string path, SandboxFlavor flavor, TimeProvider clock, string thread)
    {
        Path = path;
        this.flavor = flavor;
        this.clock = clock;
        this.thread = thread;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
    }

    public string Path { get; }

    public void Info(string message) => Write("INFO", message);

    public void Warn(string message) => Write("WARN", message);

    public void Error(string message) => Write("ERROR", message);

    /// <summary>Script output as DS logs it: <c>" -> line1\n\tline2…"</c> (AbstractTask.logHandle).</summary>
    public void Output(IReadOnlyList<string> lines)
    {
        if (lines.Count > 0)
            Info(" -> " + string.Join("\n\t", lines));
    }

    private void Write(string level, string message)
    {
        var text = flavor.LogLine(clock.GetUtcNow().UtcDateTime, level, thread, message) + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        lock (gate)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            stream.Write(bytes);
        }
    }
}

/// <summary>Reading task logs the way DS's API and worker do (research Q5).</summary>
public static class LogReader
{
    /// <summary>LogUtils.rollViewLogLines: the response stops once 65 535 bytes were collected.</summary>
    public const int MaxResponseLogSize = 65535;

    /// <summary>
    /// <c>Files.lines(path).skip(skip).limit(limit)</c> then rollViewLogLines: each line followed by <c>\r\n</c>, an
    /// over-long line cut with DS's suffix, stop after ~64 KB. Only complete lines (ending in a line break) are read.
    /// </summary>
    public static string ReadPage(string path, int skipLineNum, int limit)
    {
        var sb = new StringBuilder();
        var total = 0;
        var index = 0;
        var taken = 0;
        foreach (var line in CompleteLines(path))
        {
            if (index++ < skipLineNum)
                continue;
            if (taken >= limit)
                break;
            taken++;
            var size = Encoding.UTF8.GetByteCount(line);
            if (size >= MaxResponseLogSize)
            {
                sb.Append(line, 0, Math.Min(line.Length, MaxResponseLogSize))
                    .Append(" [this line's size ").Append(size).Append(" bytes is exceed ").Append(MaxResponseLogSize)
                    .Append(" bytes, so only ").Append(MaxResponseLogSize).Append(" characters are reserved for performance reasons.]")
                    .Append("\r\n");
            }
            else
            {
                sb.Append(line).Append("\r\n");
            }
            total += size;
            if (total >= MaxResponseLogSize)
                break;
        }
        return sb.ToString();
    }

    /// <summary>The whole file (download-log).</summary>
    public static byte[] ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Java <c>message.split("\r\n").length</c>: trailing empty pieces dropped, and "" counts as 1.</summary>
    public static int JavaSplitCount(string message)
    {
        if (message.Length == 0)
            return 1;
        var parts = message.Split("\r\n");
        var count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0)
            count--;
        return count;
    }

    /// <summary>Lines as BufferedReader splits them (\n, \r or \r\n); an unterminated last line is not returned yet.</summary>
    private static IEnumerable<string> CompleteLines(string path)
    {
        string content;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
            content = reader.ReadToEnd();
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c is not ('\n' or '\r'))
                continue;
            yield return content[start..i];
            if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                i++;
            start = i + 1;
        }
    }
}
