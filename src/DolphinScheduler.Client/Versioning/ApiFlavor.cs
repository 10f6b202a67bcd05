using System.Collections.Generic;
using System.Text.Json;
using DolphinScheduler.Client.Endpoints;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>
    /// The version adapter: every difference between DS 3.2 and 3.3/3.4 that the client meets lives in a flavour
    /// (paths, parameter names, response keys, entity field names, enum values). Area clients, models and cmdlets
    /// speak canonical 3.3+ names and never branch on the version.
    /// </summary>
    internal abstract class ApiFlavor
    {
        public abstract DsServerVersion Version { get; }

        /// <summary>Whether the server family has the endpoint at all.</summary>
        public abstract bool Supports(DsEndpoint endpoint);

        /// <summary>The wire path template for a canonical endpoint.</summary>
        public abstract string PathOf(DsEndpoint endpoint);

        /// <summary>The wire name of a canonical request parameter of an endpoint.</summary>
        public abstract string ParameterName(DsEndpoint endpoint, string canonicalName);

        /// <summary>Whether the parameter exists in this family (e.g. testFlag is gone in 3.4, tenantCode on resources only in 3.2).</summary>
        public abstract bool SendsParameter(DsEndpoint endpoint, string canonicalName);

        /// <summary>The wire name of a canonical entity field or response key (e.g. workflowDefinitionCode, workflowTaskRelationList).</summary>
        public abstract string FieldName(string canonicalName);

        /// <summary>Enum names that exist only in some families; returns null when the value has no equivalent here.</summary>
        public virtual string? EnumValue(string enumName, string canonicalValue) => canonicalValue;

        /// <summary>All enum values the family accepts, for validation before sending.</summary>
        public abstract IReadOnlyCollection<string> EnumValues(string enumName);

        /// <summary>The execute-type/state table and the final states of this family.</summary>
        public abstract ExecutionRules Execution { get; }

        /// <summary>How the family names resource-centre paths (admin base directory, directory full names).</summary>
        public abstract ResourceRules Resources { get; }

        /// <summary>What the family needs in workflow documents beyond the canonical fields (3.2: isCache).</summary>
        public abstract WorkflowRules Workflows { get; }

        /// <summary>Reads the <c>data</c> of start-workflow-instance: instance ids (3.3+) or a trigger code (3.2).</summary>
        public abstract StartAnswer ReadStartAnswer(JsonElement data);

        /// <summary>
        /// Checks a value of an enum parameter before sending: a value only the other family knows is refused with a
        /// clear error instead of DS's conversion failure.
        /// </summary>
        public string RequireEnumValue(string enumName, string value, string parameterName)
        {
            var values = EnumValues(enumName);
            foreach (var v in values)
                if (string.Equals(v, value, System.StringComparison.OrdinalIgnoreCase)) return v;
            var known = EnumValues32Or33(enumName, value);
            var text = known
                ? "-" + parameterName + " " + value + " does not exist on DolphinScheduler " + Http.DsTransport.DescribeVersion(Version) + " (it is a " + enumName + " of the other server family). Values here: " + string.Join(", ", values) + "."
                : "-" + parameterName + " " + value + " is not a " + enumName + ". Values on DolphinScheduler " + Http.DsTransport.DescribeVersion(Version) + ": " + string.Join(", ", values) + ".";
            throw new DsApiException(text, DsErrorKind.InvalidArgument);
        }

        private static bool EnumValues32Or33(string enumName, string value)
        {
            foreach (var v in EnumTables.Values32(enumName)) if (string.Equals(v, value, System.StringComparison.OrdinalIgnoreCase)) return true;
            foreach (var v in EnumTables.Values33(enumName)) if (string.Equals(v, value, System.StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>The status name(s) of a DS code as this family spells them (PROCESS_* in 3.2, WORKFLOW_* in 3.3+).</summary>
        public virtual string? StatusName(int code) => Errors.StatusCatalog.NameOf(code, v32: false);

        public override string ToString() => Version.ToString();
    }
}
