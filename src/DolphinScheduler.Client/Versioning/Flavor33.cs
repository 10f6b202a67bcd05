using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DolphinScheduler.Client.Endpoints;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>DS 3.3.x and 3.4.x: the canonical names. 3.4 dropped testFlag (contract §0, PR #17282).</summary>
    internal sealed class Flavor33 : ApiFlavor
    {
        public Flavor33(DsServerVersion version) { Version = version; }

        public override DsServerVersion Version { get; }

        public override bool Supports(DsEndpoint endpoint) => endpoint.Availability != EndpointAvailability.Only32;

        public override string PathOf(DsEndpoint endpoint) => endpoint.Path;

        public override string ParameterName(DsEndpoint endpoint, string canonicalName) => canonicalName;

        public override bool SendsParameter(DsEndpoint endpoint, string canonicalName) =>
            !(canonicalName == "testFlag" && Version >= DsServerVersion.V3_4)
            && !EnumTables.Only32.Contains((endpoint.Path, canonicalName))
            && !EnumTables.Only32ByMethod.Contains((endpoint.Method.Method, endpoint.Path, canonicalName));

        public override string FieldName(string canonicalName) => canonicalName;

        public override IReadOnlyCollection<string> EnumValues(string enumName) => EnumTables.Values33(enumName);

        public override string? EnumValue(string enumName, string canonicalValue) =>
            EnumTables.Values33(enumName).Contains(canonicalValue) ? canonicalValue : null;

        public override ExecutionRules Execution => ExecutionRules.V33;

        public override ResourceRules Resources => ResourceRules.V33;

        public override WorkflowRules Workflows => WorkflowRules.V33;

        // 3.3+ start-workflow-instance answers data = array<int32> of the created instance ids.
        public override StartAnswer ReadStartAnswer(JsonElement data)
        {
            if (data.ValueKind != JsonValueKind.Array)
                throw new DsApiException("DolphinScheduler " + Http.DsTransport.DescribeVersion(Version) + " answered the start with " + data.ValueKind + " where a list of instance ids was expected.", DsErrorKind.Protocol);
            var ids = new List<int>();
            foreach (var e in data.EnumerateArray())
                if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var id)) ids.Add(id);
            return StartAnswer.Ids(ids);
        }
    }
}
