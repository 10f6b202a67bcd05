using System.Globalization;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>Java string helpers whose edge cases show through DS answers (id lists like <c>projectIds=1,2</c>).</summary>
public static class JavaText
{
    /// <summary><c>String.split(",")</c>: trailing empty strings are dropped, inner/leading ones kept.</summary>
    public static IReadOnlyList<string> Split(string text, char separator)
    {
        var parts = text.Split(separator).ToList();
        while (parts.Count > 1 && parts[^1].Length == 0)
            parts.RemoveAt(parts.Count - 1);
        if (parts.Count == 1 && parts[0].Length == 0 && text.Length > 0)
            parts.Clear();
        return parts;
    }

    /// <summary>
    /// <c>Integer.parseInt</c>: no trimming; failures throw with Java's NumberFormatException text, which 3.3+
    /// appends to the endpoint's error template.
    /// </summary>
    public static int ParseInt(string text)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"For input string: \"{text}\"");
}
