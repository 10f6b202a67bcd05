using System.Net;
using System.Text;

namespace DolphinScheduler.Sandbox.Tests.Infrastructure;

/// <summary>
/// A deliberately dumb DS client: parameters go to the query string for GET/DELETE and to a urlencoded form body
/// for POST/PUT (README §2); auth is an explicit <c>sessionId</c> or <c>token</c> header. No cookie container.
/// </summary>
public sealed class DsClient(HttpClient http, Uri baseUri)
{
    public Uri BaseUri { get; } = baseUri;
    public string? SessionId { get; set; }
    public string? Token { get; set; }
    public string? Cookie { get; set; }

    public DsClient WithSession(string? sessionId) => new(http, BaseUri) { SessionId = sessionId };

    public DsClient WithToken(string? token) => new(http, BaseUri) { Token = token };

    public DsClient Anonymous() => new(http, BaseUri);

    public Task<DsResponse> Get(string path, params (string Name, object? Value)[] parameters) => Send(HttpMethod.Get, path, parameters);
    public Task<DsResponse> Delete(string path, params (string Name, object? Value)[] parameters) => Send(HttpMethod.Delete, path, parameters);
    public Task<DsResponse> Post(string path, params (string Name, object? Value)[] parameters) => Send(HttpMethod.Post, path, parameters);
    public Task<DsResponse> Put(string path, params (string Name, object? Value)[] parameters) => Send(HttpMethod.Put, path, parameters);

    public async Task<DsResponse> Send(HttpMethod method, string path, (string Name, object? Value)[] parameters, HttpContent? content = null)
    {
        var pairs = parameters.Where(p => p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)!))
            .ToList();
        var url = BaseUri + path;
        var inBody = content is null && (method == HttpMethod.Post || method == HttpMethod.Put);
        if (!inBody && pairs.Count > 0)
            url += (url.Contains('?') ? "&" : "?") + string.Join("&", pairs);
        using var request = new HttpRequestMessage(method, url);
        if (inBody)
            request.Content = new StringContent(string.Join("&", pairs), Encoding.UTF8, "application/x-www-form-urlencoded");
        else if (content is not null)
            request.Content = content;
        if (SessionId is not null)
            request.Headers.Add("sessionId", SessionId);
        if (Token is not null)
            request.Headers.Add("token", Token);
        if (Cookie is not null)
            request.Headers.Add("Cookie", Cookie);
        using var response = await http.SendAsync(request);
        return new DsResponse(response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Logs in and returns a client carrying the new session id (asserts success).</summary>
    public async Task<DsClient> Login(string userName, string password)
    {
        var r = await Anonymous().Post("/login", ("userName", userName), ("userPassword", password));
        if (r.Status != HttpStatusCode.OK || r.Code != 0)
            throw new InvalidOperationException("login failed: " + r);
        return WithSession(r.Data.GetProperty("sessionId").GetString());
    }
}
