using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using E = DolphinScheduler.Client.Endpoints.Api;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>Filters of the task-instance list (contract §6 "Task instances").</summary>
    public sealed class TaskInstanceFilter
    {
        /// <summary>Only the tasks of this workflow instance.</summary>
        public int? InstanceId { get; set; }
        /// <summary>DS's task-name filter (taskName).</summary>
        public string? TaskName { get; set; }
        public long? TaskCode { get; set; }
        /// <summary>A TaskExecutionStatus name; checked against the server family's values before sending.</summary>
        public string? State { get; set; }
        public string? Host { get; set; }
        public DateTime? StartedAfter { get; set; }
        public DateTime? StartedBefore { get; set; }
        public string? SearchText { get; set; }
    }

    /// <summary>Task instances across a project (the per-instance list is <see cref="InstancesClient.ListTasksAsync"/>).</summary>
    public sealed class TaskInstancesClient : ApiClient
    {
        internal TaskInstancesClient(ApiConnection api) : base(api) { }

        public PagedList<DsTaskInstance> List(long projectCode, TaskInstanceFilter? filter, PageRequest page, CancellationToken cancellationToken = default)
        {
            filter ??= new TaskInstanceFilter();
            var state = filter.State == null ? null : Api.Transport.Flavor.RequireEnumValue("TaskExecutionStatus", filter.State, "State");
            return Api.Paged(() => new DsRequest(E.TaskInstances.List).Path("projectCode", projectCode)
                    .Add("workflowInstanceId", filter.InstanceId)
                    .Add("taskName", filter.TaskName)
                    .Add("taskCode", filter.TaskCode)
                    .Add("searchVal", filter.SearchText)
                    .Add("stateType", state)
                    .Add("host", filter.Host)
                    .Add("startDate", filter.StartedAfter is DateTime a ? Api.WireDate(a) : null)
                    .Add("endDate", filter.StartedBefore is DateTime b ? Api.WireDate(b) : null),
                (w, c) => DsTaskInstance.From(w, c).WithProject(projectCode), page, cancellationToken);
        }

        /// <summary>
        /// A task instance by id, or null. DS has no get-by-id for task instances, so this filters the project's list
        /// (narrowed by the workflow instance and task code when known) and stops at the first match.
        /// </summary>
        public Task<DsTaskInstance?> FindAsync(long projectCode, int taskInstanceId, int? instanceId = null, long? taskCode = null, CancellationToken cancellationToken = default)
        {
            var filter = new TaskInstanceFilter { InstanceId = instanceId is > 0 ? instanceId : null, TaskCode = taskCode is > 0 ? taskCode : null };
            return Task.Run<DsTaskInstance?>(() => List(projectCode, filter, new PageRequest { PageSize = 100 }, cancellationToken).FirstOrDefault(t => t.Id == taskInstanceId), cancellationToken);
        }

        /// <summary>The task instance as it is now, or null when the server no longer lists it.</summary>
        public Task<DsTaskInstance?> RefreshAsync(DsTaskInstance task, CancellationToken cancellationToken = default) =>
            FindAsync(task.ProjectCode, task.Id, task.InstanceId, task.TaskCode, cancellationToken);
    }
}
