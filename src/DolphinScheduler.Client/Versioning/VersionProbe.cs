using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>
    /// Detects the API family without side effects and without reading message text (docs/server-compatibility.md):
    /// an authenticated GET of a read-only endpoint that exists in only one family, classified by whether the answer is
    /// a DS result envelope at all. Any envelope (even an error code for the made-up project) proves the path exists.
    /// </summary>
    internal static class VersionProbe
    {
        // A project code no server hands out (codes are 13–14 digit snowflakes); the answer is PROJECT_NOT_FOUND or a
        // permission error, never a change.
        private const string ProbeProject = "1";

        public static async Task<DsServerVersion> DetectAsync(DsTransport transport, CancellationToken cancellationToken)
        {
            var v33 = await transport.ProbeAsync("/projects/" + ProbeProject + "/workflow-definition/simple-list", cancellationToken).ConfigureAwait(false);
            if (v33.Code != null)
                return await Is34Async(transport, cancellationToken).ConfigureAwait(false) ? DsServerVersion.V3_4 : DsServerVersion.V3_3;
            var v32 = await transport.ProbeAsync("/projects/" + ProbeProject + "/process-definition/simple-list", cancellationToken).ConfigureAwait(false);
            if (v32.Code != null) return DsServerVersion.V3_2;
            throw new DsApiException("Could not tell which DolphinScheduler version serves this URI: neither the 3.3+ nor the 3.2 workflow path answered with a DS result (HTTP "
                + v33.Status + " and " + v32.Status + "). Check the URI (it must end with the /dolphinscheduler context path), or pass -ServerVersion.",
                DsErrorKind.Protocol, httpStatus: v33.Status);
        }

        // 3.4.1 added the OIDC provider list (contract §0); 3.3 has no such path.
        private static async Task<bool> Is34Async(DsTransport transport, CancellationToken cancellationToken)
        {
            var r = await transport.ProbeAsync("/oidc-providers", cancellationToken).ConfigureAwait(false);
            return r.Code != null;
        }
    }
}
