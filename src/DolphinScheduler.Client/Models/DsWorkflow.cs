using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DolphinScheduler.Client.Serialization;
using DolphinScheduler.Client.Workflows;

namespace DolphinScheduler
{
    /// <summary>
    /// A workflow definition with its tasks. Name, Description, Tasks, GlobalParameter, ExecutionType and
    /// TimeoutMinutes are editable: change them and send the object back with Set-DsWorkflow.
    /// </summary>
    public sealed class DsWorkflow : DsObject
    {
        public long Code { get; internal set; }
        public string Name { get; set; } = "";
        public long ProjectCode { get; internal set; }
        public string? ProjectName { get; internal set; }
        public int Version { get; internal set; }
        /// <summary>ONLINE or OFFLINE. Only ONLINE workflows run and take schedules; only OFFLINE ones can be edited.</summary>
        public string ReleaseState { get; internal set; } = "OFFLINE";
        public string? Description { get; set; }
        /// <summary>The tasks, with DependsOn filled from the workflow's relations.</summary>
        public DsTaskSpec[] Tasks { get; set; } = Array.Empty<DsTaskSpec>();
        /// <summary>Global parameters: name → value (IN, VARCHAR), or name → @{ value; type; direct }.</summary>
        public IDictionary GlobalParameter { get; set; } = JsonValues.NewMap();
        /// <summary>PARALLEL, SERIAL_WAIT, SERIAL_DISCARD or SERIAL_PRIORITY.</summary>
        public string ExecutionType { get; set; } = "PARALLEL";
        /// <summary>Workflow timeout in minutes (0: none).</summary>
        public int TimeoutMinutes { get; set; }
        /// <summary>The release state of the workflow's schedule, when it has one (list answers only).</summary>
        public string? ScheduleReleaseState { get; internal set; }
        public string? Owner { get; internal set; }
        public DateTime? CreateTime { get; internal set; }
        public DateTime? UpdateTime { get; internal set; }

        public bool IsOnline => ReleaseState == "ONLINE";

        /// <summary>The stored node positions (JSON text), reused on update when the DAG is unchanged.</summary>
        internal string? Locations { get; set; }

        /// <summary>The DAG as read (task names and edges), to tell whether an edited workflow changed shape.</summary>
        internal string? ShapeAsRead { get; set; }

        /// <summary>Whether Tasks were read (list answers carry only the definition).</summary>
        internal bool HasTasks { get; set; }

        /// <summary>A list item or the workflowDefinition of a DagData: everything but the tasks.</summary>
        internal static DsWorkflow FromDefinition(WireObject w, DsConnection connection)
        {
            var wf = new DsWorkflow
            {
                Connection = connection,
                Code = w.Long("code") ?? 0,
                Name = w.String("name") ?? "",
                ProjectCode = w.Long("projectCode") ?? 0,
                ProjectName = w.String("projectName"),
                Version = w.Int("version") ?? 0,
                ReleaseState = w.String("releaseState") ?? "OFFLINE",
                Description = w.String("description"),
                ExecutionType = w.String("executionType") ?? "PARALLEL",
                TimeoutMinutes = w.Int("timeout") ?? 0,
                ScheduleReleaseState = w.String("scheduleReleaseState"),
                Owner = w.String("userName"),
                CreateTime = w.Date("createTime"),
                UpdateTime = w.Date("updateTime"),
                Locations = w.String("locations"),
            };
            if (w.TryGet("globalParamList", out var list) && list.ValueKind == JsonValueKind.Array)
                wf.GlobalParameter = Properties.ToMap(JsonValues.ToObject(list));
            else if (w.String("globalParams") is string text && text.Trim().StartsWith("[", StringComparison.Ordinal))
                wf.GlobalParameter = Properties.ToMap(JsonValues.Parse(text));
            return wf;
        }

        /// <summary>
        /// A DagData answer ({workflowDefinition, workflowTaskRelationList, taskDefinitionList}). <paramref name="toPath"/>
        /// turns resource full names back into folder-relative paths (identity when the base directory is unknown).
        /// </summary>
        internal static DsWorkflow FromDag(WireObject dag, Client.Versioning.ApiFlavor flavor, DsConnection connection, Func<string, string> toPath)
        {
            var wf = FromDefinition(dag.Object("workflowDefinition"), connection);
            var tasks = new List<DsTaskSpec>();
            if (dag.TryGet("taskDefinitionList", out var defs) && defs.ValueKind == JsonValueKind.Array)
                foreach (var d in defs.EnumerateArray()) tasks.Add(TaskFromWire(new WireObject(d, flavor), toPath));

            var byCode = tasks.Where(t => t.Code != 0).GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.First());
            var deps = tasks.ToDictionary(t => t, _ => new List<string>());
            if (dag.TryGet("workflowTaskRelationList", out var relations) && relations.ValueKind == JsonValueKind.Array)
                foreach (var r in relations.EnumerateArray())
                {
                    var rel = new WireObject(r, flavor);
                    var pre = rel.Long("preTaskCode") ?? 0;
                    var post = rel.Long("postTaskCode") ?? 0;
                    if (pre == 0 || !byCode.TryGetValue(pre, out var from) || !byCode.TryGetValue(post, out var to)) continue;
                    if (!deps[to].Contains(from.Name)) deps[to].Add(from.Name);
                }
            foreach (var t in tasks) t.DependsOn = deps[t].ToArray();
            wf.Tasks = TopologicalOrder(tasks);
            wf.HasTasks = true;
            wf.ShapeAsRead = ShapeOf(wf.Tasks);
            return wf;
        }

