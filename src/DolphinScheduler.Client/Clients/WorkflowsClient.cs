using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Resources;
using DolphinScheduler.Client.Serialization;
using DolphinScheduler.Client.Workflows;
using E = DolphinScheduler.Client.Endpoints.Api.Workflows;
using T = DolphinScheduler.Client.Endpoints.Api.TaskDefinitions;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>What a workflow is made of, for create and update.</summary>
    public sealed class WorkflowSpec
    {
        public string Name { get; set; } = "";
        public string? Description { get; set; }
        public IReadOnlyList<DsTaskSpec> Tasks { get; set; } = Array.Empty<DsTaskSpec>();
        public IDictionary? GlobalParameters { get; set; }
        /// <summary>PARALLEL (default), SERIAL_WAIT, SERIAL_DISCARD or SERIAL_PRIORITY.</summary>
        public string ExecutionType { get; set; } = "PARALLEL";
        public int TimeoutMinutes { get; set; }

        public static WorkflowSpec From(DsWorkflow w) => new()
        {
            Name = w.Name,
            Description = w.Description,
            Tasks = w.Tasks ?? Array.Empty<DsTaskSpec>(),
            GlobalParameters = w.GlobalParameter,
            ExecutionType = w.ExecutionType,
            TimeoutMinutes = w.TimeoutMinutes,
        };
    }

    /// <summary>
    /// A workflow was created (or updated) but a later step — publishing, or re-enabling its schedule — failed.
    /// <see cref="Workflow"/> is the workflow as it now exists on the server; nothing was rolled back silently.
    /// </summary>
    public sealed class DsWorkflowIncompleteException : DsApiException
    {
        internal DsWorkflowIncompleteException(string message, DsWorkflow workflow, DsApiException cause)
            : base(message + " Cause: " + cause.Message, cause.Kind, cause.Code, cause.StatusName, cause.ServerMessage, cause.HttpStatus, cause.Method, cause.RequestPath, cause)
        {
            Workflow = workflow;
        }

        public DsWorkflow Workflow { get; }
    }

    /// <summary>
    /// Workflow definitions, and workflows as code: a task list is validated, given codes, laid out and turned into the
    /// three JSON documents DS expects (contract §5). The single-request methods map one endpoint each; CreateAsync and
    /// UpdateAsync are the composite operations behind New-/Set-DsWorkflow.
    /// </summary>
    public sealed class WorkflowsClient : ApiClient
    {
        /// <summary>gen-task-codes hands out at most 100 codes per call.</summary>
        internal const int MaxCodesPerCall = 100;
        /// <summary>Jetty's default form limit (contract §2); larger definitions need the server's limit raised.</summary>
        internal const int JettyFormLimit = 5_000_000;

        private static readonly string[] ExecutionTypes = { "PARALLEL", "SERIAL_WAIT", "SERIAL_DISCARD", "SERIAL_PRIORITY" };

        private readonly ResourcesClient _resources;
        private readonly SchedulesClient _schedules;

        internal WorkflowsClient(ApiConnection api, ResourcesClient resources, SchedulesClient schedules) : base(api)
        {
            _resources = resources;
            _schedules = schedules;
        }

        // ---- one request each ---------------------------------------------------------------------------------

        /// <summary>Fresh task codes from the server (GET gen-task-codes), in batches of at most 100.</summary>
        public async Task<IReadOnlyList<long>> GenerateTaskCodesAsync(long projectCode, int count, CancellationToken cancellationToken = default)
        {
            var codes = new List<long>(count);
            while (codes.Count < count)
            {
                var batch = Math.Min(MaxCodesPerCall, count - codes.Count);
                var data = await Api.SendAsync(new DsRequest(T.GenTaskCodes).Path("projectCode", projectCode).Add("genNum", batch), cancellationToken).ConfigureAwait(false);
                if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() != batch)
                    throw new DsApiException("The server returned " + (data.ValueKind == JsonValueKind.Array ? data.GetArrayLength() + " task codes" : "no task codes") + " where " + batch + " were asked for.", DsErrorKind.Protocol);
                foreach (var c in data.EnumerateArray()) codes.Add(c.GetInt64());
            }
            return codes;
        }

        /// <summary>The workflow definitions of a project (without their tasks), page by page.</summary>
        public PagedList<DsWorkflow> List(long projectCode, string? search, PageRequest page, CancellationToken cancellationToken = default) =>
            Api.Paged(() => new DsRequest(E.ListPaging).Path("projectCode", projectCode).Add("searchVal", search), DsWorkflow.FromDefinition, page, cancellationToken);

        /// <summary>A workflow with its tasks and relations.</summary>
        public async Task<DsWorkflow> GetAsync(long projectCode, long code, CancellationToken cancellationToken = default)
        {
            var data = await Api.SendAsync(new DsRequest(E.Get).Path("projectCode", projectCode).Path("code", code), cancellationToken).ConfigureAwait(false);
            return await FromDagAsync(data, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A workflow by its exact name (DS code 50003 when there is none).</summary>
        public async Task<DsWorkflow> GetByNameAsync(long projectCode, string name, CancellationToken cancellationToken = default)
        {
            var data = await Api.SendAsync(new DsRequest(E.GetByName).Path("projectCode", projectCode).Add("name", name), cancellationToken).ConfigureAwait(false);
            return await FromDagAsync(data, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A workflow by its exact name, or null.</summary>
        public async Task<DsWorkflow?> FindByNameAsync(long projectCode, string name, CancellationToken cancellationToken = default)
        {
            try { return await GetByNameAsync(projectCode, name, cancellationToken).ConfigureAwait(false); }
            catch (DsNotFoundException) { return null; }
        }

        /// <summary>ONLINE (runnable, schedulable, not editable) or OFFLINE (editable; also takes its schedule offline).</summary>
        public Task ReleaseAsync(long projectCode, long code, bool online, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Release).Path("projectCode", projectCode).Path("code", code).Add("releaseState", online ? "ONLINE" : "OFFLINE"), cancellationToken);

        public Task DeleteAsync(long projectCode, long code, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Path("projectCode", projectCode).Path("code", code), cancellationToken);

        // ---- workflows as code --------------------------------------------------------------------------------

        /// <summary>
        /// Validates the DAG (nothing is sent if it is invalid), asks for task codes, builds the JSON documents with a
        /// layered layout, creates the workflow, and with <paramref name="publish"/> releases it ONLINE. When a step after
        /// the create fails, <see cref="DsWorkflowIncompleteException"/> carries the workflow that now exists (OFFLINE).
        /// The caller's task objects are not modified.
        /// </summary>
        public async Task<DsWorkflow> CreateAsync(long projectCode, WorkflowSpec spec, bool publish, CancellationToken cancellationToken = default)
        {
            var tasks = Prepare(spec);
            foreach (var t in tasks) { t.Code = 0; t.Version = 0; }
            await AssignCodesAsync(projectCode, tasks, cancellationToken).ConfigureAwait(false);
            var docs = await DocumentsAsync(tasks, spec.GlobalParameters, null, cancellationToken).ConfigureAwait(false);

            var request = WithDocuments(new DsRequest(E.Create).Path("projectCode", projectCode), spec, docs);
            // Never retried blindly: after an ambiguous failure the workflow is looked up by its name.
            var created = await AmbiguousCreate.RunAsync(
                () => Api.SendAsync(request, DsWorkflow.FromDefinition, cancellationToken),
                () => FindByNameAsync(projectCode, spec.Name.Trim(), cancellationToken),
                "workflow '" + spec.Name.Trim() + "'", Api.Transport, cancellationToken).ConfigureAwait(false);
            Api.Transport.Log.Verbose("Created workflow '" + created.Name + "' (code " + created.Code + ") with " + tasks.Count + " task(s).");
            created.Tasks = tasks.ToArray();
            created.HasTasks = true;

            if (publish)
            {
                try { await ReleaseAsync(projectCode, created.Code, true, cancellationToken).ConfigureAwait(false); }
                catch (DsApiException ex)
                {
                    var current = await RefreshOrKeepAsync(projectCode, created, cancellationToken).ConfigureAwait(false);
                    throw new DsWorkflowIncompleteException("Workflow '" + created.Name + "' (code " + created.Code + ") was created, but publishing it failed: it exists and is OFFLINE. Fix the cause and run Publish-DsWorkflow, or remove it with Remove-DsWorkflow.", current, ex);
                }
            }
            return await RefreshOrKeepAsync(projectCode, created, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Replaces a workflow's definition (a new version). DS edits only OFFLINE definitions (50008): an ONLINE one is
        /// refused here before anything is sent, unless <paramref name="republish"/>, which takes it OFFLINE, updates it,
        /// publishes it again and re-enables its schedule if that was ONLINE. Tasks keep their codes when they already
        /// belong to this workflow; new tasks get fresh ones. An unchanged DAG keeps its stored node positions.
        /// </summary>
        public async Task<DsWorkflow> UpdateAsync(long projectCode, long code, WorkflowSpec spec, bool republish, bool publish, CancellationToken cancellationToken = default)
        {
            var tasks = Prepare(spec);
            var current = await GetAsync(projectCode, code, cancellationToken).ConfigureAwait(false);
            var wasOnline = current.IsOnline;
            if (wasOnline && !republish)
                throw new DsApiException("Workflow '" + current.Name + "' (code " + code + ") is ONLINE, and DolphinScheduler only edits OFFLINE definitions. Run Unpublish-DsWorkflow first, or use Set-DsWorkflow -Republish to take it offline, update it and publish it again (its schedule is re-enabled).",
                    DsErrorKind.InvalidState, 50008, "WORKFLOW_DEFINITION_NOT_ALLOWED_EDIT", null, null, "PUT", Api.Transport.Flavor.PathOf(E.Update));

            // Codes: a task keeps its code only if it is one of this workflow's tasks (and only once).
            var owned = current.Tasks.Where(t => t.Code != 0).GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.First().Version);
            var used = new HashSet<long>();
            foreach (var t in tasks)
            {
                if (t.Code != 0 && owned.TryGetValue(t.Code, out var version) && used.Add(t.Code)) t.Version = version;
                else { t.Code = 0; t.Version = 0; }
            }
            await AssignCodesAsync(projectCode, tasks, cancellationToken).ConfigureAwait(false);
            var keep = SameShape(current, tasks) ? current.Locations : null;
            var docs = await DocumentsAsync(tasks, spec.GlobalParameters, keep, cancellationToken).ConfigureAwait(false);

            DsSchedule? schedule = null;
            if (wasOnline)
            {
                schedule = await _schedules.FindByWorkflowAsync(projectCode, code, cancellationToken).ConfigureAwait(false);
                await ReleaseAsync(projectCode, code, false, cancellationToken).ConfigureAwait(false);
                Api.Transport.Log.Verbose("Took workflow '" + current.Name + "' offline to update it.");
            }

            var request = WithDocuments(new DsRequest(E.Update).Path("projectCode", projectCode).Path("code", code), spec, docs);
            try
            {
                await Api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (DsApiException ex) when (wasOnline)
            {
                // The definition is unchanged: put it back the way it was, and say so.
                var restored = await TryRestoreAsync(projectCode, code, schedule, cancellationToken).ConfigureAwait(false);
                throw new DsApiException(ex.Message + (restored == null
                        ? " The workflow was put back ONLINE unchanged."
                        : " It was taken OFFLINE for the update and could not be put back ONLINE (" + restored + "): run Publish-DsWorkflow."),
                    ex.Kind, ex.Code, ex.StatusName, ex.ServerMessage, ex.HttpStatus, ex.Method, ex.RequestPath, ex);
            }
            Api.Transport.Log.Verbose("Updated workflow '" + spec.Name + "' (code " + code + ").");

            if (wasOnline || publish)
            {
                try { await ReleaseAsync(projectCode, code, true, cancellationToken).ConfigureAwait(false); }
                catch (DsApiException ex)
                {
                    var now = await GetAsync(projectCode, code, cancellationToken).ConfigureAwait(false);
                    throw new DsWorkflowIncompleteException("Workflow '" + now.Name + "' (code " + code + ") was updated to version " + now.Version + ", but publishing it failed: it is OFFLINE" + (schedule?.IsEnabled == true ? " and so is its schedule" : "") + ". Fix the cause and run Publish-DsWorkflow.", now, ex);
                }
                if (schedule != null && schedule.IsEnabled)
                {
                    try { await _schedules.OnlineAsync(projectCode, schedule.Id, cancellationToken).ConfigureAwait(false); }
                    catch (DsApiException ex)
                    {
                        var now = await GetAsync(projectCode, code, cancellationToken).ConfigureAwait(false);
                        throw new DsWorkflowIncompleteException("Workflow '" + now.Name + "' (code " + code + ") was updated and published again, but its schedule " + schedule.Id + " could not be re-enabled. Run Enable-DsSchedule.", now, ex);
                    }
                }
            }
            return await GetAsync(projectCode, code, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Null when the workflow (and its schedule) are ONLINE again, else what failed.</summary>
        private async Task<string?> TryRestoreAsync(long projectCode, long code, DsSchedule? schedule, CancellationToken cancellationToken)
        {
            try
            {
                await ReleaseAsync(projectCode, code, true, cancellationToken).ConfigureAwait(false);
                if (schedule != null && schedule.IsEnabled) await _schedules.OnlineAsync(projectCode, schedule.Id, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (DsApiException ex) { return ex.Message; }
        }

        /// <summary>Local checks and copies: validation of the DAG and every task; the caller's objects are never changed.</summary>
        internal static List<DsTaskSpec> Prepare(WorkflowSpec spec)
        {
            if (string.IsNullOrWhiteSpace(spec.Name)) throw new ArgumentException("A workflow needs a name.");
            if (!ExecutionTypes.Contains(TaskTypes.Normalize(spec.ExecutionType)))
                throw new ArgumentException("ExecutionType must be one of " + string.Join(", ", ExecutionTypes) + ", not '" + spec.ExecutionType + "'.");
            if (spec.TimeoutMinutes < 0) throw new ArgumentException("The workflow timeout must not be negative.");
            var tasks = (spec.Tasks ?? Array.Empty<DsTaskSpec>()).Select(t => t?.Clone()!).ToList();
            WorkflowValidator.Validate(tasks);
            foreach (var t in tasks) { t.Name = t.Name.Trim(); t.Type = TaskTypes.Normalize(t.Type); }
            return tasks;
        }

        private async Task AssignCodesAsync(long projectCode, List<DsTaskSpec> tasks, CancellationToken cancellationToken)
        {
            var missing = tasks.Where(t => t.Code == 0).ToList();
            if (missing.Count == 0) return;
            var codes = await GenerateTaskCodesAsync(projectCode, missing.Count, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < missing.Count; i++) missing[i].Code = codes[i];
        }

        private async Task<WorkflowDocuments> DocumentsAsync(List<DsTaskSpec> tasks, IDictionary? globals, string? locations, CancellationToken cancellationToken)
        {
            Func<string, string> resolve = p => p;
            if (tasks.Any(NeedsBaseDir))
            {
                var baseDir = await _resources.GetRootAsync(cancellationToken).ConfigureAwait(false);
                resolve = p => ResourcePath.Resolve(baseDir, p);
            }
            return WorkflowDocuments.Build(tasks, resolve, globals, locations, Api.Transport.Flavor.Workflows.TaskDefinitionFields);
        }

        /// <summary>Whether a task names a resource by folder-relative path (the base directory is needed to resolve it).</summary>
        private static bool NeedsBaseDir(DsTaskSpec t)
        {
            var names = (t.Resource ?? Array.Empty<string>()).ToList();
            var p = t.TaskParameter;
            if (p != null)
            {
                foreach (var key in new[] { "resourceList", "mainJar" })
                {
                    if (!p.Contains(key)) continue;
                    var value = p[key];
                    if (JsonValues.IsList(value)) names.AddRange(((IEnumerable)value!).Cast<object?>().Select(TaskTypes.ResourceNameOf).Where(n => n != null)!);
                    else if (TaskTypes.ResourceNameOf(value) is string s) names.Add(s);
                }
            }
            // A full name carries a scheme; anything else is resolved against the base directory.
            return names.Any(n => !string.IsNullOrWhiteSpace(n) && !ResourcePath.IsFullName("", n));
        }

        private DsRequest WithDocuments(DsRequest request, WorkflowSpec spec, WorkflowDocuments docs)
        {
            request
                .Add("name", spec.Name.Trim())
                .Add("description", spec.Description ?? "")
                .Add("globalParams", docs.GlobalParams)
                .Add("locations", docs.Locations)
                .Add("timeout", spec.TimeoutMinutes)
                .Add("taskRelationJson", docs.TaskRelationJson)
                .Add("taskDefinitionJson", docs.TaskDefinitionJson)
                .Add("executionType", TaskTypes.Normalize(spec.ExecutionType));
            var size = request.Parameters.Sum(p => p.Key.Length + p.Value.Length + 2);
            if (size > JettyFormLimit)
                Api.Transport.Log.Warning("The workflow definition is about " + size / 1_000_000 + " MB; DolphinScheduler's default form limit (server.jetty.max-http-form-post-size) is 5 MB and may refuse it.");
            return request;
        }

        private static bool SameShape(DsWorkflow current, List<DsTaskSpec> tasks)
        {
            if (string.IsNullOrEmpty(current.Locations)) return false;
            if (DsWorkflow.ShapeOf(current.Tasks) != DsWorkflow.ShapeOf(tasks)) return false;
            // Every task must still have its stored position (codes unchanged).
            return tasks.All(t => current.Locations!.Contains("\"taskCode\":" + t.Code) || current.Locations!.Contains("\"taskCode\": " + t.Code));
        }

        private async Task<DsWorkflow> RefreshOrKeepAsync(long projectCode, DsWorkflow fallback, CancellationToken cancellationToken)
        {
            try { return await GetAsync(projectCode, fallback.Code, cancellationToken).ConfigureAwait(false); }
            catch (DsApiException ex)
            {
                Api.Transport.Log.Warning("Could not read workflow " + fallback.Code + " back (" + ex.Message + "); showing what was sent.");
                return fallback;
            }
        }

        private async Task<DsWorkflow> FromDagAsync(JsonElement data, CancellationToken cancellationToken)
        {
            Func<string, string> toPath = full => full;
            if (MentionsResources(data))
            {
                try
                {
                    var baseDir = await _resources.GetRootAsync(cancellationToken).ConfigureAwait(false);
                    toPath = full => ResourcePath.ToRelative(baseDir, full);
                }
                catch (DsApiException ex) { Api.Transport.Log.Verbose("Resource paths are shown as full names: " + ex.Message); }
            }
            return DsWorkflow.FromDag(new WireObject(data, Api.Transport.Flavor), Api.Transport.Flavor, Api.Connection, toPath);
        }

        private static bool MentionsResources(JsonElement dag)
        {
            var text = dag.ValueKind == JsonValueKind.Undefined ? "" : dag.GetRawText();
            return text.Contains("resourceName");
        }
    }
}
