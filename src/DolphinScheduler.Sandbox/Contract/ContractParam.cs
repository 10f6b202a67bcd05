namespace DolphinScheduler.Sandbox.Contract;

/// <summary>One request parameter as endpoints.json declares it (newest or 3.2 list).</summary>
public sealed record ContractParam(string Name, string In, string Type, bool Required, string? Default, string? Note, string? Removed)
{
    /// <summary>
    /// Quirk README §10.4: primitive <c>int</c> declared optional without default. Omitting it fails,
    /// but with a different Spring message than a required parameter.
    /// </summary>
    public bool IsOptionalPrimitive => Note is not null && Note.Contains("declared optional but primitive", StringComparison.Ordinal);
}
