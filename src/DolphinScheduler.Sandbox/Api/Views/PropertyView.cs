using System.Text.Json;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>DS <c>Property</c> (README §4): global and local parameters. Unknown enum names read as null, as in DS.</summary>
public sealed class PropertyView
{
    public string? Prop { get; init; }
    public Direct? Direct { get; init; }
    public DataType? Type { get; init; }
    public string? Value { get; init; }

    /// <summary>JSONUtils.toList(json, Property.class): null/empty text or any parse failure gives an empty list.</summary>
    public static List<PropertyView> ListOf(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return ListOf(doc.RootElement) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A JSON array of Property objects as Jackson binds it; null when Jackson would fail.</summary>
    public static List<PropertyView>? ListOf(JsonElement array)
    {
        if (array.ValueKind == JsonValueKind.Null)
            return null;
        if (array.ValueKind != JsonValueKind.Array)
            return null;
        var list = new List<PropertyView>();
        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Null)
            {
                list.Add(null!);
                continue;
            }
            if (e.ValueKind != JsonValueKind.Object)
                return null;
            try
            {
                list.Add(new PropertyView
                {
                    Prop = Lenient.String(e, "prop"),
                    Direct = Lenient.Enum<Direct>(e, "direct", null),
                    Type = Lenient.Enum<DataType>(e, "type", null),
                    Value = Lenient.String(e, "value"),
                });
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return list;
    }
}
