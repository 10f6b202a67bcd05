using System.Collections.Generic;
using System.Text.Json;

namespace DolphinScheduler.Client.Serialization
{
    /// <summary>
    /// JSON as plain .NET values (ordered dictionaries, arrays, long/double/string/bool/null), so callers outside the
    /// core never see System.Text.Json types (the core may live in its own load context).
    /// </summary>
    public static class JsonTree
    {
        public static object? From(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new List<KeyValuePair<string, object?>>();
                    foreach (var p in element.EnumerateObject()) map.Add(new KeyValuePair<string, object?>(p.Name, From(p.Value)));
                    return map;
                case JsonValueKind.Array:
                    var list = new List<object?>(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray()) list.Add(From(item));
                    return list.ToArray();
                case JsonValueKind.String: return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var l)) return l is >= int.MinValue and <= int.MaxValue ? (object)(int)l : l;
                    return element.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }
    }
}
