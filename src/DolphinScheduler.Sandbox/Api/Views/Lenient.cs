using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// Reading JSON fields the way DS's Jackson mapper binds them (JSONUtils: unknown properties ignored, unknown enum
/// names read as null, scalars coerced: <c>"3"</c> binds to an int, a number to a String). A value Jackson cannot
/// bind throws <see cref="FormatException"/>, which callers turn into DS's "whole document unreadable" answer.
/// </summary>
public static class Lenient
{
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool TryGet(JsonElement o, string name, out JsonElement value)
        => o.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static string? String(JsonElement o, string name)
    {
        if (!TryGet(o, name, out var v))
            return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw new FormatException($"Cannot deserialize value of type `java.lang.String` from {v.ValueKind} ({name})"),
        };
    }

    public static long Long(JsonElement o, string name, long absent = 0) => LongOrNull(o, name) ?? absent;

    public static long? LongOrNull(JsonElement o, string name)
    {
        if (!TryGet(o, name, out var v))
            return null;
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                if (v.TryGetInt64(out var l))
                    return l;
                if (v.TryGetDouble(out var d) && d is >= long.MinValue and <= long.MaxValue)
                    return (long)d; // ACCEPT_FLOAT_AS_INT
                break;
            case JsonValueKind.String:
                var s = v.GetString()!.Trim();
                if (s.Length == 0)
                    return null;
                if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p))
                    return p;
                break;
        }
        throw new FormatException($"Cannot deserialize value of type `long` from {v.ValueKind} ({name})");
    }

    public static int Int(JsonElement o, string name, int absent = 0) => IntOrNull(o, name) ?? absent;

    public static int? IntOrNull(JsonElement o, string name)
    {
        var l = LongOrNull(o, name);
        if (l is null)
            return null;
        if (l is < int.MinValue or > int.MaxValue)
            throw new FormatException($"Numeric value ({l}) out of range of int ({name})");
        return (int)l;
    }

    public static bool? Bool(JsonElement o, string name)
    {
        if (!TryGet(o, name, out var v))
            return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when v.GetString() is "true" => true,
            JsonValueKind.String when v.GetString() is "false" => false,
            JsonValueKind.Number => v.GetRawText() != "0",
            _ => throw new FormatException($"Cannot deserialize value of type `boolean` ({name})"),
        };
    }

    /// <summary>An enum by constant name (or ordinal); unknown names and "" read as null (READ_UNKNOWN_ENUM_VALUES_AS_NULL).</summary>
    public static T? Enum<T>(JsonElement o, string name, IReadOnlyList<string>? allowed) where T : struct, Enum
    {
        if (!TryGet(o, name, out var v))
            return null;
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                var s = v.GetString()!;
                var known = allowed ?? System.Enum.GetNames<T>();
                return known.Contains(s, StringComparer.Ordinal) ? System.Enum.Parse<T>(s) : null;
            case JsonValueKind.Number when v.TryGetInt32(out var index):
                var names = allowed ?? System.Enum.GetNames<T>();
                if (index < 0 || index >= names.Count)
                    return null;
                return System.Enum.Parse<T>(names[index]);
            default:
                throw new FormatException($"Cannot deserialize value of type enum ({name})");
        }
    }

    /// <summary>
    /// JSONUtils.JsonDataDeserializer (taskParams, conditionParams): a JSON string is taken as its text, anything
    /// else as its compact JSON (Jackson's <c>JsonNode.toString()</c>); JSON null stays null.
    /// </summary>
    public static string? JsonData(JsonElement o, string name)
    {
        if (!TryGet(o, name, out var v))
            return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : Compact(v);
    }

    public static string Compact(JsonElement v)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, CompactWriter))
            v.WriteTo(w);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses JSON text that DS would answer raw (JsonDataSerializer); text that is not JSON stays a string.</summary>
    public static JsonElement? Raw(string? json)
    {
        if (json is null)
            return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }

    /// <summary>Jackson's <c>JsonNode.findValue</c>: the first property of that name, depth first.</summary>
    public static JsonElement? FindValue(JsonElement node, string name)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in node.EnumerateObject())
                if (p.Name == name)
                    return p.Value;
            foreach (var p in node.EnumerateObject())
                if (FindValue(p.Value, name) is { } found)
                    return found;
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in node.EnumerateArray())
                if (FindValue(e, name) is { } found)
                    return found;
        }
        return null;
    }
}
