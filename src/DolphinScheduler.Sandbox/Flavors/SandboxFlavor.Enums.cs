using System.Text.Json;
using DolphinScheduler.Sandbox.Contract;

namespace DolphinScheduler.Sandbox.Flavors;

public sealed partial class SandboxFlavor
{
    private static readonly Lazy<IReadOnlyDictionary<string, EnumInfo>> enums = new(LoadEnums);

    // enums.json: WorkflowExecutionTypeEnum was called ProcessExecutionTypeEnum up to 3.2 (same values).
    private static readonly Dictionary<string, string> EnumClassNames32 = new(StringComparer.Ordinal)
    {
        ["WorkflowExecutionTypeEnum"] = "ProcessExecutionTypeEnum",
    };

    private sealed record EnumInfo(string Package, IReadOnlyList<string> Values, IReadOnlyList<string>? Values32);

    /// <summary>The constant names a request parameter of this enum accepts in this flavour (enums.json, §7).</summary>
    public IReadOnlyList<string> EnumValues(string enumName)
    {
        var info = enums.Value.GetValueOrDefault(enumName) ?? throw new ArgumentException($"enum {enumName} is not in enums.json", nameof(enumName));
        return Is32 ? info.Values32 ?? info.Values : info.Values;
    }

    /// <summary>Fully qualified Java class name, as Spring prints it in conversion errors.</summary>
    public string EnumJavaType(string enumName)
    {
        var info = enums.Value.GetValueOrDefault(enumName) ?? throw new ArgumentException($"enum {enumName} is not in enums.json", nameof(enumName));
        var simple = Is32 ? EnumClassNames32.GetValueOrDefault(enumName) ?? enumName : enumName;
        return info.Package + "." + simple;
    }

    private static IReadOnlyDictionary<string, EnumInfo> LoadEnums()
    {
        using var doc = ContractCatalog.OpenResource("enums.json");
        var result = new Dictionary<string, EnumInfo>(StringComparer.Ordinal);
        foreach (var e in doc.RootElement.GetProperty("enums").EnumerateObject())
        {
            var values = Names(e.Value.GetProperty("values"))!;
            IReadOnlyList<string>? values32 = null;
            if (e.Value.TryGetProperty("v3.2", out var v32) && v32.ValueKind == JsonValueKind.Object && v32.TryGetProperty("values", out var vv))
                values32 = Names(vv);
            result[e.Name] = new EnumInfo(e.Value.GetProperty("package").GetString()!, values, values32);
        }
        foreach (var (name, info) in EnumsMissingFromContract)
            result.TryAdd(name, info);
        return result;
    }

    private static IReadOnlyList<string>? Names(JsonElement values)
        => values.ValueKind == JsonValueKind.Array ? values.EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList() : null;
}
