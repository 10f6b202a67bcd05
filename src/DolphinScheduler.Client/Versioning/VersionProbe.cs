using System;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>
    /// Detects the API family after authentication, without side effects and without reading message text
    /// (docs/server-compatibility.md, "Detecting the server version"): a read-only path that exists in only one family
    /// answers with a DS envelope (code 10190 for project 0), while an unknown path is forwarded to the UI's HTML.
    /// </summary>
    internal static class VersionProbe
    {
        private const string V33Path = "/projects/0/workflow-definition/simple-list";
        private const string V32Path = "/projects/0/process-definition/simple-list";
        private const string V34Path = "/oidc-providers";

        internal enum Answer { Endpoint, Auth, Absent }

        public static async Task<DsServerVersion> DetectAsync(DsTransport transport, Uri baseUri, CancellationToken cancellationToken)
        {
            switch (await ProbeAsync(transport, V33Path, cancellationToken).ConfigureAwait(false))
            {
                case Answer.Endpoint:
                    // 3.3 vs 3.4 is cosmetic: no request differs (testFlag is never sent).
                    return await ProbeAsync(transport, V34Path, cancellationToken).ConfigureAwait(false) == Answer.Endpoint ? DsServerVersion.V3_4 : DsServerVersion.V3_3;
                case Answer.Auth:
                    throw AuthFailure(V33Path);
            }
            switch (await ProbeAsync(transport, V32Path, cancellationToken).ConfigureAwait(false))
            {
                case Answer.Endpoint: return DsServerVersion.V3_2;
                case Answer.Auth: throw AuthFailure(V32Path);
            }
            throw new DsApiException("Not a DolphinScheduler 3.2+ API at " + baseUri + ": neither " + V33Path + " nor " + V32Path
                + " answered with a DolphinScheduler result. The base URI must include the context path /dolphinscheduler; or pass -ServerVersion.",
                DsErrorKind.NotSupported, method: "GET", path: V33Path);
        }

        internal static Answer Classify(int status, int? code)
        {
            if ((status == 200 || status == 201) && code != null) return Answer.Endpoint;
            if (status == 401 || status == 403) return Answer.Auth;
            return Answer.Absent;
        }

        // A transient failure (network, 429, 5xx) is retried once after a second, then fails the connect.
        private static async Task<Answer> ProbeAsync(DsTransport transport, string path, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (status, code) = await transport.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
                    if ((status == 429 || status >= 500) && attempt == 1)
                    {
                        await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    if (status == 429 || status >= 500)
                        throw new DsApiException("The server answered the version probe " + path + " with HTTP " + status + ".", status == 429 ? DsErrorKind.RateLimited : DsErrorKind.Server, httpStatus: status, method: "GET", path: path);
                    return Classify(status, code);
                }
                catch (Exception ex) when (attempt == 1 && !cancellationToken.IsCancellationRequested && (ex is System.Net.Http.HttpRequestException || ex is OperationCanceledException || ex is System.IO.IOException))
                {
                    await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is System.Net.Http.HttpRequestException || ex is OperationCanceledException || ex is System.IO.IOException))
                {
                    throw new DsConnectionException("Could not reach the server for the version probe (" + path + "): " + ex.Message, ex is OperationCanceledException ? DsErrorKind.Timeout : DsErrorKind.Connection, "GET", path, ex);
                }
            }
        }

        private static DsAuthenticationException AuthFailure(string path) =>
            new("The server refused the credentials during version detection (HTTP 401 on GET " + path + ").", httpStatus: 401, method: "GET", path: path);
    }
}
