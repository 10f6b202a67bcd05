using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Serialization;
using DolphinScheduler.Client.Versioning;
using E = DolphinScheduler.Client.Endpoints.Api;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>Filters of the workflow-instance list (contract §6 "Workflow instances").</summary>
    public sealed class InstanceFilter
    {
        public long? WorkflowCode { get; set; }
        /// <summary>A WorkflowExecutionStatus name; checked against the server family's values before sending.</summary>
        public string? State { get; set; }
        /// <summary>Instances started at or after this time (startDate).</summary>
        public DateTime? StartedAfter { get; set; }
        /// <summary>Instances started at or before this time (endDate).</summary>
        public DateTime? StartedBefore { get; set; }
        public string? Host { get; set; }
        /// <summary>DS's substring search on the instance name (searchVal).</summary>
        public string? SearchText { get; set; }
        public string? ExecutorName { get; set; }
    }

    /// <summary>How to start a workflow (contract §5 start parameters).</summary>
    public sealed class StartOptions
    {
        /// <summary>Start parameters, sent as the JSON object startParams (every version accepts {"name":"value"}).</summary>
        public IDictionary? Parameters { get; set; }
        public string? TenantCode { get; set; }
        public string? WorkerGroup { get; set; }
        public long? EnvironmentCode { get; set; }
        /// <summary>END or CONTINUE (DS's UI default).</summary>
        public string FailureStrategy { get; set; } = "CONTINUE";
        public string WarningType { get; set; } = "NONE";
        public int? WarningGroupId { get; set; }
        /// <summary>HIGHEST .. LOWEST (workflowInstancePriority).</summary>
        public string? Priority { get; set; }
        public bool DryRun { get; set; }
        /// <summary>3.2 only: how long to look for the instances of the returned trigger code.</summary>
        public TimeSpan TriggerLookupTimeout { get; set; } = TimeSpan.FromSeconds(30);
    }

    /// <summary>The state of an instance as the task list reports it, with its task instances.</summary>
    public sealed class InstanceTasks
    {
        internal InstanceTasks(string? state, IReadOnlyList<DsTaskInstance> tasks) { InstanceState = state; Tasks = tasks; }
        public string? InstanceState { get; }
        public IReadOnlyList<DsTaskInstance> Tasks { get; }
    }

    /// <summary>Workflow instances and the executor: start, list, control, wait, delete.</summary>
    public sealed class InstancesClient : ApiClient
    {
        internal InstancesClient(ApiConnection api) : base(api) { }

        private ApiFlavor Flavor => Api.Transport.Flavor;

        internal ExecutionRules Rules => Flavor.Execution;

        /// <summary>The instances of a project, newest first, lazily paged.</summary>
        /// <summary>
        /// The instances of several projects as one list, newest first like each project's own list (DS orders by
        /// start time, then end time, both descending). <paramref name="perProject"/> pages each project's list; a few
        /// projects' first pages are requested ahead while earlier ones are read.
        /// </summary>
        public IEnumerable<DsInstance> ListAcrossProjects(IEnumerable<long> projectCodes, InstanceFilter? filter, PageRequest perProject, CancellationToken cancellationToken = default)
        {
            var lists = projectCodes.Select(code => List(code, filter, perProject, cancellationToken)).ToList();
            return OrderedMerge.Merge(lists, InstanceOrder.NewestFirst, i => lists[i].Start());
        }

        public PagedList<DsInstance> List(long projectCode, InstanceFilter? filter, PageRequest page, CancellationToken cancellationToken = default)
        {
            filter ??= new InstanceFilter();
            var state = filter.State == null ? null : Flavor.RequireEnumValue("WorkflowExecutionStatus", filter.State, "State");
            return Api.Paged(() => new DsRequest(E.WorkflowInstances.List).Path("projectCode", projectCode)
                    .Add("workflowDefinitionCode", filter.WorkflowCode)
                    .Add("searchVal", filter.SearchText)
                    .Add("executorName", filter.ExecutorName)
                    .Add("stateType", state)
                    .Add("host", filter.Host)
                    .Add("startDate", filter.StartedAfter is DateTime a ? Api.WireDate(a) : null)
                    .Add("endDate", filter.StartedBefore is DateTime b ? Api.WireDate(b) : null),
                DsInstance.From, page, cancellationToken);
        }

        public Task<DsInstance> GetAsync(long projectCode, int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.WorkflowInstances.Get).Path("projectCode", projectCode).Path("id", id), DsInstance.From, cancellationToken);

        /// <summary>The instance as it is now on the server.</summary>
        public Task<DsInstance> RefreshAsync(DsInstance instance, CancellationToken cancellationToken = default) =>
            GetAsync(instance.ProjectCode, instance.Id, cancellationToken);

        /// <summary>The task instances of a workflow instance (the latest attempt of each task) and the instance's state.</summary>
        public async Task<InstanceTasks> ListTasksAsync(long projectCode, int instanceId, CancellationToken cancellationToken = default)
        {
            var data = await Api.SendAsync(new DsRequest(E.WorkflowInstances.Tasks).Path("projectCode", projectCode).Path("id", instanceId), cancellationToken).ConfigureAwait(false);
            var w = new WireObject(data, Flavor);
            var tasks = w.TryGet("taskList", out var list) ? Api.MapArray(list, DsTaskInstance.From) : Array.Empty<DsTaskInstance>();
            // 3.2.2 sends WorkflowExecutionStatus.toString() here ("WorkflowExecutionStatus{code=7, desc='success'}"): not a name, so dropped.
            var state = w.String("workflowInstanceState");
            if (state != null && !System.Text.RegularExpressions.Regex.IsMatch(state, "^[A-Z_]+$")) state = null;
            return new InstanceTasks(state, tasks.Select(t => t.WithProject(projectCode)).ToList());
        }

        /// <summary>
        /// Starts a workflow and returns every instance the start created, on every server family: 3.3+ answers the
        /// instance ids; 3.2 answers a trigger code, whose instances are looked up (briefly retried until the master
        /// created them, never guessed by time).
        /// </summary>
        public async Task<IReadOnlyList<DsInstance>> StartAsync(long projectCode, long workflowCode, StartOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new StartOptions();
            var flavor = Flavor;
            var request = new DsRequest(E.Executors.StartWorkflowInstance).Path("projectCode", projectCode)
                .Add("workflowDefinitionCode", workflowCode)
                .Add("scheduleTime", "") // required even for a plain start (quirk 5), ignored then
                .Add("failureStrategy", flavor.RequireEnumValue("FailureStrategy", options.FailureStrategy, "FailureStrategy"))
                .Add("warningType", flavor.RequireEnumValue("WarningType", options.WarningType, "WarningType"))
                .Add("warningGroupId", options.WarningGroupId)
                .Add("execType", "START_PROCESS")
                .Add("taskDependType", "TASK_POST")
                .Add("workflowInstancePriority", options.Priority == null ? null : flavor.RequireEnumValue("Priority", options.Priority, "Priority"))
                .Add("workerGroup", string.IsNullOrEmpty(options.WorkerGroup) ? null : options.WorkerGroup)
                .Add("tenantCode", string.IsNullOrEmpty(options.TenantCode) ? null : options.TenantCode)
                .Add("environmentCode", options.EnvironmentCode)
                .Add("startParams", options.Parameters == null || options.Parameters.Count == 0 ? null : StartParamsJson(options.Parameters))
                .Add("dryRun", options.DryRun ? 1 : 0);
            var data = await Api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var answer = flavor.ReadStartAnswer(data);
            if (answer.TriggerCode is long trigger)
                return await FindTriggeredAsync(projectCode, trigger, options.TriggerLookupTimeout, cancellationToken).ConfigureAwait(false);
            var instances = new List<DsInstance>(answer.InstanceIds.Count);
            foreach (var id in answer.InstanceIds)
                instances.Add(await GetAsync(projectCode, id, cancellationToken).ConfigureAwait(false));
            return instances;
        }

        /// <summary>The instances created by a 3.2 start's trigger code (empty until the master handled the command).</summary>
        public Task<IReadOnlyList<DsInstance>> ListByTriggerAsync(long projectCode, long triggerCode, CancellationToken cancellationToken = default) =>
            Api.SendListAsync(new DsRequest(E.WorkflowInstances.ByTrigger).Path("projectCode", projectCode).Add("triggerCode", triggerCode), DsInstance.From, cancellationToken);

        private async Task<IReadOnlyList<DsInstance>> FindTriggeredAsync(long projectCode, long triggerCode, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            var delay = TimeSpan.FromMilliseconds(200);
            while (true)
            {
                var found = await ListByTriggerAsync(projectCode, triggerCode, cancellationToken).ConfigureAwait(false);
                if (found.Count > 0) return found.OrderBy(i => i.Id).ToList();
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                    throw new DsApiException("DolphinScheduler accepted the start (trigger code " + triggerCode.ToString(CultureInfo.InvariantCulture) + ") but no instance appeared within "
                        + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s: the master may be busy or down. Look for it later with Get-DsInstance.", DsErrorKind.Timeout);
                Api.Transport.Log.Verbose("No instance for trigger code " + triggerCode + " yet; asking again in " + (int)delay.TotalMilliseconds + " ms.");
                await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }

        /// <summary>
        /// Throws a <see cref="DsErrorKind.InvalidState"/> error when DS would refuse the execute type in the instance's
        /// state (the table in <see cref="ExecutionRules"/>), saying why.
        /// </summary>
        public void CheckExecute(DsInstance instance, string executeType)
        {
            if (!ExecutionRules.ExecuteTypes.Contains(executeType))
                throw new DsApiException("Execute type '" + executeType + "' is not one DolphinScheduler accepts on an instance; use one of " + string.Join(", ", ExecutionRules.ExecuteTypes) + ".", DsErrorKind.InvalidArgument);
            if (Rules.Allows(executeType, instance.State)) return;
            var allowed = Rules.AllowedStates(executeType);
            var text = "Cannot " + executeType + " workflow instance '" + instance.Name + "' (id " + instance.Id.ToString(CultureInfo.InvariantCulture) + "): it is " + instance.State
                + ", and DolphinScheduler " + DsTransport.DescribeVersion(Flavor.Version) + " allows " + executeType + " only when it is " + string.Join(" or ", allowed) + "." + Hint(executeType, instance.State);
            throw new DsApiException(text, DsErrorKind.InvalidState);
        }

        private string Hint(string executeType, string state)
        {
            if (executeType == "START_FAILURE_TASK_PROCESS" && Rules.IsFinal(state)) return " To run a finished instance again from the start, use REPEAT_RUNNING.";
            if ((executeType == "PAUSE" || executeType == "STOP") && Rules.IsFinal(state)) return " The instance has already ended.";
            if (executeType == "RECOVER_SUSPENDED_PROCESS" && state == "FAILURE") return " To resume a failed instance, use START_FAILURE_TASK_PROCESS.";
            if (!Rules.IsFinal(state) && (executeType == "REPEAT_RUNNING" || executeType == "START_FAILURE_TASK_PROCESS" || executeType == "RECOVER_SUSPENDED_PROCESS"))
                return " Wait until it has ended (Wait-DsInstance), or stop it first.";
            return "";
        }

        /// <summary>
        /// Sends an execute type (REPEAT_RUNNING, START_FAILURE_TASK_PROCESS, RECOVER_SUSPENDED_PROCESS, PAUSE, STOP) to an
        /// instance after checking its current state. Returns the instance as it was just before the command: the
        /// baseline a wait needs to tell the new run from the old one.
        /// </summary>
        public async Task<DsInstance> ExecuteAsync(DsInstance instance, string executeType, CancellationToken cancellationToken = default)
        {
            var current = await RefreshAsync(instance, cancellationToken).ConfigureAwait(false);
            CheckExecute(current, executeType);
            // Quirk 10: 3.3+ ignores the projectCode segment here; the instance's own project is still the right one to send.
            await Api.SendAsync(new DsRequest(E.Executors.Execute).Path("projectCode", current.ProjectCode)
                .Add("workflowInstanceId", current.Id)
                .Add("executeType", executeType), cancellationToken).ConfigureAwait(false);
            Api.Transport.Log.Verbose("Sent " + executeType + " to workflow instance " + current.Id + " (was " + current.State + ", run " + current.RunTimes + ").");
            return current;
        }

        /// <summary>Deletes a finished instance (DS refuses running ones; checked first so the reason is clear).</summary>
        public async Task DeleteAsync(DsInstance instance, CancellationToken cancellationToken = default)
        {
            var current = await RefreshAsync(instance, cancellationToken).ConfigureAwait(false);
            if (!Rules.IsFinal(current.State))
                throw new DsApiException("Cannot delete workflow instance '" + current.Name + "' (id " + current.Id.ToString(CultureInfo.InvariantCulture) + "): it is " + current.State
                    + "; DolphinScheduler deletes only ended instances (" + string.Join(", ", Rules.FinalStates) + "). Stop it first (Stop-DsInstance).", DsErrorKind.InvalidState);
            await Api.SendAsync(new DsRequest(E.WorkflowInstances.Delete).Path("projectCode", current.ProjectCode).Path("id", current.Id), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Polls an instance until it ends (see <see cref="InstanceWaiter"/>).</summary>
        public InstanceWaiter Wait(DsInstance instance, InstanceWaitOptions? options = null) => new(this, instance, options ?? new InstanceWaitOptions());

        /// <summary>The code of the workflow with exactly this name in a project, or null.</summary>
        public async Task<long?> FindWorkflowCodeAsync(long projectCode, string name, CancellationToken cancellationToken = default)
        {
            var data = await Api.SendAsync(new DsRequest(E.WorkflowLookup.SimpleList).Path("projectCode", projectCode), cancellationToken).ConfigureAwait(false);
            if (data.ValueKind != JsonValueKind.Array) return null;
            foreach (var item in data.EnumerateArray())
            {
                var w = new WireObject(item, Flavor);
                if (string.Equals(w.String("name"), name, StringComparison.Ordinal)) return w.Long("code");
            }
            return null;
        }

        /// <summary>Whether a project holds a workflow with this code.</summary>
        public async Task<bool> HasWorkflowAsync(long projectCode, long workflowCode, CancellationToken cancellationToken = default)
        {
            var data = await Api.SendAsync(new DsRequest(E.WorkflowLookup.SimpleList).Path("projectCode", projectCode), cancellationToken).ConfigureAwait(false);
            if (data.ValueKind != JsonValueKind.Array) return false;
            foreach (var item in data.EnumerateArray())
                if (new WireObject(item, Flavor).Long("code") == workflowCode) return true;
            return false;
        }

        /// <summary>startParams as DS reads it in every family: a JSON object of name → string value.</summary>
        internal static string StartParamsJson(IDictionary parameters)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in parameters)
                {
                    var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                    var value = entry.Value switch
                    {
                        null => "",
                        DateTime d => d.ToString(DsDate.Format, CultureInfo.InvariantCulture),
                        bool b => b ? "true" : "false",
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => entry.Value.ToString() ?? "",
                    };
                    writer.WriteString(name, value);
                }
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
