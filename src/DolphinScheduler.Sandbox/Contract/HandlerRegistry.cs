namespace DolphinScheduler.Sandbox.Contract;

/// <summary>Which contract endpoints got a handler, so the rest can be answered as "not implemented".</summary>
public sealed class HandlerRegistry
{
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);

    public bool Add(string key) => keys.Add(key);

    public bool Contains(string key) => keys.Contains(key);
}
