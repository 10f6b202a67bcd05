using System.Net.Http;

namespace DolphinScheduler.Client.Endpoints
{
    /// <summary>Which server families serve an endpoint.</summary>
    internal enum EndpointAvailability { All, Only32, Since33 }

    /// <summary>
    /// One REST endpoint in canonical (3.3+/3.4) terms: the path template and parameter names as the newest DS spells
    /// them. The version adapter (<see cref="Versioning.ApiFlavor"/>) translates them for 3.2; nothing else does.
    /// </summary>
    internal sealed class DsEndpoint
    {
        public DsEndpoint(string area, string name, string method, string path, EndpointAvailability availability = EndpointAvailability.All, bool idempotent = false)
        {
            Area = area;
            Name = name;
            Method = new HttpMethod(method);
            Path = path;
            Availability = availability;
            Idempotent = idempotent || method == "GET";
        }

        public string Area { get; }
        public string Name { get; }
        public HttpMethod Method { get; }
        public string Path { get; }
        public EndpointAvailability Availability { get; }

        /// <summary>Safe to repeat after an ambiguous failure (GET, and POSTs that are idempotent by nature).</summary>
        public bool Idempotent { get; }

        /// <summary>A path given by the user (Invoke-DsApi): sent as is, never translated by the flavour.</summary>
        public bool Verbatim { get; private set; }

        public static DsEndpoint ForVerbatimPath(string method, string path) =>
            new("raw", method + " " + path, method.ToUpperInvariant(), path) { Verbatim = true };

        public override string ToString() => Method + " " + Path;
    }
}
