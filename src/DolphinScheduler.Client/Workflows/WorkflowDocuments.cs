using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace DolphinScheduler.Client.Workflows
{
    /// <summary>
    /// The JSON documents DS takes as form fields when a workflow is created or updated (contract §5):
    /// <c>taskDefinitionJson</c>, <c>taskRelationJson</c>, <c>locations</c> and <c>globalParams</c>. Pure: tasks must
    /// already carry their codes, and resources are resolved through the given function.
    /// </summary>
    internal sealed class WorkflowDocuments
    {
        public string TaskDefinitionJson { get; private set; } = "[]";
        public string TaskRelationJson { get; private set; } = "[]";
        public string Locations { get; private set; } = "[]";
        public string GlobalParams { get; private set; } = "[]";

        /// <param name="tasks">Validated tasks with codes (see <see cref="WorkflowValidator"/>).</param>
        /// <param name="resolveResource">User path or full name → server full name.</param>
        /// <param name="globalParameters">name → value (or map with value/type/direct).</param>
        /// <param name="locations">Locations to keep instead of a new layout (an unchanged DAG keeps the user's arrangement).</param>
        /// <param name="familyFields">Task-definition fields the server family needs beyond the canonical ones (the flavour's <c>WorkflowRules</c>).</param>
        public static WorkflowDocuments Build(IReadOnlyList<DsTaskSpec> tasks, Func<string, string> resolveResource, IDictionary? globalParameters, string? locations = null,
            IReadOnlyList<KeyValuePair<string, object>>? familyFields = null)
        {
            var byName = new Dictionary<string, DsTaskSpec>(StringComparer.OrdinalIgnoreCase);
            foreach (var t in tasks)
            {
                if (t.Code == 0) throw new InvalidOperationException("Task '" + t.Name + "' has no code yet.");
                byName[t.Name.Trim()] = t;
            }

            var docs = new WorkflowDocuments
            {
                TaskDefinitionJson = JsonValues.Serialize(w =>
                {
                    w.WriteStartArray();
                    foreach (var t in tasks) WriteTask(w, t, resolveResource, familyFields ?? Array.Empty<KeyValuePair<string, object>>());
                    w.WriteEndArray();
                }),
                TaskRelationJson = JsonValues.Serialize(w =>
                {
                    w.WriteStartArray();
                    foreach (var t in tasks)
                    {
                        var deps = DependenciesOf(t, byName);
                        // Every task is the post task of at least one edge; roots hang off 0 (contract §5).
                        if (deps.Count == 0) WriteRelation(w, 0, 0, t);
                        foreach (var d in deps) WriteRelation(w, d.Code, d.Version, t);
                    }
                    w.WriteEndArray();
                }),
                GlobalParams = JsonValues.Serialize(w => JsonValues.Write(w, Properties.FromMap(globalParameters))),
            };
            docs.Locations = locations ?? LayoutLocations(tasks, byName);
            return docs;
        }

        public static string LayoutLocations(IReadOnlyList<DsTaskSpec> tasks, IReadOnlyDictionary<string, DsTaskSpec>? byName = null)
        {
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tasks.Count; i++) index[tasks[i].Name.Trim()] = i;
            var deps = tasks.Select(t => (IReadOnlyList<int>)(t.DependsOn ?? Array.Empty<string>()).Select(d => index[d.Trim()]).Distinct().ToList()).ToList();
            var positions = DagLayout.Compute(tasks.Count, deps);
            return JsonValues.Serialize(w =>
            {
                w.WriteStartArray();
                for (var i = 0; i < tasks.Count; i++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("taskCode", tasks[i].Code);
                    w.WriteNumber("x", positions[i].X);
                    w.WriteNumber("y", positions[i].Y);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }

        private static List<DsTaskSpec> DependenciesOf(DsTaskSpec t, Dictionary<string, DsTaskSpec> byName)
        {
            var result = new List<DsTaskSpec>();
            foreach (var name in t.DependsOn ?? Array.Empty<string>())
            {
                var dep = byName[name.Trim()];
                if (!result.Contains(dep)) result.Add(dep);
            }
            return result;
        }

        private static void WriteRelation(Utf8JsonWriter w, long preCode, int preVersion, DsTaskSpec post)
        {
            w.WriteStartObject();
            w.WriteString("name", "");
            w.WriteNumber("preTaskCode", preCode);
            w.WriteNumber("preTaskVersion", preVersion);
            w.WriteNumber("postTaskCode", post.Code);
            w.WriteNumber("postTaskVersion", post.Version);
            w.WriteString("conditionType", "NONE");
            w.WriteStartObject("conditionParams");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        // Envelope fields the module does not model; read-back values win over these defaults.
        private static readonly (string Name, object Default)[] ExtraDefaults =
        {
            ("taskGroupId", 0), ("taskGroupPriority", 0), ("cpuQuota", -1), ("memoryMax", -1),
        };

        private static void WriteTask(Utf8JsonWriter w, DsTaskSpec t, Func<string, string> resolveResource, IReadOnlyList<KeyValuePair<string, object>> familyFields)
        {
            var type = TaskTypes.Normalize(t.Type);
            var timeout = t.TimeoutMinutes > 0;
            var extras = t.Extras ?? new Dictionary<string, object?>();
            w.WriteStartObject();
            w.WriteNumber("code", t.Code);
            w.WriteNumber("version", t.Version);
            w.WriteString("name", t.Name.Trim());
            w.WriteString("description", t.Description ?? "");
            w.WriteString("taskType", type);
            w.WritePropertyName("taskParams");
            JsonValues.Write(w, TaskTypes.BuildParams(t, resolveResource));
            w.WriteString("flag", t.Disabled ? "NO" : "YES");
            w.WriteString("taskPriority", TaskTypes.Normalize(t.Priority));
            w.WriteString("workerGroup", t.WorkerGroup);
            w.WriteNumber("environmentCode", t.EnvironmentCode);
            w.WriteNumber("failRetryTimes", t.RetryTimes);
            w.WriteNumber("failRetryInterval", t.RetryInterval);
            // Contract §5: OPEN needs a strategy; CLOSE goes with timeout 0 and an empty strategy, as the UI sends.
            w.WriteString("timeoutFlag", timeout ? "OPEN" : "CLOSE");
            w.WriteString("timeoutNotifyStrategy", timeout ? TaskTypes.Normalize(t.TimeoutStrategy) : "");
            w.WriteNumber("timeout", timeout ? t.TimeoutMinutes : 0);
            w.WriteNumber("delayTime", t.DelayMinutes);
            foreach (var (name, fallback) in ExtraDefaults)
            {
                w.WritePropertyName(name);
                JsonValues.Write(w, extras.TryGetValue(name, out var v) && v != null ? v : fallback);
            }
            w.WriteString("taskExecuteType", TaskTypes.ExecuteType(type));
            foreach (var field in familyFields)
            {
                w.WritePropertyName(field.Key);
                JsonValues.Write(w, extras.TryGetValue(field.Key, out var v) && v != null ? v : field.Value);
            }
            foreach (var extra in extras.Where(e => ExtraDefaults.All(d => d.Name != e.Key) && familyFields.All(f => f.Key != e.Key)))
            {
                w.WritePropertyName(extra.Key);
                JsonValues.Write(w, extra.Value);
            }
            w.WriteEndObject();
        }
    }
}
