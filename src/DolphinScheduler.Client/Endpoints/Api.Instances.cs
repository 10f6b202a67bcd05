namespace DolphinScheduler.Client.Endpoints
{
    // Running and watching: executors, workflow instances, task instances, logs (contract §6). Canonical 3.3+ form;
    // Flavor32 maps the paths (start-process-instance, process-instances) and names (processInstanceId, processDefineCode).
    internal static partial class Api
    {
        internal static class Executors
        {
            /// <summary>3.3+ answers a list of instance ids, 3.2 a trigger code (see <see cref="Versioning.ApiFlavor.ReadStartAnswer"/>).</summary>
            public static readonly DsEndpoint StartWorkflowInstance = new("executors", "start workflow instance", "POST", "/projects/{projectCode}/executors/start-workflow-instance");
            public static readonly DsEndpoint Execute = new("executors", "control workflow instance", "POST", "/projects/{projectCode}/executors/execute");
        }

        internal static class WorkflowInstances
        {
            public static readonly DsEndpoint List = new("workflow-instances", "list workflow instances (paging)", "GET", "/projects/{projectCode}/workflow-instances");
            public static readonly DsEndpoint Get = new("workflow-instances", "get workflow instance", "GET", "/projects/{projectCode}/workflow-instances/{id}");
            public static readonly DsEndpoint Delete = new("workflow-instances", "delete workflow instance", "DELETE", "/projects/{projectCode}/workflow-instances/{id}");
            public static readonly DsEndpoint Tasks = new("workflow-instances", "task instances of a workflow instance", "GET", "/projects/{projectCode}/workflow-instances/{id}/tasks");
            public static readonly DsEndpoint ByTrigger = new("workflow-instances", "instances by trigger code", "GET", "/projects/{projectCode}/workflow-instances/trigger");
        }

        internal static class TaskInstances
        {
            public static readonly DsEndpoint List = new("task-instances", "list task instances (paging)", "GET", "/projects/{projectCode}/task-instances");
        }

        internal static class Logs
        {
            public static readonly DsEndpoint Detail = new("logs", "task log detail", "GET", "/log/detail");
            public static readonly DsEndpoint Download = new("logs", "task log download", "GET", "/log/download-log");
        }

        /// <summary>Only what starting and filtering by workflow needs: name → code within a project.</summary>
        internal static class WorkflowLookup
        {
            public static readonly DsEndpoint SimpleList = new("workflow-definition", "simple list", "GET", "/projects/{projectCode}/workflow-definition/simple-list");
        }
    }
}
