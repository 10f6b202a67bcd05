namespace DolphinScheduler.Client.Endpoints
{
    internal static partial class Api
    {
        /// <summary>Task definitions: only the code generator is needed to build workflows (contract §6 Task definitions).</summary>
        internal static class TaskDefinitions
        {
            public static readonly DsEndpoint GenTaskCodes = new("task-definitions", "generate task codes", "GET", "/projects/{projectCode}/task-definition/gen-task-codes");
        }

        /// <summary>Workflow definitions (contract §5, §6). 3.2 spells the path <c>process-definition</c>; the flavour translates.</summary>
        internal static class Workflows
        {
            public static readonly DsEndpoint Create = new("workflow-definitions", "create workflow definition", "POST", "/projects/{projectCode}/workflow-definition");
            public static readonly DsEndpoint Update = new("workflow-definitions", "update workflow definition", "PUT", "/projects/{projectCode}/workflow-definition/{code}");
            public static readonly DsEndpoint ListPaging = new("workflow-definitions", "list workflow definitions (paging)", "GET", "/projects/{projectCode}/workflow-definition");
            public static readonly DsEndpoint Get = new("workflow-definitions", "get workflow definition by code", "GET", "/projects/{projectCode}/workflow-definition/{code}");
            public static readonly DsEndpoint GetByName = new("workflow-definitions", "get workflow definition by name", "GET", "/projects/{projectCode}/workflow-definition/query-by-name");
            public static readonly DsEndpoint VerifyName = new("workflow-definitions", "verify name", "GET", "/projects/{projectCode}/workflow-definition/verify-name");
            /// <summary>Setting the same state twice is harmless, so a release may be repeated after an ambiguous failure.</summary>
            public static readonly DsEndpoint Release = new("workflow-definitions", "release (online/offline)", "POST", "/projects/{projectCode}/workflow-definition/{code}/release", idempotent: true);
            public static readonly DsEndpoint Delete = new("workflow-definitions", "delete workflow definition", "DELETE", "/projects/{projectCode}/workflow-definition/{code}");
        }
    }
}
