namespace DolphinScheduler.Sandbox.Contract;

/// <summary>Thread-safe journal of requests and contract violations (exposed by SandboxServer and /_sandbox).</summary>
public sealed class ContractRecorder(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly List<ContractViolation> violations = [];
    private readonly List<RecordedRequest> requests = [];

    public IReadOnlyList<ContractViolation> Violations
    {
        get { lock (gate) return violations.ToArray(); }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (gate) return requests.ToArray(); }
    }

    public void Violation(ViolationKind kind, string method, string path, string? endpoint, string? name, string detail)
    {
        var v = new ContractViolation(clock.GetUtcNow(), kind, method, path, endpoint, name, detail);
        lock (gate) violations.Add(v);
    }

    public void Request(string method, string path, string? endpoint, IReadOnlyList<string> parameterNames, int httpStatus, int? code, string? fault = null)
    {
        var r = new RecordedRequest(clock.GetUtcNow(), method, path, endpoint, parameterNames, httpStatus, code, fault);
        lock (gate) requests.Add(r);
    }

    public void Clear()
    {
        lock (gate)
        {
            violations.Clear();
            requests.Clear();
        }
    }
}
