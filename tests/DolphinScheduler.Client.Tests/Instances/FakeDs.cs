using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Web;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Serialization;
using DolphinScheduler.Client.Versioning;

namespace DolphinScheduler.Client.Tests.Instances;

/// <summary>One request as the fake server saw it.</summary>
public sealed record Recorded(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Form)
{
    /// <summary>A parameter from the query or the form body.</summary>
    public string? Param(string name) => Query.TryGetValue(name, out var q) ? q : Form.TryGetValue(name, out var f) ? f : null;
    public bool Has(string name) => Query.ContainsKey(name) || Form.ContainsKey(name);
    public override string ToString() => Method + " " + Path;
}

/// <summary>
/// A recording fake HttpMessageHandler: every request is recorded with its path, query and form parameters, and
/// answered by the test's route function (a DS envelope around the returned data, or raw bytes).
/// </summary>
public sealed class FakeDs : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<Recorded> _requests = new();

    public Func<Recorded, object?> Route { get; set; } = _ => throw new InvalidOperationException("no route");

    public IReadOnlyList<Recorded> Requests { get { lock (_gate) return _requests.ToList(); } }

    public IEnumerable<Recorded> Where(string method, string path) => Requests.Where(r => r.Method == method && r.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var path = uri.AbsolutePath.Substring("/dolphinscheduler".Length);
        var query = Parse(uri.Query.TrimStart('?'));
        var form = request.Content == null ? new Dictionary<string, string>() : Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        var recorded = new Recorded(request.Method.Method, path, query, form);
        lock (_gate) _requests.Add(recorded);
        var answer = Route(recorded);
        return answer switch
        {
            HttpResponseMessage raw => raw,
            DsError e => Json(new { code = e.Code, msg = e.Message, data = (object?)null, success = false, failed = true }),
            _ => Json(new { code = 0, msg = "success", data = answer, success = true, failed = false }),
        };
    }

    public static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    private static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(text)) return result;
        var parsed = HttpUtility.ParseQueryString(text);
        foreach (string? key in parsed.Keys) if (key != null) result[key] = parsed[key] ?? "";
        return result;
    }

    /// <summary>A DsClient on this handler, for one server family, without login or version probe.</summary>
    public DsClient Client(DsServerVersion version)
    {
        var http = new HttpClient(this) { Timeout = Timeout.InfiniteTimeSpan };
        var transport = new DsTransport(http, new Uri("http://fake/dolphinscheduler"), FlavorFactory.Create(version),
            new TokenAuthenticator(Secrets.ToSecureString("test-token")), TimeSpan.FromSeconds(10), new RetryPolicy(1), NullLog.Instance);
        var ctor = typeof(DsClient).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, new[] { typeof(DsTransport), typeof(IDisposable) })!;
        var client = (DsClient)ctor.Invoke(new object[] { transport, http });
        using var doc = JsonDocument.Parse("{\"id\":1,\"userName\":\"admin\",\"userType\":\"ADMIN_USER\"}");
        var user = DsUser.From(new WireObject(doc.RootElement.Clone(), transport.Flavor), null!);
        var connection = new DsConnection(client, new Uri("http://fake/dolphinscheduler"), user, version, DsAuthMethod.Token, null);
        typeof(DsClient).GetProperty(nameof(DsClient.Connection))!.SetValue(client, connection);
        return client;
    }
}

/// <summary>Return this from a route to answer a DS error envelope.</summary>
public sealed record DsError(int Code, string Message);

/// <summary>Wire objects in each family's spelling.</summary>
public static class Wire
{
    public static bool Is32(DsServerVersion v) => v == DsServerVersion.V3_2;

    public static Dictionary<string, object?> Instance(DsServerVersion v, int id, string state, long projectCode = 7, long workflowCode = 99, int runTimes = 1,
        string? startTime = "2024-05-01 10:00:00", string? endTime = null)
    {
        var d = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["name"] = "nightly-" + id,
            ["state"] = state,
            ["projectCode"] = projectCode,
            ["commandType"] = "START_PROCESS",
            ["startTime"] = startTime,
            ["endTime"] = endTime,
            ["host"] = "master:5678",
            ["runTimes"] = runTimes,
            ["duration"] = "1m 5s",
            [Is32(v) ? "processDefinitionCode" : "workflowDefinitionCode"] = workflowCode,
            [Is32(v) ? "processDefinitionVersion" : "workflowDefinitionVersion"] = 3,
            [Is32(v) ? "isSubProcess" : "isSubWorkflow"] = false,
        };
        return d;
    }

    public static Dictionary<string, object?> Task(DsServerVersion v, int id, string name, string state, int instanceId = 5, long taskCode = 1001) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["taskType"] = "SHELL",
        ["taskCode"] = taskCode,
        ["state"] = state,
        [Is32(v) ? "processInstanceId" : "workflowInstanceId"] = instanceId,
        [Is32(v) ? "processInstanceName" : "workflowInstanceName"] = "nightly-" + instanceId,
        ["processDefinitionName"] = "nightly",
        ["startTime"] = "2024-05-01 10:00:00",
        ["endTime"] = "2024-05-01 10:00:30",
        ["host"] = "worker:1234",
        ["retryTimes"] = 0,
    };

    public static object Page(IEnumerable<object> items, int pageNo = 1, int pageSize = 100)
    {
        var list = items.ToList();
        return new { totalList = list, total = list.Count, totalPage = 1, pageSize, currentPage = pageNo, pageNo = (pageNo - 1) * pageSize };
    }

    public static string InstancesPath(DsServerVersion v) => Is32(v) ? "process-instances" : "workflow-instances";
}
