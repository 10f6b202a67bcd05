using System.Text.Json;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// endpoints.json, embedded in the assembly: the single source of paths, parameter names, required flags,
/// defaults, success statuses and error codes. Handlers attach to these rows; nothing about the wire is re-typed in code.
/// </summary>
public static class ContractCatalog
{
    private static readonly Lazy<IReadOnlyList<ContractEntry>> entries = new(Load);

    public static IReadOnlyList<ContractEntry> Entries => entries.Value;

    public static ContractEntry? Find(string method, string newestPath)
        => Entries.FirstOrDefault(e => e.Method == method && e.Path == newestPath);

    internal static JsonDocument OpenResource(string fileName)
    {
        var asm = typeof(ContractCatalog).Assembly;
        using var stream = asm.GetManifestResourceStream("contract/" + fileName)
            ?? throw new InvalidOperationException($"embedded contract file {fileName} is missing");
        return JsonDocument.Parse(stream);
    }

    private static IReadOnlyList<ContractEntry> Load()
    {
        using var doc = OpenResource("endpoints.json");
        return doc.RootElement.EnumerateArray().Select(ReadEntry).Concat(SandboxKnown).ToList();
    }

    /// <summary>
    /// Endpoints real servers have that endpoints.json leaves out (README §0 lists them but the file does not carry
    /// them). Each names its source in <see cref="ContractEntry.Notes"/>; keep this list short.
    /// </summary>
    public static IReadOnlyList<ContractEntry> SandboxKnown { get; } =
    [
        // LoginController.oidcProviders (3.4.1-contract; PR #17340/#17341, merged 2025-08): the login page lists the
        // configured OIDC providers before anyone logs in. Its presence in 3.4.0 is UNVERIFIED (research doc).
        new ContractEntry("auth", "OIDC providers", "GET", "/oidc-providers", [], 200, null, "3.4.0", null,
            "sandbox-known: README §0 item 1 (3.4.1 OIDC login); not in endpoints.json. Answers the enabled providers (none in the sandbox).",
            null),
    ];

    private static ContractEntry ReadEntry(JsonElement e)
    {
        ContractEntry.V32Diff? v32 = null;
        if (e.TryGetProperty("v3.2", out var v))
        {
            v32 = new ContractEntry.V32Diff(
                Str(v, "path"),
                Str(v, "method"),
                v.TryGetProperty("params", out var p32) ? ReadParams(p32) : null,
                Int(v, "httpStatusOnSuccess"));
        }
        return new ContractEntry(
            Str(e, "area")!,
            Str(e, "name")!,
            Str(e, "method")!,
            Str(e, "path")!,
            ReadParams(e.GetProperty("params")),
            Int(e, "httpStatusOnSuccess"),
            e.TryGetProperty("errorOnUnexpectedException", out var err) ? Str(err, "name") : null,
            Str(e, "since"),
            Str(e, "removed"),
            Str(e, "notes"),
            v32);
    }

    private static IReadOnlyList<ContractParam> ReadParams(JsonElement array)
        => array.EnumerateArray().Select(p => new ContractParam(
            Str(p, "name")!,
            Str(p, "in")!,
            Str(p, "type")!,
            p.GetProperty("required").GetBoolean(),
            Str(p, "default"),
            Str(p, "note"),
            Str(p, "removed"))).ToList();

    private static string? Str(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