        /// <summary>Roots first, then each task after its dependencies; ties keep the server's order.</summary>
        private static DsTaskSpec[] TopologicalOrder(List<DsTaskSpec> tasks)
        {
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tasks.Count; i++) index[tasks[i].Name] = i;
            var placed = new bool[tasks.Count];
            var result = new List<DsTaskSpec>();
            var progress = true;
            while (result.Count < tasks.Count && progress)
            {
                progress = false;
                for (var i = 0; i < tasks.Count; i++)
                {
                    if (placed[i]) continue;
                    if (tasks[i].DependsOn.All(d => index.TryGetValue(d, out var j) && placed[j]))
                    {
                        placed[i] = true;
                        result.Add(tasks[i]);
                        progress = true;
                    }
                }
            }
            for (var i = 0; i < tasks.Count; i++) if (!placed[i]) result.Add(tasks[i]); // a cycle stored on the server: keep it visible
            return result.ToArray();
        }

        /// <summary>Task names and edges, order-independent, to compare an edited workflow with the one read.</summary>
        internal static string ShapeOf(IEnumerable<DsTaskSpec> tasks) =>
            string.Join("|", tasks.Select(t => t.Name.Trim().ToUpperInvariant() + "<" + string.Join(",", (t.DependsOn ?? Array.Empty<string>()).Select(d => d.Trim().ToUpperInvariant()).OrderBy(d => d, StringComparer.Ordinal)))
                .OrderBy(s => s, StringComparer.Ordinal));

        private static readonly string[] ModelledEnvelope =
        {
            "id", "code", "version", "name", "description", "projectCode", "userId", "taskType", "taskParams", "taskParamList", "taskParamMap",
            "flag", "taskPriority", "userName", "projectName", "workerGroup", "environmentCode", "failRetryTimes", "failRetryInterval",
            "timeoutFlag", "timeoutNotifyStrategy", "timeout", "delayTime", "resourceIds", "createTime", "updateTime", "modifyBy",
            "operator", "operateTime", "dependence", "taskExecuteType",
        };

        private static readonly string[] KeptExtras = { "taskGroupId", "taskGroupPriority", "cpuQuota", "memoryMax", "isCache" };

        /// <summary>A TaskDefinition of the wire as an editable spec: -Script and -Resource split out of taskParams again.</summary>
        internal static DsTaskSpec TaskFromWire(WireObject w, Func<string, string> toPath)
        {
            var type = TaskTypes.Normalize(w.String("taskType"));
            var spec = new DsTaskSpec
            {
                Name = w.String("name") ?? "",
                Type = type,
                Code = w.Long("code") ?? 0,
                Version = w.Int("version") ?? 0,
                Description = w.String("description"),
                Disabled = w.String("flag") == "NO",
                Priority = w.String("taskPriority") ?? "MEDIUM",
                WorkerGroup = w.String("workerGroup") ?? "default",
                EnvironmentCode = w.Long("environmentCode") ?? -1,
                RetryTimes = w.Int("failRetryTimes") ?? 0,
                RetryInterval = w.Int("failRetryInterval") ?? 1,
                DelayMinutes = w.Int("delayTime") ?? 0,
            };
            if (w.String("timeoutFlag") == "OPEN")
            {
                spec.TimeoutMinutes = w.Int("timeout") ?? 0;
                var strategy = w.String("timeoutNotifyStrategy");
                if (!string.IsNullOrEmpty(strategy)) spec.TimeoutStrategy = strategy!;
            }
            foreach (var name in KeptExtras)
                if (w.TryGet(name, out var value)) spec.Extras[name] = JsonValues.ToObject(value);

            object? raw = null;
            if (w.TryGet("taskParams", out var p))
                raw = p.ValueKind == JsonValueKind.String ? JsonValues.Parse(p.GetString()) : JsonValues.ToObject(p);
            var map = raw as IDictionary ?? JsonValues.NewMap();
            var scriptKey = TaskTypes.ScriptKey(type);
            if (map.Contains(scriptKey))
            {
                var script = JsonValues.AsString(map[scriptKey]);
                spec.Script = string.IsNullOrEmpty(script) ? null : script; // "" is the type's default (a jar program)
                map.Remove(scriptKey);
            }
            if (map.Contains("resourceList"))
            {
                if (map["resourceList"] is IEnumerable items && map["resourceList"] is not string)
                    spec.Resource = items.Cast<object?>().Select(TaskTypes.ResourceNameOf).Where(n => !string.IsNullOrEmpty(n)).Select(n => toPath(n!)).ToArray();
                map.Remove("resourceList");
            }
            if (map.Contains("mainJar"))
            {
                var jar = TaskTypes.ResourceNameOf(map["mainJar"]);
                if (string.IsNullOrEmpty(jar)) map.Remove("mainJar");
                else map["mainJar"] = toPath(jar!);
            }
            if (map.Contains("localParams") && !JsonValues.HasValue(map["localParams"])) map.Remove("localParams");
            spec.TaskParameter = map;
            return spec;
        }

        public override string ToString() => Name;
    }
}
