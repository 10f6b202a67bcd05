using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// One HttpClient per connection, built through Microsoft.Extensions.Http so handlers compose in one place.
    /// The handler is kept for the connection's lifetime (no rotation): a connection is a long-lived session to one server.
    /// </summary>
    internal static class DsHttpClientFactory
    {
        public static (HttpClient Client, IDisposable Owner) Create(bool skipCertificateCheck)
        {
            var services = new ServiceCollection();
            services.AddHttpClient("ds")
                .ConfigurePrimaryHttpMessageHandler(() =>
                {
                    var handler = new HttpClientHandler
                    {
                        UseCookies = false, // DS auth travels in headers; cookies from /login must not leak into token requests
                        AllowAutoRedirect = false,
                        AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
                        MaxConnectionsPerServer = 64,
                    };
                    if (skipCertificateCheck)
                        handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                    return handler;
                })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
                // No logging handlers: nothing listens to them (the transport logs each request itself), and they cost two
                // async layers and a log scope per request (docs/performance.md).
                .RemoveAllLoggers();
            var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("ds");
            client.Timeout = Timeout.InfiniteTimeSpan; // per-request timeouts are applied by DsTransport so they can be told from cancellation
            client.DefaultRequestHeaders.UserAgent.ParseAdd("DolphinScheduler-PowerShell/" + typeof(DsHttpClientFactory).Assembly.GetName().Version);
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            return (client, provider);
        }
    }
}
