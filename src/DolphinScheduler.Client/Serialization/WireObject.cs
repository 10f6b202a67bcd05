using System;
using System.Globalization;
using System.Text.Json;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Versioning;

namespace DolphinScheduler.Client.Serialization
{
    /// <summary>
    /// Reads one JSON object from the wire by canonical (3.3+) field names; the flavour supplies the wire name.
    /// Lenient like DS's own Jackson setup: a missing or null field reads as null/default.
    /// </summary>
    internal readonly struct WireObject
    {
        private readonly JsonElement _e;
        private readonly ApiFlavor _flavor;

        public WireObject(JsonElement element, ApiFlavor flavor)
        {
            _e = element;
            _flavor = flavor;
        }

        public JsonElement Raw => _e;

        public bool TryGet(string canonicalName, out JsonElement value)
        {
            value = default;
            if (_e.ValueKind != JsonValueKind.Object) return false;
            if (_e.TryGetProperty(_flavor.FieldName(canonicalName), out value) && value.ValueKind != JsonValueKind.Null) return true;
            return false;
        }

        public string? String(string name)
        {
            if (!TryGet(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => v.GetRawText(),
            };
        }

        public long? Long(string name)
        {
            if (!TryGet(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) return n;
            return null;
        }

        public int? Int(string name)
        {
            var l = Long(name);
            return l is long n && n >= int.MinValue && n <= int.MaxValue ? (int)n : null;
        }

        public bool? Bool(string name)
        {
            if (!TryGet(name, out var v)) return null;
            return v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => v.GetInt32() != 0,
                JsonValueKind.String => string.Equals(v.GetString(), "true", StringComparison.OrdinalIgnoreCase) || v.GetString() == "YES",
                _ => null,
            };
        }

        public DateTime? Date(string name) => DsDate.Parse(String(name));

        public WireObject Object(string name) => new(TryGet(name, out var v) ? v : default, _flavor);
    }
}
