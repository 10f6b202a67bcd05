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
    /// Lines are found through a per-file index of line offsets that grows as the file does (<see cref="LineIndex"/>),
    /// so a window costs the bytes of its own lines, not a read of the whole file: following a 100 000-line log is
    /// linear, not quadratic (docs/performance.md).
    /// </summary>
    public static string ReadPage(string path, int skipLineNum, int limit)
    {
        var sb = new StringBuilder();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.RandomAccess);
        var index = LineIndex.For(path);
        int count;
        lock (index)
        {
            index.Extend(stream);
            count = index.Count;
        }
        var total = 0;
        var taken = 0;
        var buffer = new WindowBuffer(stream);
        for (var i = Math.Max(0, skipLineNum); i < count; i++)
        {
            if (taken >= limit)
                break;
            taken++;
            long start;
            int length;
            lock (index)
                (start, length) = index[i];
            var line = buffer.Decode(start, length);
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

    /// <summary>
    /// Where each complete line of a log file starts and how many bytes it has, as BufferedReader splits lines (\n, \r
    /// or \r\n; a leading UTF-8 byte order mark is skipped; an unterminated last line is not a line yet). Logs only
    /// grow, so the index is extended from where it stopped; a file shorter than what was indexed was replaced and is
    /// indexed again. A few recently read files are kept. Callers lock the instance.
    /// </summary>
    internal sealed class LineIndex
    {
        private const int MaxFiles = 16;
        private static readonly Dictionary<string, LineIndex> Cache = new(StringComparer.Ordinal);
        private static long clock;

        private long[] starts = new long[256];
        private int[] lengths = new int[256];
        private long scanned;
        private long lineStart;
        private bool pendingCr;
        private long lastUsed;

        public int Count { get; private set; }

        public (long Start, int Length) this[int i] => (starts[i], lengths[i]);

        public static LineIndex For(string path)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(path, out var index))
                {
                    if (Cache.Count >= MaxFiles)
                        Cache.Remove(Cache.MinBy(e => e.Value.lastUsed).Key);
                    Cache[path] = index = new LineIndex();
                }
                index.lastUsed = ++clock;
                return index;
            }
        }

        /// <summary>Indexes the lines completed since the last call.</summary>
        public void Extend(FileStream stream)
        {
            var length = stream.Length;
            if (length < scanned)
                Reset();
            if (length == scanned)
                return;
            var buffer = new byte[64 * 1024];
            var position = scanned;
            while (position < length)
            {
                var read = RandomAccess.Read(stream.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - position)), position);
                if (read <= 0)
                    break;
                Scan(buffer.AsSpan(0, read), position);
                position += read;
            }
            scanned = position;
        }

        private void Scan(ReadOnlySpan<byte> chunk, long offset)
        {
            var j = 0;
            if (offset == 0 && chunk.Length >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF)
            {
                lineStart = 3;
                j = 3;
            }
            if (pendingCr && chunk.Length > 0)
            {
                pendingCr = false;
                if (chunk[0] == (byte)'\n')
                    j = 1;
                lineStart = offset + j;
            }
            while (j < chunk.Length)
            {
                var k = chunk[j..].IndexOfAny((byte)'\n', (byte)'\r');
                if (k < 0)
                    break;
                var end = j + k;
                Add(lineStart, (int)(offset + end - lineStart));
                j = end + 1;
                if (chunk[end] == (byte)'\r')
                {
                    if (j < chunk.Length)
                    {
                        if (chunk[j] == (byte)'\n')
                            j++;
                    }
                    else
                    {
                        pendingCr = true; // a \n at the start of the next read belongs to this line break
                    }
                }
                lineStart = offset + j;
            }
        }

        private void Add(long start, int length)
        {
            if (Count == starts.Length)
            {
                Array.Resize(ref starts, Count * 2);
                Array.Resize(ref lengths, Count * 2);
            }
            starts[Count] = start;
            lengths[Count] = length;
            Count++;
        }

        private void Reset()
        {
            Count = 0;
            scanned = 0;
            lineStart = 0;
            pendingCr = false;
        }
    }

    /// <summary>Reads a file in large blocks for consecutive lines and decodes one line at a time.</summary>
    private sealed class WindowBuffer(FileStream stream)
    {
        private byte[] bytes = [];
        private long bufferStart;
        private int bufferLength;

        public string Decode(long start, int length)
        {
            if (start < bufferStart || start + length > bufferStart + bufferLength)
            {
                var size = Math.Max(length, 256 * 1024);
                if (bytes.Length < size)
                    bytes = new byte[size];
                bufferStart = start;
                bufferLength = 0;
                while (bufferLength < size)
                {
                    var read = RandomAccess.Read(stream.SafeFileHandle, bytes.AsSpan(bufferLength, size - bufferLength), start + bufferLength);
                    if (read <= 0)
                        break;
                    bufferLength += read;
                }
                if (bufferLength < length)
                    throw new IOException("The log file is shorter than its index.");
            }
            return Encoding.UTF8.GetString(bytes, (int)(start - bufferStart), length);
        }
    }
}
