using System.Text;
using DolphinScheduler.Sandbox.Execution;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>
/// LogReader.ReadPage finds lines through an index that grows with the file. It must answer exactly what reading the
/// whole file and splitting it as BufferedReader does would answer, however the file grew between reads.
/// </summary>
public sealed class LogIndexTests
{
    /// <summary>The reference: the whole file, split on \n, \r or \r\n; an unterminated last line is not a line.</summary>
    private static string Reference(string path, int skip, int limit)
    {
        string content;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
            content = reader.ReadToEnd();
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c is not ('\n' or '\r'))
                continue;
            lines.Add(content[start..i]);
            if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        var sb = new StringBuilder();
        var total = 0;
        foreach (var line in lines.Skip(skip).Take(limit))
        {
            var size = Encoding.UTF8.GetByteCount(line);
            if (size >= LogReader.MaxResponseLogSize)
                sb.Append(line, 0, Math.Min(line.Length, LogReader.MaxResponseLogSize)).Append(" [this line's size ").Append(size).Append(" bytes is exceed ")
                    .Append(LogReader.MaxResponseLogSize).Append(" bytes, so only ").Append(LogReader.MaxResponseLogSize)
                    .Append(" characters are reserved for performance reasons.]").Append("\r\n");
            else
                sb.Append(line).Append("\r\n");
            total += size;
            if (total >= LogReader.MaxResponseLogSize)
                break;
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Pages_of_a_growing_file_match_a_full_read(int seed)
    {
        var dir = Directory.CreateTempSubdirectory("ds-log-index-").FullName;
        var path = Path.Combine(dir, "grow.log");
        var random = new Random(seed);
        var pieces = new[] { "alpha", "\n", "\r", "\r\n", "é∂", "\t-> x", "", "line with spaces", new string('z', 300) };
        try
        {
            File.WriteAllBytes(path, seed == 2 ? [0xEF, 0xBB, 0xBF] : []);
            for (var step = 0; step < 300; step++)
            {
                var text = new StringBuilder();
                var n = random.Next(1, 12);
                for (var i = 0; i < n; i++)
                    text.Append(pieces[random.Next(pieces.Length)]);
                using (var append = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                    append.Write(Encoding.UTF8.GetBytes(text.ToString()));
                var skip = random.Next(0, 40);
                var limit = random.Next(1, 30);
                Assert.Equal(Reference(path, skip, limit), LogReader.ReadPage(path, skip, limit));
                Assert.Equal(Reference(path, 0, 100000), LogReader.ReadPage(path, 0, 100000));
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_replaced_file_is_indexed_again()
    {
        var dir = Directory.CreateTempSubdirectory("ds-log-index-").FullName;
        var path = Path.Combine(dir, "replaced.log");
        try
        {
            File.WriteAllText(path, "one\ntwo\nthree\n");
            Assert.Equal("one\r\ntwo\r\nthree\r\n", LogReader.ReadPage(path, 0, 10));
            File.WriteAllText(path, "new\n");
            Assert.Equal("new\r\n", LogReader.ReadPage(path, 0, 10));
            Assert.Equal("", LogReader.ReadPage(path, 1, 10));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_large_log_is_paged_in_order()
    {
        var dir = Directory.CreateTempSubdirectory("ds-log-index-").FullName;
        var path = Path.Combine(dir, "large.log");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                for (var i = 0; i < 20000; i++)
                    writer.Write($"{i:D6} the quick brown fox jumps over the lazy dog\n");
            }
            var seen = 0;
            while (true)
            {
                var page = LogReader.ReadPage(path, seen, 1000);
                if (page.Length == 0)
                    break;
                foreach (var line in page.Split("\r\n")[..^1])
                {
                    Assert.Equal($"{seen:D6} the quick brown fox jumps over the lazy dog", line);
                    seen++;
                }
            }
            Assert.Equal(20000, seen);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
