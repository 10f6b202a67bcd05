using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using DolphinScheduler.Client.Endpoints;

namespace DolphinScheduler.Client.Http
{
    /// <summary>A request in canonical terms; the flavour translates names when the transport sends it.</summary>
    internal sealed class DsRequest
    {
        public DsRequest(DsEndpoint endpoint) { Endpoint = endpoint; }

        public DsEndpoint Endpoint { get; }
        public Dictionary<string, string> PathValues { get; } = new();
        public List<KeyValuePair<string, string>> Parameters { get; } = new();

        /// <summary>For multipart uploads: builds the content per attempt (a stream can be sent once).</summary>
        public System.Func<IReadOnlyList<KeyValuePair<string, string>>, HttpContent>? MultipartFactory { get; set; }

        /// <summary>
        /// Overrides the connection's per-request timeout (until the response headers arrive). Streamed transfers use
        /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> and guard against stalls themselves.
        /// </summary>
        public System.TimeSpan? Timeout { get; set; }

        public DsRequest Path(string name, object value)
        {
            PathValues[name] = Format(value);
            return this;
        }

        public DsRequest Add(string name, object? value)
        {
            if (value != null) Parameters.Add(new KeyValuePair<string, string>(name, Format(value)));
            return this;
        }

        private static string Format(object value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            System.DateTime d => d.ToString(DsDate.Format, CultureInfo.InvariantCulture),
            System.IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };

        public override string ToString() => Endpoint.ToString();
    }
}
