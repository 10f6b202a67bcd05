namespace DolphinScheduler.Sandbox.Contract;

/// <summary>One endpoint of endpoints.json, unresolved (both flavours' data); <see cref="Flavors.SandboxFlavor"/> resolves it.</summary>
public sealed record ContractEntry(
    string Area,
    string Name,
    string Method,
    string Path,
    IReadOnlyList<ContractParam> Params,
    int? HttpStatusOnSuccess,
    string? ErrorOnUnexpectedException,
    string? Since,
    string? Removed,
    string? Notes,
    ContractEntry.V32Diff? V32)
{
    /// <summary>The <c>v3.2</c> object: old path/method, full 3.2.2 params when they differ, 3.2 success status.</summary>
    public sealed record V32Diff(string? Path, string? Method, IReadOnlyList<ContractParam>? Params, int? HttpStatusOnSuccess);

    /// <summary>The key handlers are registered under: newest method + newest path.</summary>
    public string Key => Method + " " + Path;
}
