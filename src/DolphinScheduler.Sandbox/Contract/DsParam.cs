namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// A parameter as the sandbox's flavour declares it. <see cref="WireName"/> is what clients send;
/// <see cref="HandlerName"/> is the newest (3.3+) name handlers read it by, so one handler serves both flavours.
/// </summary>
public sealed record DsParam(string WireName, string HandlerName, string In, string Type, bool Required, string? Default, bool IsOptionalPrimitive)
{
    public bool IsPath => In == "path";
    public bool IsFile => Type == "file";
}
