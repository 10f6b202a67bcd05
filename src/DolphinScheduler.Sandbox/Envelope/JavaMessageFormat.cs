using System.Globalization;
using System.Text;

namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>
/// The subset of <c>java.text.MessageFormat.format</c> DS relies on when it fills a status template:
/// <c>{n}</c> placeholders, apostrophe quoting, and numbers rendered with grouping separators
/// (so a project code 1234567890123 appears as "1,234,567,890,123" in messages, as on a real server).
/// </summary>
public static class JavaMessageFormat
{
    /// <summary>DS only runs MessageFormat when arguments were given; otherwise the template is returned verbatim.</summary>
    public static string Fill(string template, object?[]? args)
        => args is null || args.Length == 0 ? template : Format(template, args);

    public static string Format(string pattern, object?[] args)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var quoted = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '\'') { sb.Append('\''); i++; }
                else quoted = !quoted;
                continue;
            }
            if (quoted || c != '{') { sb.Append(c); continue; }
            var close = pattern.IndexOf('}', i);
            if (close < 0) { sb.Append(pattern, i, pattern.Length - i); break; }
            var spec = pattern.Substring(i + 1, close - i - 1);
            if (int.TryParse(spec, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < args.Length)
                sb.Append(Render(args[n]));
            else
                sb.Append('{').Append(spec).Append('}'); // MessageFormat keeps placeholders without an argument
            i = close;
        }
        return sb.ToString();
    }

    private static string Render(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        int or long or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.InvariantCulture),
        double or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("#,##0.###", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
