using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security;
using System.Text;
using System.Text.Json;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Serialization;
using DolphinScheduler.Client.Versioning;

namespace DolphinScheduler.Client.Tests.Fakes
{
    /// <summary>One request as it reached the wire: method, path below the base URI, and its parameters by location.</summary>
    internal sealed class WireRequest
    {
        public string Method { get; init; } = "";
        public string Path { get; init; } = "";
        public List<KeyValuePair<string, string>> Query { get; } = new();
        public List<KeyValuePair<string, string>> Form { get; } = new();
        public List<MultipartPart> Parts { get; } = new();
        public string? ContentType { get; init; }
        public long? ContentLength { get; init; }
        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>All parameter names, wherever they travelled (query, form body or multipart).</summary>
        public IEnumerable<string> ParameterNames => Query.Concat(Form).Select(p => p.Key).Concat(Parts.Select(p => p.Name));

        /// <summary>The value of a parameter, wherever it travelled; null when absent.</summary>
        public string? Param(string name) =>
            Query.Concat(Form).Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault()
            ?? Parts.Where(p => p.Name == name && p.FileName == null).Select(p => Encoding.UTF8.GetString(p.Content)).FirstOrDefault();

        public override string ToString() => Method + " " + Path;
    }

    internal sealed class MultipartPart
    {
        public string Name { get; init; } = "";
        public string? FileName { get; init; }
        public string? ContentType { get; init; }
        public byte[] Content { get; init; } = Array.Empty<byte>();
    }

    /// <summary>
    /// A recording fake of a DS server for client unit tests: routes match method + path (templates with {x}); each
    /// answers with a DS envelope. Every request is recorded in wire terms, so tests check the exact paths and
    /// parameter names a flavour sends. Unmatched requests answer HTTP 404 and are recorded too.
    /// </summary>
    internal sealed class ScriptedDsServer : HttpMessageHandler
    {
        public const string BaseUri = "http://ds.test/dolphinscheduler";

        private readonly List<(string Method, string Template, Func<WireRequest, HttpResponseMessage> Respond)> _routes = new();
        private readonly object _lock = new();

        public List<WireRequest> Requests { get; } = new();

        /// <summary>When set, multipart bodies are streamed into this sink instead of being parsed (large uploads).</summary>
        public Func<Stream>? MultipartSink { get; set; }

        public ScriptedDsServer On(string method, string template, Func<WireRequest, string?> dataJson)
        {
            _routes.Add((method, template, r => Envelope(0, "success", dataJson(r))));
            return this;
        }

        public ScriptedDsServer On(string method, string template, string? dataJson = "null") => On(method, template, _ => dataJson);

        public ScriptedDsServer OnError(string method, string template, int code, string msg, HttpStatusCode status = HttpStatusCode.OK)
        {
            _routes.Add((method, template, _ => Envelope(code, msg, "null", status)));
            return this;
        }

        public ScriptedDsServer OnRaw(string method, string template, Func<WireRequest, HttpResponseMessage> respond)
        {
            _routes.Add((method, template, respond));
            return this;
        }

        /// <summary>Inserts a route that wins over the ones added before (for a later step of a scenario).</summary>
        public ScriptedDsServer OnFirst(string method, string template, Func<WireRequest, string?> dataJson)
        {
            _routes.Insert(0, (method, template, r => Envelope(0, "success", dataJson(r))));
            return this;
        }

        public IReadOnlyList<WireRequest> Matching(string method, string template) =>
            Requests.Where(r => r.Method == method && Matches(template, r.Path)).ToList();

        public static HttpResponseMessage Envelope(int code, string msg, string? dataJson, HttpStatusCode status = HttpStatusCode.OK)
        {
            var body = "{\"code\":" + code + ",\"msg\":" + JsonSerializer.Serialize(msg) + ",\"data\":" + (dataJson ?? "null") + ",\"success\":" + (code == 0 ? "true" : "false") + ",\"failed\":" + (code == 0 ? "false" : "true") + "}";
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var path = Uri.UnescapeDataString(uri.AbsolutePath);
            var basePath = new Uri(BaseUri).AbsolutePath;
            if (path.StartsWith(basePath, StringComparison.Ordinal)) path = path.Substring(basePath.Length);
            var recorded = new WireRequest
            {
                Method = request.Method.Method,
                Path = path,
                ContentType = request.Content?.Headers.ContentType?.MediaType,
                ContentLength = request.Content?.Headers.ContentLength,
            };
            foreach (var h in request.Headers) recorded.Headers[h.Key] = string.Join(",", h.Value);
            recorded.Query.AddRange(ParseForm(uri.Query.TrimStart('?')));
            if (request.Content != null)
            {
                if (recorded.ContentType == "multipart/form-data")
                {
                    if (MultipartSink != null)
                    {
                        using var sink = MultipartSink();
                        await request.Content.CopyToAsync(sink, cancellationToken);
                    }
                    else
                    {
                        var boundary = request.Content.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value!.Trim('"');
                        recorded.Parts.AddRange(ParseMultipart(await request.Content.ReadAsByteArrayAsync(cancellationToken), boundary));
                    }
                }
                else
                {
                    recorded.Form.AddRange(ParseForm(await request.Content.ReadAsStringAsync(cancellationToken)));
                }
            }
            lock (_lock) Requests.Add(recorded);
            foreach (var route in _routes)
                if (route.Method == recorded.Method && Matches(route.Template, recorded.Path))
                    return route.Respond(recorded);
            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("no route for " + recorded) };
        }

