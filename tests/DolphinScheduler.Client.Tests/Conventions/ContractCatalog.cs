using System.Text.Json;
using System.Text.RegularExpressions;

namespace DolphinScheduler.Client.Tests.Conventions;

/// <summary>The contract's endpoints.json, per server family: method, path template and declared parameter names.</summary>
public sealed class ContractCatalog
{
    public sealed record Entry(string Method, string PathTemplate, Regex PathPattern, HashSet<string> Parameters, string Name);

    private readonly List<Entry> _entries = new();

    private ContractCatalog() { }

    public IReadOnlyList<Entry> Entries => _entries;

    public static ContractCatalog For(string flavor)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "contract", "endpoints.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var catalog = new ContractCatalog();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var method = e.GetProperty("method").GetString()!;
            var template = e.GetProperty("path").GetString()!;
            var parameters = Names(e.GetProperty("params"));
            var since = e.TryGetProperty("since", out var s) ? s.GetString() : null;
            var removed = e.TryGetProperty("removed", out var r) ? r.GetString() : null;
            if (flavor == "3.2")
            {
                if (since != null && string.CompareOrdinal(since, "3.3") >= 0) continue;
                if (removed != null && removed.StartsWith("3.2", StringComparison.Ordinal)) continue;
                if (e.TryGetProperty("v3.2", out var v32))
                {
                    if (v32.TryGetProperty("path", out var p32)) template = p32.GetString()!;
                    if (v32.TryGetProperty("method", out var m32)) method = m32.GetString()!;
                    if (v32.TryGetProperty("params", out var pr32)) parameters = Names(pr32);
                }
            }
            else
            {
                if (removed != null && (removed.StartsWith("3.2", StringComparison.Ordinal) || removed.StartsWith("3.3", StringComparison.Ordinal))) continue;
                if (flavor == "3.4") parameters.RemoveWhere(n => n == "testFlag");
            }
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");
            catalog._entries.Add(new Entry(method, template, pattern, parameters, e.GetProperty("name").GetString()!));
        }
        return catalog;
    }

    private static HashSet<string> Names(JsonElement parameters) =>
        new(parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() != "path").Select(p => p.GetProperty("name").GetString()!));

    /// <summary>The entry a concrete request path matches (literal templates win over ones with placeholders).</summary>
    public Entry? Match(string method, string path) =>
        _entries.Where(e => e.Method == method && e.PathPattern.IsMatch(path)).OrderBy(e => e.PathTemplate.Count(c => c == '{')).FirstOrDefault();

    public Entry? MatchTemplate(string method, string template) =>
        _entries.FirstOrDefault(e => e.Method == method && e.PathTemplate == template);
}
