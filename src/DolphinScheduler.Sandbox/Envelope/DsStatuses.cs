using System.Reflection;

namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>All known statuses as typed constants (generated catalog + <c>FromSource</c>), and a lookup by name.</summary>
public static partial class DsStatuses
{
    private static readonly Lazy<IReadOnlyDictionary<string, DsStatus>> byName = new(() =>
        typeof(DsStatuses).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DsStatus))
            .Select(f => (DsStatus)f.GetValue(null)!)
            .ToDictionary(s => s.Name, StringComparer.Ordinal));

    /// <summary>Looks a status up by its 3.3+ name (the names endpoints.json uses).</summary>
    public static DsStatus? Find(string name) => byName.Value.GetValueOrDefault(name);
}
