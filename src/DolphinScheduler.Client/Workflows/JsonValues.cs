using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace DolphinScheduler.Client.Workflows
{
    /// <summary>
    /// Plain object graphs (dictionaries, lists, strings, numbers, booleans) to and from JSON without reflection: the
    /// shape users give in -TaskParameter hashtables and get back on read.
    /// </summary>
    internal static class JsonValues
    {
        public static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>A new dictionary with PowerShell's key semantics (case-insensitive) that keeps insertion order.</summary>
        public static OrderedDictionary NewMap() => new(StringComparer.OrdinalIgnoreCase);

        public static string Serialize(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        public static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string s: writer.WriteStringValue(s); break;
                case char c: writer.WriteStringValue(c.ToString()); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case short sh: writer.WriteNumberValue(sh); break;
                case byte by: writer.WriteNumberValue(by); break;
                case uint ui: writer.WriteNumberValue(ui); break;
                case ulong ul: writer.WriteNumberValue(ul); break;
                case float f: writer.WriteNumberValue(f); break;
                case double d: writer.WriteNumberValue(d); break;
                case decimal m: writer.WriteNumberValue(m); break;
                case DateTime dt: writer.WriteStringValue(Http.DsDate.ToWire(dt)); break;
                case Enum e: writer.WriteStringValue(e.ToString()); break;
                case JsonElement je: je.WriteTo(writer); break;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                        Write(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (var item in list) Write(writer, item);
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        /// <summary>A JSON value as dictionaries (ordered, case-insensitive keys), object[] arrays, strings, int/long/double, bool or null.</summary>
        public static object? ToObject(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = NewMap();
                    foreach (var p in e.EnumerateObject()) map[p.Name] = ToObject(p.Value);
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in e.EnumerateArray()) list.Add(ToObject(item));
                    return list.ToArray();
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.Number:
                    if (e.TryGetInt32(out var i)) return i;
                    if (e.TryGetInt64(out var l)) return l;
                    return e.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }

        /// <summary>Parses JSON text into <see cref="ToObject"/>'s shape; null for empty text.</summary>
        public static object? Parse(string? json)
        {
            if (string.IsNullOrWhiteSpace(json)) return null;
            using var doc = JsonDocument.Parse(json!);
            return ToObject(doc.RootElement);
        }

        public static bool IsList(object? value) => value is IEnumerable && value is not string && value is not IDictionary;

        public static string? AsString(object? value) => value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

        /// <summary>Whether a value is "set": not null, not empty/blank text, not an empty list or map.</summary>
        public static bool HasValue(object? value) => value switch
        {
            null => false,
            string s => !string.IsNullOrWhiteSpace(s),
            IDictionary d => d.Count > 0,
            IEnumerable list => list.GetEnumerator().MoveNext(),
            _ => true,
        };
    }
}