        private static bool Matches(string template, string path)
        {
            var t = template.Split('/');
            var p = path.Split('/');
            if (t.Length != p.Length) return false;
            for (var i = 0; i < t.Length; i++)
                if (!(t[i].StartsWith('{') && t[i].EndsWith('}')) && t[i] != p[i]) return false;
            return true;
        }

        private static IEnumerable<KeyValuePair<string, string>> ParseForm(string text)
        {
            if (string.IsNullOrEmpty(text)) yield break;
            foreach (var pair in text.Split('&'))
            {
                var eq = pair.IndexOf('=');
                var key = eq < 0 ? pair : pair.Substring(0, eq);
                var value = eq < 0 ? "" : pair.Substring(eq + 1);
                yield return new(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
            }
        }

        internal static List<MultipartPart> ParseMultipart(byte[] body, string boundary)
        {
            var parts = new List<MultipartPart>();
            var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
            var positions = new List<int>();
            for (var i = 0; i + delimiter.Length <= body.Length; i++)
                if (body.AsSpan(i, delimiter.Length).SequenceEqual(delimiter)) { positions.Add(i); i += delimiter.Length - 1; }
            for (var k = 0; k + 1 < positions.Count; k++)
            {
                var start = positions[k] + delimiter.Length + 2; // CRLF after the delimiter
                var end = positions[k + 1] - 2;                 // CRLF before the next delimiter
                var headerEnd = IndexOf(body, Encoding.ASCII.GetBytes("\r\n\r\n"), start);
                var headers = Encoding.UTF8.GetString(body, start, headerEnd - start).Split("\r\n");
                string? disposition = headers.FirstOrDefault(h => h.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase));
                string? type = headers.FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?.Substring("Content-Type:".Length).Trim();
                var cd = ContentDispositionHeaderValue.Parse(disposition!.Substring("Content-Disposition:".Length).Trim());
                var contentStart = headerEnd + 4;
                parts.Add(new MultipartPart
                {
                    Name = cd.Name!.Trim('"'),
                    FileName = cd.FileName?.Trim('"'),
                    ContentType = type,
                    Content = body.AsSpan(contentStart, end - contentStart).ToArray(),
                });
            }
            return parts;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from)
        {
            for (var i = from; i + needle.Length <= haystack.Length; i++)
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
            return -1;
        }
    }

    /// <summary>Builds a DsClient over a <see cref="ScriptedDsServer"/> without a network: the connect step is skipped.</summary>
    internal static class TestClient
    {
        public static DsClient Create(ScriptedDsServer server, DsServerVersion version, string tenantCode = "etl", TimeSpan? timeout = null, bool admin = false)
        {
            var token = new SecureString();
            foreach (var c in "test-token") token.AppendChar(c);
            token.MakeReadOnly();
            var http = new HttpClient(server) { Timeout = Timeout.InfiniteTimeSpan };
            var transport = new DsTransport(http, new Uri(ScriptedDsServer.BaseUri), FlavorFactory.Create(version), new TokenAuthenticator(token),
                timeout ?? TimeSpan.FromSeconds(30), new RetryPolicy(1), NullLog.Instance);
            var ctor = typeof(DsClient).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(DsTransport), typeof(IDisposable) }, null)
                ?? throw new InvalidOperationException("DsClient's private constructor changed; update TestClient.");
            var client = (DsClient)ctor.Invoke(new object[] { transport, http });
            using var doc = JsonDocument.Parse("{\"id\":1,\"userName\":\"alice\",\"userType\":\"" + (admin ? "ADMIN_USER" : "GENERAL_USER") + "\",\"tenantCode\":\"" + tenantCode + "\",\"state\":1}");
            var user = DsUser.From(new WireObject(doc.RootElement.Clone(), transport.Flavor), null!);
            var connection = new DsConnection(client, new Uri(ScriptedDsServer.BaseUri), user, version, DsAuthMethod.Token, null);
            typeof(DsClient).GetProperty(nameof(DsClient.Connection))!.SetValue(client, connection);
            return client;
        }
    }
}
