using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Errors;
using DolphinScheduler.Client.Versioning;

namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// The one path every request takes: flavour translation, encoding, auth, timeout, retry of safe requests, and the
    /// mapping of every failure (network, HTTP status, envelope code) to a <see cref="DsApiException"/>. Only this class
    /// inspects responses.
    /// </summary>
    internal sealed class DsTransport
    {
        private readonly HttpClient _http;
        private readonly string _base;

        public DsTransport(HttpClient http, Uri baseUri, ApiFlavor flavor, IAuthenticator authenticator, TimeSpan timeout, RetryPolicy retry, IDsLog log)
        {
            _http = http;
            _base = baseUri.AbsoluteUri.TrimEnd('/');
            Flavor = flavor;
            Authenticator = authenticator;
            Timeout = timeout;
            Retry = retry;
            _fallbackLog = log;
        }

        public ApiFlavor Flavor { get; set; }

        /// <summary>Who this connection is, for messages ("alice"); never a secret.</summary>
        public string? Identity { get; set; }
        public IAuthenticator Authenticator { get; }
        public TimeSpan Timeout { get; }
        public RetryPolicy Retry { get; }
        private IDsLog _fallbackLog;

        /// <summary>
        /// The final 401 this connection got (after the one re-login a password session may make). Credentials the
        /// server refused stay refused: later requests fail at once with the same error instead of sending more 401s.
        /// </summary>
        private volatile DsAuthenticationException? _refusal;

        /// <summary>The server refused this connection's credentials for good (see <see cref="_refusal"/>).</summary>
        public bool IsRefused => _refusal != null;

        /// <summary>The sink of the current operation (<see cref="DsLogContext"/>), else the connection's.</summary>
        public IDsLog Log
        {
            get { var current = DsLogContext.Current; return current is NullLog ? _fallbackLog : current; }
            set => _fallbackLog = value ?? NullLog.Instance;
        }

        /// <summary>Sends a request and returns the envelope's <c>data</c> (a detached element), or throws.</summary>
        public async Task<JsonElement> SendAsync(DsRequest request, bool authenticate = true, CancellationToken cancellationToken = default)
        {
            using var response = await SendCoreAsync(request, authenticate, cancellationToken).ConfigureAwait(false);
            return await ReadEnvelopeAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sends a request whose success answer is raw bytes (downloads). The caller owns the returned response.
        /// A JSON envelope instead of bytes is DS reporting an error, and is thrown as such.
        /// </summary>
        public async Task<HttpResponseMessage> SendForContentAsync(DsRequest request, CancellationToken cancellationToken = default)
        {
            var response = await SendCoreAsync(request, true, cancellationToken).ConfigureAwait(false);
            if (IsJson(response))
            {
                try { await ReadEnvelopeAsync(request, response, cancellationToken).ConfigureAwait(false); }
                finally { response.Dispose(); }
                throw new DsApiException("The server answered with JSON where file content was expected.", DsErrorKind.Protocol, method: request.Endpoint.Method.Method, path: Flavor.PathOf(request.Endpoint));
            }
            return response;
        }

        /// <summary>Sends an arbitrary authenticated GET for the version probe, returning status and whether the body is a DS envelope.</summary>
        public async Task<(int Status, int? Code)> ProbeAsync(string relativePath, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, _base + relativePath);
            Authenticator.Apply(message);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(Timeout);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            int? code = null;
            if (IsJson(response))
            {
                try
                {
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    using var doc = await JsonDocument.ParseAsync(stream, default, cts.Token).ConfigureAwait(false);
                    if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var n)) code = n;
                }
                catch (JsonException) { }
            }
            Log.Debug("Probe GET " + relativePath + " -> HTTP " + (int)response.StatusCode + (code is int k ? ", code " + k : ", not a DS envelope"));
            return ((int)response.StatusCode, code);
        }

        private async Task<HttpResponseMessage> SendCoreAsync(DsRequest request, bool authenticate, CancellationToken cancellationToken)
        {
            var endpoint = request.Endpoint;
            if (!endpoint.Verbatim && !Flavor.Supports(endpoint))
                throw new DsApiException("DolphinScheduler " + DescribeVersion(Flavor.Version) + " has no endpoint for '" + endpoint.Name + "'.", DsErrorKind.NotSupported,
                    method: endpoint.Method.Method, path: Flavor.PathOf(endpoint));

            var path = BuildPath(request);
            if (authenticate && _refusal is DsAuthenticationException refused)
                throw new DsAuthenticationException("The server " + _base + " refused the credentials of " + (Identity ?? "this connection") + " earlier (HTTP 401 on "
                    + refused.Method + " " + refused.RequestPath + "), so " + endpoint.Method + " " + path + " was not sent. Run Connect-DsServer again with a valid token or credential.",
                    httpStatus: 401, method: endpoint.Method.Method, path: path);
            var parameters = TranslateParameters(request);
            var renewed = false;
            for (var attempt = 1; ; attempt++)
            {
                using var message = BuildMessage(request, path, parameters);
                if (authenticate) Authenticator.Apply(message);
                var watch = Stopwatch.StartNew();
                HttpResponseMessage response;
                using (var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    cts.CancelAfter(request.Timeout ?? Timeout);
                    try
                    {
                        response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex) when (ex is OperationCanceledException || ex is HttpRequestException || ex is IOException)
                    {
                        var timedOut = ex is OperationCanceledException;
                        if (TlsFailure(ex) is Exception tls)
                            // The request never left: retrying cannot fix a certificate, so say what is wrong at once.
                            throw new DsConnectionException("The TLS handshake with " + _base + " failed (" + endpoint.Method + " " + path + "): " + tls.Message
                                + " The server's certificate is not trusted by this machine. Trust its issuer, or for a test server with a self-signed certificate use Connect-DsServer -SkipCertificateCheck.",
                                DsErrorKind.Connection, endpoint.Method.Method, path, ex, requestMayHaveBeenProcessed: false);
                        // A refused connection never reached the server; anything else (reset, timeout) may have.
                        var mayHaveBeenProcessed = !IsConnectRefused(ex);
                        var failure = new DsConnectionException(
                            (timedOut ? "The request to " + _base + " timed out after " + Timeout.TotalSeconds + " s ("
                                : mayHaveBeenProcessed ? "The connection to " + _base + " broke before an answer came (" : "Could not reach " + _base + " (")
                            + endpoint.Method + " " + path + "): " + Innermost(ex),
                            timedOut ? DsErrorKind.Timeout : DsErrorKind.Connection, endpoint.Method.Method, path, ex, mayHaveBeenProcessed);
                        // A connection that was refused never reached the server, so even a create may be sent again.
                        if ((endpoint.Idempotent || !mayHaveBeenProcessed) && Retry.ShouldRetry(attempt))
                        {
                            await DelayBeforeRetryAsync(attempt, null, failure.Message, cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                        throw failure;
                    }
                }

                var status = (int)response.StatusCode;
                var log = Log;
                if (log.VerboseEnabled) log.Verbose(endpoint.Method + " " + path + " -> HTTP " + status + " (" + watch.ElapsedMilliseconds + " ms)");
                if (status == 401 && authenticate && !renewed && await Authenticator.TryRenewAsync(this, message, cancellationToken).ConfigureAwait(false))
                {
                    response.Dispose();
                    renewed = true;
                    continue;
                }
                if ((status == 429 || ((status == 502 || status == 503 || status == 504) && endpoint.Idempotent)) && Retry.ShouldRetry(attempt))
                {
                    // Only 429 (a rate limiter refuses before the request is processed) repeats a request that is not
                    // idempotent. A 502/503/504 may come from a proxy after the server processed it (Envoy answers 503
                    // for an upstream reset), so a create is never repeated blindly: AmbiguousCreate checks first.
                    var retryAfter = RetryAfterOf(response);
                    response.Dispose();
                    await DelayBeforeRetryAsync(attempt, retryAfter, "HTTP " + status, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (status >= 400)
                {
                    DsApiException error;
                    using (response)
                        error = HttpError(request, path, response);
                    if (status == 401 && authenticate && error is DsAuthenticationException refusal) _refusal = refusal;
                    throw error;
                }
                return response;
            }
        }

        private async Task DelayBeforeRetryAsync(int attempt, TimeSpan? retryAfter, string reason, CancellationToken cancellationToken)
        {
            var delay = Retry.DelayFor(attempt, retryAfter);
            Log.Verbose("Retrying in " + (int)delay.TotalMilliseconds + " ms after: " + reason);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        private string BuildPath(DsRequest request)
        {
            if (request.Endpoint.Verbatim) return request.Endpoint.Path;
            var template = Flavor.PathOf(request.Endpoint);
            var sb = new StringBuilder(template.Length + 16);
            var i = 0;
            while (i < template.Length)
            {
                var open = template.IndexOf('{', i);
                if (open < 0) { sb.Append(template, i, template.Length - i); break; }
                var close = template.IndexOf('}', open);
                sb.Append(template, i, open - i);
                var name = template.Substring(open + 1, close - open - 1);
                if (!request.PathValues.TryGetValue(name, out var value))
                    throw new ArgumentException("Missing path value '" + name + "' for " + request.Endpoint + ".");
                sb.Append(Uri.EscapeDataString(value));
                i = close + 1;
            }
            return sb.ToString();
        }

        private List<KeyValuePair<string, string>> TranslateParameters(DsRequest request)
        {
            var list = new List<KeyValuePair<string, string>>(request.Parameters.Count);
            foreach (var p in request.Parameters)
                if (request.Endpoint.Verbatim)
                    list.Add(p);
                else if (Flavor.SendsParameter(request.Endpoint, p.Key))
                    list.Add(new KeyValuePair<string, string>(Flavor.ParameterName(request.Endpoint, p.Key), p.Value));
            if (list.Count > 0 && Log is { DebugEnabled: true } log) log.Debug(request.Endpoint.Method + " parameters: " + string.Join(", ", list.Select(p => p.Key + "=" + Redact(p.Key, p.Value))));
            return list;
        }

        private HttpRequestMessage BuildMessage(DsRequest request, string path, List<KeyValuePair<string, string>> parameters)
        {
            var method = request.Endpoint.Method;
            var bodyless = method == HttpMethod.Get || method == HttpMethod.Delete;
            var uri = _base + path;
            if (bodyless && parameters.Count > 0) uri += "?" + FormEncoder.Encode(parameters);
            var message = new HttpRequestMessage(method, uri);
            if (request.MultipartFactory != null) message.Content = request.MultipartFactory(parameters);
            else if (!bodyless) message.Content = FormEncoder.Content(parameters);
            return message;
        }

        private async Task<JsonElement> ReadEnvelopeAsync(DsRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var method = request.Endpoint.Method.Method;
            var path = request.Endpoint.Verbatim ? request.Endpoint.Path : Flavor.PathOf(request.Endpoint);
            if (!IsJson(response))
                throw new DsApiException("The server answered " + method + " " + path + " with " + (response.Content.Headers.ContentType?.MediaType ?? "no content type")
                    + " instead of a DolphinScheduler JSON result. Check that the URI ends with the DS context path (/dolphinscheduler) and that the server version is right.",
                    DsErrorKind.Protocol, httpStatus: (int)response.StatusCode, method: method, path: path);
            JsonDocument doc;
            // Reading the answer is bounded by the timeout too: a server that sends headers and then stalls must not hang a job.
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                cts.CancelAfter(Timeout);
                try
                {
                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    doc = await JsonDocument.ParseAsync(stream, default, cts.Token).ConfigureAwait(false);
                }
                catch (JsonException ex)
                {
                    throw new DsApiException("The server's answer to " + method + " " + path + " is not valid JSON (" + ex.Message + ").", DsErrorKind.Protocol,
                        httpStatus: (int)response.StatusCode, method: method, path: path, innerException: ex);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new DsConnectionException("The answer to " + method + " " + path + " from " + _base + " did not arrive within " + Timeout.TotalSeconds + " s.",
                        DsErrorKind.Timeout, method, path, ex, requestMayHaveBeenProcessed: true);
                }
                catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
                {
                    // The server answered, so it processed the request: only its answer was lost.
                    throw new DsConnectionException("The connection broke while reading the answer to " + method + " " + path + " from " + _base + ": " + Innermost(ex),
                        DsErrorKind.Connection, method, path, ex, requestMayHaveBeenProcessed: true);
                }
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var codeElement) || !codeElement.TryGetInt32(out var code))
                    throw new DsApiException("The server's answer to " + method + " " + path + " is not a DolphinScheduler result envelope.", DsErrorKind.Protocol,
                        httpStatus: (int)response.StatusCode, method: method, path: path);
                if (code != 0)
                {
                    var msg = root.TryGetProperty("msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    throw EnvelopeError(code, RedactEchoedSecrets(msg, request), (int)response.StatusCode, method, path);
                }
                return root.TryGetProperty("data", out var data) ? data.Clone() : default;
            }
        }

        internal DsApiException EnvelopeError(int code, string? serverMessage, int httpStatus, string method, string path)
        {
            var name = Flavor.StatusName(code);
            var kind = StatusCatalog.KindOf(code);
            var text = (serverMessage ?? name ?? "error") + " (DS code " + code + (name != null ? " " + name : "") + "; " + method + " " + path + ")";
            return kind switch
            {
                DsErrorKind.NotFound => new DsNotFoundException(text, code, name, serverMessage, httpStatus, method, path),
                DsErrorKind.AlreadyExists => new DsAlreadyExistsException(text, code, name, serverMessage, httpStatus, method, path),
                DsErrorKind.PermissionDenied => new DsPermissionDeniedException(text, code, name, serverMessage, httpStatus, method, path),
                DsErrorKind.Authentication => new DsAuthenticationException(text, code, name, serverMessage, httpStatus, method, path),
                _ => new DsApiException(text, kind, code, name, serverMessage, httpStatus, method, path),
            };
        }

        private DsApiException HttpError(DsRequest request, string path, HttpResponseMessage response)
        {
            var method = request.Endpoint.Method.Method;
            var status = (int)response.StatusCode;
            switch (status)
            {
                case 401:
                    return new DsAuthenticationException("The server " + _base + " refused the credentials of " + (Identity ?? "this connection") + " (HTTP 401 on " + method + " " + path + "): the token is expired, revoked or unknown, the session was signed out, or the user is disabled.",
                        httpStatus: 401, method: method, path: path);
                case 429:
                    return new DsRateLimitedException("The server is rate limiting requests (HTTP 429 on " + method + " " + path + ").", RetryAfterOf(response), method, path);
                case 404:
                    return new DsApiException("The server has no " + method + " " + path + " (HTTP 404). The URI may lack the /dolphinscheduler context path, or the server is another DolphinScheduler version than this connection assumes.",
                        DsErrorKind.NotSupported, httpStatus: 404, method: method, path: path);
                default:
                    return new DsApiException("The server failed " + method + " " + path + " with HTTP " + status + " " + response.ReasonPhrase + ".",
                        status >= 500 ? DsErrorKind.Server : DsErrorKind.Protocol, httpStatus: status, method: method, path: path);
            }
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta is TimeSpan delta) return delta;
            if (header.Date is DateTimeOffset date) return date - DateTimeOffset.UtcNow;
            return null;
        }

        private static bool IsJson(HttpResponseMessage response)
        {
            var media = response.Content.Headers.ContentType?.MediaType;
            return media != null && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        }

        private static readonly string[] SensitiveNames = { "userPassword", "token", "password", "sessionId" };

        /// <summary>DS quotes a refused value in some messages (e.g. 10001 for a password that fails its length check).</summary>
        private static string? RedactEchoedSecrets(string? message, DsRequest request)
        {
            if (string.IsNullOrEmpty(message)) return message;
            foreach (var p in request.Parameters)
                if (p.Value.Length > 0 && SensitiveNames.Any(s => p.Key.Equals(s, StringComparison.OrdinalIgnoreCase)))
                    message = message!.Replace(p.Value, "***");
            return message;
        }

        internal static string Redact(string name, string value) =>
            SensitiveNames.Any(s => name.Equals(s, StringComparison.OrdinalIgnoreCase)) ? "***" : (value.Length > 200 ? value.Substring(0, 200) + "…" : value);

        private static bool IsConnectRefused(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if (e is System.Net.Sockets.SocketException se && (se.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused || se.SocketErrorCode == System.Net.Sockets.SocketError.HostNotFound))
                    return true;
            return false;
        }

        private static Exception? TlsFailure(Exception ex)
        {
            for (var e = ex; e != null; e = e.InnerException)
                if (e is System.Security.Authentication.AuthenticationException) return e;
            return null;
        }

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex.Message;
        }

        internal static string DescribeVersion(DsServerVersion v) => v switch
        {
            DsServerVersion.V3_2 => "3.2",
            DsServerVersion.V3_3 => "3.3",
            DsServerVersion.V3_4 => "3.4",
            _ => "(unknown)",
        };
    }
}
