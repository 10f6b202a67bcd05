using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Endpoints;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>Any endpoint by its literal path (Invoke-DsApi): same auth, envelope and error handling, no translation.</summary>
    public sealed class RawClient : ApiClient
    {
        internal RawClient(ApiConnection api) : base(api) { }

        /// <summary>The envelope's data as a <see cref="Serialization.JsonTree"/> (objects are lists of name/value pairs).</summary>
        public async Task<object?> InvokeAsync(string method, string path, IEnumerable<KeyValuePair<string, string>> parameters, string? inFile, CancellationToken cancellationToken = default)
        {
            var request = Build(method, path, parameters);
            if (inFile != null) request.MultipartFactory = fields => Multipart.FromFile(fields, inFile);
            var data = await Api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return Serialization.JsonTree.From(data);
        }

        /// <summary>Downloads a raw answer (e.g. /resources/download) into <paramref name="destination"/> via a temp file, so no partial file is left.</summary>
        public async Task DownloadAsync(string method, string path, IEnumerable<KeyValuePair<string, string>> parameters, string destination, CancellationToken cancellationToken = default)
        {
            var request = Build(method, path, parameters);
            destination = SafeFile.EnsureWritable(destination, overwrite: true);
            using var response = await Api.Transport.SendForContentAsync(request, cancellationToken).ConfigureAwait(false);
            await SafeFile.WriteAsync(destination, response.Content, null, overwrite: true, stallTimeout: Api.Transport.Timeout,
                request.Endpoint.Method.Method, request.Endpoint.Path, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A query string written into the path joins the other parameters, so the URI never gets a second '?'.</summary>
        private static DsRequest Build(string method, string path, IEnumerable<KeyValuePair<string, string>> parameters)
        {
            var query = path.IndexOf('?');
            var bare = query < 0 ? path : path.Substring(0, query);
            var request = new DsRequest(DsEndpoint.ForVerbatimPath(method, bare.StartsWith("/") ? bare : "/" + bare));
            if (query >= 0)
                foreach (var pair in path.Substring(query + 1).Split(new[] { '&' }, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=');
                    request.Add(System.Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq)), eq < 0 ? "" : System.Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' ')));
                }
            foreach (var p in parameters) request.Add(p.Key, p.Value);
            return request;
        }
    }

    internal static class Multipart
    {
        /// <summary>multipart/form-data with the fields as parts and the file streamed (never buffered) as part "file".</summary>
        public static HttpContent FromFile(IReadOnlyList<KeyValuePair<string, string>> fields, string path)
        {
            var content = new MultipartFormDataContent();
            foreach (var f in fields) content.Add(new StringContent(f.Value), f.Key);
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var file = new StreamContent(stream, 81920);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "file", Path.GetFileName(path));
            return content;
        }
    }
}
