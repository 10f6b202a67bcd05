using System.Net;
using System.Net.Http;
using System.Text;
using System.Web;

namespace DolphinScheduler.Client.Tests.Fakes;

/// <summary>One request as the fake saw it: method, path below the context path, and parameter names/values.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Parameters, IReadOnlyDictionary<string, string> Headers, string? ContentType)
{
    public string? Param(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;
}

/// <summary>
/// A recording fake of a DS server at http://ds.test/dolphinscheduler. By default it answers like DS would for the
/// flavour (login, version probe, a generic success envelope); tests override answers with <see cref="Respond"/>.
/// </summary>
public sealed class FakeDsServer : HttpMessageHandler
{
    public static readonly Uri BaseUri = new("http://ds.test/dolphinscheduler");
    private readonly List<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, HttpResponseMessage> Answer)> _rules = new();
    private readonly object _gate = new();

    public FakeDsServer(string flavor = "3.4") { Flavor = flavor; }

    public string Flavor { get; }
    public List<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests after the connect handshake (login, probe, user info).</summary>
    public IEnumerable<RecordedRequest> CallsAfterConnect => Requests.Skip(ConnectRequestCount);

    /// <summary>How many requests the connect handshake made; set by TestConnections.</summary>
    public int ConnectRequestCount { get; set; }

    public FakeDsServer Respond(Func<RecordedRequest, bool> match, Func<RecordedRequest, HttpResponseMessage> answer)
    {
        lock (_gate) _rules.Insert(0, (match, answer));
        return this;
    }

    public FakeDsServer Respond(string method, string path, Func<RecordedRequest, HttpResponseMessage> answer) =>
        Respond(r => r.Method == method && r.Path == path, answer);

    public static HttpResponseMessage Envelope(int code, string dataJson = "null", HttpStatusCode status = HttpStatusCode.OK, string? msg = null) =>
        Json(status, "{\"code\":" + code + ",\"msg\":\"" + (msg ?? (code == 0 ? "success" : "error " + code)) + "\",\"data\":" + dataJson + ",\"success\":" + (code == 0 ? "true" : "false") + ",\"failed\":" + (code == 0 ? "false" : "true") + "}");

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Html(HttpStatusCode status) =>
        new(status) { Content = new StringContent("<!DOCTYPE html><html><body>index</body></html>", Encoding.UTF8, "text/html") };

    public const string GenericData = "{\"totalList\":[],\"total\":0,\"totalPage\":1,\"pageSize\":10,\"currentPage\":1,\"pageNo\":0}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordAsync(request).ConfigureAwait(false);
        lock (_gate) Requests.Add(recorded);
        List<(Func<RecordedRequest, bool> Match, Func<RecordedRequest, HttpResponseMessage> Answer)> rules;
        lock (_gate) rules = _rules.ToList();
        foreach (var rule in rules)
            if (rule.Match(recorded)) return rule.Answer(recorded);
        return Default(recorded);
    }

    private HttpResponseMessage Default(RecordedRequest r)
    {
        if (r.Path == "/login") return Envelope(0, "{\"sessionId\":\"11111111-2222-3333-4444-555555555555\",\"securityConfigType\":\"PASSWORD\"}");
        if (r.Path == "/users/get-user-info") return Envelope(0, "{\"id\":1,\"userName\":\"admin\",\"userType\":\"ADMIN_USER\",\"tenantId\":-1,\"tenantCode\":\"default\",\"state\":1}");
        var is32 = Flavor == "3.2";
        if (r.Path.Contains("/workflow-definition/") || r.Path.Contains("/workflow-instances")) return is32 ? Html(HttpStatusCode.OK) : Generic(r);
        if (r.Path.Contains("/process-definition/") || r.Path.Contains("/process-instances")) return is32 ? Generic(r) : Html(HttpStatusCode.OK);
        if (r.Path == "/oidc-providers") return Flavor == "3.4" ? Envelope(0, "[]") : Html(HttpStatusCode.OK);
        return Generic(r);
    }

    private static HttpResponseMessage Generic(RecordedRequest r) =>
        Envelope(0, GenericData, r.Method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK);

    private static async Task<RecordedRequest> RecordAsync(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var path = uri.AbsolutePath;
        var basePath = BaseUri.AbsolutePath;
        if (path.StartsWith(basePath, StringComparison.Ordinal)) path = path.Substring(basePath.Length);
        var parameters = new List<KeyValuePair<string, string>>();
        Parse(uri.Query.TrimStart('?'), parameters);
        string? contentType = request.Content?.Headers.ContentType?.MediaType;
        if (request.Content is MultipartFormDataContent multipart)
        {
            foreach (var part in multipart)
            {
                var name = part.Headers.ContentDisposition?.Name?.Trim('"') ?? "";
                var value = part is StringContent ? await part.ReadAsStringAsync().ConfigureAwait(false) : "<file " + part.Headers.ContentDisposition?.FileName?.Trim('"') + ">";
                parameters.Add(new(name, value));
            }
        }
        else if (request.Content != null)
        {
            var body = await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (contentType == "application/x-www-form-urlencoded") Parse(body, parameters);
        }
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(request.Method.Method, Uri.UnescapeDataString(path), parameters, headers, contentType);
    }

    private static void Parse(string encoded, List<KeyValuePair<string, string>> into)
    {
        if (string.IsNullOrEmpty(encoded)) return;
        foreach (var pair in encoded.Split('&'))
        {
            var i = pair.IndexOf('=');
            var key = HttpUtility.UrlDecode(i < 0 ? pair : pair.Substring(0, i));
            var value = i < 0 ? "" : HttpUtility.UrlDecode(pair.Substring(i + 1));
            into.Add(new(key, value));
        }
    }
}
