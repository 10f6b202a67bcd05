using System.Text.RegularExpressions;
using DolphinScheduler.Sandbox.Contract;

namespace DolphinScheduler.Sandbox.Faults;

/// <summary>A rule as listed by <c>GET /_sandbox/faults</c>: the effective settings plus how often it struck.</summary>
public sealed record FaultRuleState(
    int Id, string? Path, string Method, FaultKind Kind, FaultTiming When, int? Status, int? DelayMs, int? Count, int? RetryAfter,
    int? Remaining, int Hits);

/// <summary>
/// The active fault rules (none by default). Rules are tried in the order they were added; the first one that matches
/// and has strikes left affects the request (one fault per request). Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    /// <summary>HttpContext.Items key of the <see cref="AppliedFault"/> the request journal records.</summary>
    public static readonly object AppliedItemKey = new();

    private readonly Lock gate = new();
    private readonly List<ActiveRule> rules = [];
    private int nextId = 1;

    public FaultInjector(IEnumerable<FaultRule>? initial = null)
    {
        if (initial is not null)
            AddRange(initial);
    }

    public bool IsEmpty
    {
        get { lock (gate) return rules.Count == 0; }
    }

    /// <summary>Validates and adds the rules (all or none); throws <see cref="FaultRuleException"/>.</summary>
    public IReadOnlyList<FaultRuleState> AddRange(IEnumerable<FaultRule> newRules)
    {
        var compiled = newRules.Select(Compile).ToList();
        lock (gate)
        {
            foreach (var rule in compiled)
            {
                rule.Id = nextId++;
                rules.Add(rule);
            }
            return compiled.Select(r => r.State()).ToList();
        }
    }

    public FaultRuleState Add(FaultRule rule) => AddRange([rule])[0];

    public IReadOnlyList<FaultRuleState> Rules
    {
        get { lock (gate) return rules.Select(r => r.State()).ToList(); }
    }

    public int Clear()
    {
        lock (gate)
        {
            var n = rules.Count;
            rules.Clear();
            return n;
        }
    }

    public bool Remove(int id)
    {
        lock (gate)
            return rules.RemoveAll(r => r.Id == id) > 0;
    }

    /// <summary>The rule that strikes this request (its strike is counted), or null.</summary>
    internal ActiveRule? Take(string method, string requestPath)
    {
        if (!requestPath.StartsWith(SandboxPaths.ContextPath, StringComparison.Ordinal))
            return null;
        var dsPath = requestPath[SandboxPaths.ContextPath.Length..];
        if (dsPath.Length > 0 && dsPath[0] != '/')
            return null; // e.g. /dolphinschedulerX
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (rule.Remaining == 0 || !rule.Matches(method, dsPath))
                    continue;
                rule.Hits++;
                if (rule.Remaining is { } left)
                    rule.Remaining = left - 1;
                return rule;
            }
        }
        return null;
    }

    private static ActiveRule Compile(FaultRule rule)
    {
        var kind = rule.Kind ?? throw new FaultRuleException("kind is required: drop, status, slow, truncate, html or unauthorized");
        var method = string.IsNullOrWhiteSpace(rule.Method) ? "*" : rule.Method.Trim().ToUpperInvariant();
        var when = rule.When ?? (kind == FaultKind.Truncate ? FaultTiming.After : FaultTiming.Before);
        if (kind == FaultKind.Truncate && when != FaultTiming.After)
            throw new FaultRuleException("truncate cuts the handler's answer: when must be 'after'");
        if (when == FaultTiming.During && kind != FaultKind.Drop)
            throw new FaultRuleException("when 'during' is for drop only");
        if (rule.Count is <= 0)
            throw new FaultRuleException("count must be at least 1 (omit it for no limit)");
        int? status = null, delay = null, retryAfter = null;
        if (kind == FaultKind.Status)
        {
            status = rule.Status ?? 503;
            if (status is < 100 or > 599)
                throw new FaultRuleException("status must be an HTTP status code (100-599)");
            if (rule.RetryAfter is < 0)
                throw new FaultRuleException("retryAfter must be 0 or more seconds");
            retryAfter = rule.RetryAfter;
        }
        if (kind == FaultKind.Slow)
        {
            delay = rule.DelayMs ?? 2000;
            if (delay is < 0 or > 600_000)
                throw new FaultRuleException("delayMs must be between 0 and 600000");
        }

        var path = string.IsNullOrEmpty(rule.Path) || rule.Path == "*" ? null : rule.Path;
        Regex? regex = null;
        string? prefix = null;
        if (path is not null && path.StartsWith('^'))
        {
            try
            {
                regex = new Regex(path, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new FaultRuleException("path is not a valid regular expression: " + e.Message);
            }
        }
        else if (path is not null)
        {
            prefix = path.StartsWith(SandboxPaths.ContextPath + "/", StringComparison.Ordinal) ? path[SandboxPaths.ContextPath.Length..] : path;
        }
        return new ActiveRule(path, method, kind, when, status, delay, rule.Count, retryAfter, regex, prefix);
    }

    internal sealed class ActiveRule(
        string? path, string method, FaultKind kind, FaultTiming when, int? status, int? delayMs, int? count, int? retryAfter, Regex? regex, string? prefix)
    {
        public int Id { get; set; }
        public FaultKind Kind { get; } = kind;
        public FaultTiming When { get; } = when;
        public int Status { get; } = status ?? 503;
        public int DelayMs { get; } = delayMs ?? 0;
        public int? RetryAfter { get; } = retryAfter;
        public int? Count { get; } = count;
        public int? Remaining { get; set; } = count;
        public int Hits { get; set; }

        public bool Matches(string requestMethod, string dsPath)
        {
            if (method != "*" && !string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
                return false;
            if (regex is not null)
            {
                try
                {
                    return regex.IsMatch(dsPath);
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }
            }
            return prefix is null || dsPath.StartsWith(prefix, StringComparison.Ordinal);
        }

        public FaultRuleState State() => new(Id, path, method, Kind, When, status, delayMs, Count, RetryAfter, Remaining, Hits);
    }
}

/// <summary>What the journal records for a faulted request: the kind, and the status the client saw (0: none).</summary>
public sealed record AppliedFault(FaultKind Kind, FaultTiming When, int? ReportedStatus)
{
    /// <summary>The lower-case kind name used in the request journal (e.g. "drop").</summary>
    public string Name => Kind.ToString().ToLowerInvariant();
}
