using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DolphinScheduler.Sandbox.Flavors;

namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>
/// Serializer settings that reproduce DS's Jackson output: camelCase names, nulls written, enums by name,
/// dates as <c>yyyy-MM-dd HH:mm:ss</c> UTC, int64 codes as numbers, no HTML escaping, and the flavour's field names.
/// </summary>
public static class DsJson
{
    private static readonly ConcurrentDictionary<SandboxFlavor, JsonSerializerOptions> cache = new();

    public static JsonSerializerOptions For(SandboxFlavor flavor) => cache.GetOrAdd(flavor, Create);

    private static JsonSerializerOptions Create(SandboxFlavor flavor)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(flavor.ApplyJsonNames);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new DsDateTimeConverter());
        options.Converters.Add(new JsonStringEnumConverter()); // member names are the DS constant names
        options.MakeReadOnly();
        return options;
    }
}
