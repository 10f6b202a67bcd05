using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DolphinScheduler.Client.Endpoints;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>DS 3.2.x: <c>process-*</c> paths and names (contract §1 and endpoints.json `v3.2`).</summary>
    internal sealed class Flavor32 : ApiFlavor
    {
        // Path segments renamed in 3.3 (contract §1). Applied in order; longer names first.
        private static readonly (string Canonical, string V32)[] PathRenames =
        {
            ("/query-workflow-definition-list", "/query-process-definition-list"),
            ("/executors/start-workflow-instance", "/executors/start-process-instance"),
            ("/executors/batch-start-workflow-instance", "/executors/batch-start-process-instance"),
            ("/workflow-definition", "/process-definition"),
            ("/workflow-instances", "/process-instances"),
        };

        // Request parameters renamed in 3.3, everywhere they occur.
        private static readonly Dictionary<string, string> ParameterRenames = new(StringComparer.Ordinal)
        {
            ["workflowDefinitionCode"] = "processDefinitionCode",
            ["workflowDefinitionCodes"] = "processDefinitionCodes",
            ["workflowInstanceId"] = "processInstanceId",
            ["workflowInstanceIds"] = "processInstanceIds",
            ["workflowInstanceName"] = "processInstanceName",
            ["workflowDefinitionName"] = "processDefinitionName",
            ["workflowInstancePriority"] = "processInstancePriority",
        };

        // Endpoint-specific renames where 3.2 used yet another name (contract §1 "Other renames").
        private static readonly Dictionary<(string Path, string Param), string> EndpointParameterRenames = new()
        {
            [("/projects/{projectCode}/workflow-instances", "workflowDefinitionCode")] = "processDefineCode",
            [("/projects/{projectCode}/workflow-definition/verify-name", "workflowDefinitionCode")] = "code",
        };

        // Entity fields and response keys renamed in 3.3 (contract §4).
        private static readonly Dictionary<string, string> FieldRenames = new(StringComparer.Ordinal)
        {
            ["workflowDefinitionCode"] = "processDefinitionCode",
            ["workflowDefinitionVersion"] = "processDefinitionVersion",
            ["workflowDefinitionName"] = "processDefinitionName",
            ["workflowDefinition"] = "processDefinition",
            ["workflowTaskRelationList"] = "processTaskRelationList",
            ["workflowInstanceId"] = "processInstanceId",
            ["workflowInstanceName"] = "processInstanceName",
            ["workflowInstance"] = "processInstance",
            ["workflowInstancePriority"] = "processInstancePriority",
            ["workflowInstanceState"] = "processInstanceState",
            ["isSubWorkflow"] = "isSubProcess",
            ["nextWorkflowInstanceId"] = "nextProcessInstanceId",
            ["subWorkflowInstanceId"] = "subProcessInstanceId",
        };

        public override DsServerVersion Version => DsServerVersion.V3_2;

        public override bool Supports(DsEndpoint endpoint) => endpoint.Availability != EndpointAvailability.Since33;

        public override string PathOf(DsEndpoint endpoint)
        {
            var path = endpoint.Path;
            foreach (var (canonical, v32) in PathRenames)
                path = path.Replace(canonical, v32);
            return path;
        }

        public override string ParameterName(DsEndpoint endpoint, string canonicalName)
        {
            if (EndpointParameterRenames.TryGetValue((endpoint.Path, canonicalName), out var special)) return special;
            return ParameterRenames.TryGetValue(canonicalName, out var renamed) ? renamed : canonicalName;
        }

        // Every canonical parameter the client sends exists in 3.2 under its translated name; the 3.3-only ones
        // (workflow* names) are renames, handled by ParameterName.
        public override bool SendsParameter(DsEndpoint endpoint, string canonicalName) => true;

        public override string? StatusName(int code) => Errors.StatusCatalog.NameOf(code, v32: true);

        public override string FieldName(string canonicalName) =>
            FieldRenames.TryGetValue(canonicalName, out var renamed) ? renamed : canonicalName;

        public override IReadOnlyCollection<string> EnumValues(string enumName) => EnumTables.Values32(enumName);

        public override string? EnumValue(string enumName, string canonicalValue) =>
            EnumTables.Values32(enumName).Contains(canonicalValue) ? canonicalValue : null;

        public override ExecutionRules Execution => ExecutionRules.V32;

        public override ResourceRules Resources => ResourceRules.V32;

        public override WorkflowRules Workflows => WorkflowRules.V32;

        // 3.2.2 start-process-instance answers data = the command's trigger code (int64).
        public override StartAnswer ReadStartAnswer(JsonElement data)
        {
            if (data.ValueKind == JsonValueKind.Number && data.TryGetInt64(out var code)) return StartAnswer.Trigger(code);
            if (data.ValueKind == JsonValueKind.String && long.TryParse(data.GetString(), out code)) return StartAnswer.Trigger(code);
            throw new DsApiException("DolphinScheduler 3.2 answered the start with " + data.ValueKind + " where a trigger code was expected.", DsErrorKind.Protocol);
        }
    }
}
