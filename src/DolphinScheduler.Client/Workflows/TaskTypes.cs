using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;

namespace DolphinScheduler.Client.Workflows
{
    /// <summary>
    /// What each task type puts in <c>taskParams</c>: its defaults (in the order the DS UI sends them), where -Script
    /// goes, and the checks DS makes on save (contract §5: SHELL needs rawScript, FLINK programType and rawScript or
    /// mainJar; the others follow the plugins' checkParameters), made here so a bad task fails before any request.
    /// Types not listed get localParams/resourceList and whatever -TaskParameter holds.
    /// </summary>
    internal static class TaskTypes
    {
        public static readonly string[] Known = { "SHELL", "PYTHON", "SQL", "HTTP", "FLINK", "FLINK_STREAM", "SPARK" };

        private static readonly string[] ProgramTypes = { "JAVA", "SCALA", "PYTHON", "SQL" };
        private static readonly string[] FlinkDeployModes = { "local", "cluster", "application", "standalone" };
        private static readonly string[] HttpMethods = { "GET", "POST", "HEAD", "PUT", "DELETE" };
        public static readonly string[] TimeoutStrategies = { "WARN", "FAILED", "WARNFAILED" };
        public static readonly string[] Priorities = { "HIGHEST", "HIGH", "MEDIUM", "LOW", "LOWEST" };

        public static string Normalize(string? type) => (type ?? "").Trim().ToUpperInvariant();

        /// <summary>The taskParams key that -Script fills.</summary>
        public static string ScriptKey(string type) => Normalize(type) == "SQL" ? "sql" : "rawScript";

        /// <summary>Whether resources can be attached (resourceList) — every plugin reads it; kept as a hook for exceptions.</summary>
        private static OrderedDictionary Defaults(string type, string taskName)
        {
            var d = JsonValues.NewMap();
            void Add(string key, object? value) => d[key] = value;
            switch (type)
            {
                case "SHELL":
                case "PYTHON":
                    Add("localParams", Array.Empty<object>());
                    Add("rawScript", "");
                    Add("resourceList", Array.Empty<object>());
                    break;
                case "SQL":
                    Add("localParams", Array.Empty<object>());
                    Add("resourceList", Array.Empty<object>());
                    Add("type", null);
                    Add("datasource", 0);
                    Add("sql", "");
                    Add("sqlType", 0);
                    Add("sendEmail", false);
                    Add("displayRows", 10);
                    Add("title", "");
                    Add("groupId", 0);
                    Add("preStatements", Array.Empty<object>());
                    Add("postStatements", Array.Empty<object>());
                    break;
                case "HTTP":
                    Add("localParams", Array.Empty<object>());
                    Add("resourceList", Array.Empty<object>());
                    Add("url", null);
                    Add("httpMethod", "GET");
                    Add("httpParams", Array.Empty<object>());
                    Add("httpBody", "");
                    Add("httpCheckCondition", "STATUS_CODE_DEFAULT");
                    Add("condition", "");
                    Add("connectTimeout", 60000);
                    Add("socketTimeout", 60000);
                    break;
                case "FLINK":
                case "FLINK_STREAM":
                    // Contract §5's FLINK example, field for field.
                    Add("localParams", Array.Empty<object>());
                    Add("resourceList", Array.Empty<object>());
                    Add("programType", null);
                    Add("deployMode", "cluster");
                    Add("flinkVersion", ">=1.13");
                    Add("appName", taskName);
                    Add("jobManagerMemory", "1G");
                    Add("taskManagerMemory", "2G");
                    Add("slot", 1);
                    Add("taskManager", 2);
                    Add("parallelism", 1);
                    Add("mainClass", "");
                    Add("mainArgs", "");
                    Add("others", "");
                    Add("yarnQueue", "");
                    Add("initScript", "");
                    Add("rawScript", "");
                    break;
                case "SPARK":
                    Add("localParams", Array.Empty<object>());
                    Add("resourceList", Array.Empty<object>());
                    Add("programType", null);
                    Add("deployMode", "client");
                    Add("appName", taskName);
                    Add("driverCores", 1);
                    Add("driverMemory", "512M");
                    Add("numExecutors", 2);
                    Add("executorCores", 2);
                    Add("executorMemory", "2G");
                    Add("mainClass", "");
                    Add("mainArgs", "");
                    Add("others", "");
                    Add("yarnQueue", "");
                    Add("sqlExecutionType", "SCRIPT");
                    Add("rawScript", "");
                    break;
                default:
                    Add("localParams", Array.Empty<object>());
                    Add("resourceList", Array.Empty<object>());
                    break;
            }
            return d;
        }

        /// <summary>
        /// The task's taskParams object: defaults, overridden by -TaskParameter, then -Script and -Resource.
        /// <paramref name="resolveResource"/> turns a user path into the server full name.
        /// </summary>
        public static OrderedDictionary BuildParams(DsTaskSpec spec, Func<string, string> resolveResource)
        {
            var type = Normalize(spec.Type);
            var result = Defaults(type, spec.Name);
            var user = spec.TaskParameter ?? JsonValues.NewMap();
            foreach (DictionaryEntry e in user)
            {
                var key = Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "";
                if (key.Length == 0) continue;
                var existing = result.Keys.Cast<string>().FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
                result[existing] = e.Value;
            }
            if (spec.Script != null) result[ScriptKey(type)] = spec.Script;

            // localParams may be given as a hashtable name -> value (IN, VARCHAR) for convenience.
            if (result["localParams"] is IDictionary localMap) result["localParams"] = Properties.FromMap(localMap);

            // resourceList: items given in -TaskParameter (strings or {resourceName}) plus -Resource, as {resourceName: fullName}.
            var resources = new List<object?>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void AddResource(string? path)
            {
                if (string.IsNullOrWhiteSpace(path)) return;
                var full = resolveResource(path!.Trim());
                if (!seen.Add(full)) return;
                var item = JsonValues.NewMap();
                item["resourceName"] = full;
                resources.Add(item);
            }
            if (result["resourceList"] is IEnumerable given && result["resourceList"] is not string)
                foreach (var item in given) AddResource(ResourceNameOf(item));
            foreach (var path in spec.Resource ?? Array.Empty<string>()) AddResource(path);
            result["resourceList"] = resources.ToArray();

            // mainJar may be a path string; DS wants {resourceName: fullName}.
            if (result.Contains("mainJar"))
            {
                var jar = ResourceNameOf(result["mainJar"]);
                if (string.IsNullOrWhiteSpace(jar)) result.Remove("mainJar");
                else
                {
                    var item = JsonValues.NewMap();
                    item["resourceName"] = resolveResource(jar!.Trim());
                    result["mainJar"] = item;
                }
            }

            switch (type)
            {
                case "FLINK":
                case "FLINK_STREAM":
                case "SPARK":
                    if (!JsonValues.HasValue(result["programType"]))
                        result["programType"] = result.Contains("mainJar") ? "JAVA" : JsonValues.HasValue(result["rawScript"]) ? "SQL" : null;
                    else result["programType"] = JsonValues.AsString(result["programType"])!.ToUpperInvariant();
                    if (type != "SPARK" && result["deployMode"] is string mode) result["deployMode"] = mode.ToLowerInvariant();
                    break;
                case "HTTP":
                    if (result["httpMethod"] is string method) result["httpMethod"] = method.ToUpperInvariant();
                    break;
                case "SQL":
                    if (result["type"] is string dbType) result["type"] = dbType.ToUpperInvariant();
                    if (!user.Contains("sqlType")) result["sqlType"] = IsQuery(JsonValues.AsString(result["sql"])) ? 0 : 1;
                    break;
            }
            return result;
        }

        /// <summary>
        /// The checks DS makes when saving (50020 "workflow node parameter invalid"), with messages that say what to set.
        /// Throws ArgumentException naming the task.
        /// </summary>
        public static void Validate(DsTaskSpec spec)
        {
            if (string.IsNullOrWhiteSpace(spec.Name)) throw new ArgumentException("A task needs a name.");
            var type = Normalize(spec.Type);
            if (type.Length == 0) throw new ArgumentException("Task '" + spec.Name + "' needs a type (SHELL, PYTHON, SQL, HTTP, FLINK, SPARK, ...).");
            if (spec.RetryTimes < 0) throw Bad(spec, "RetryTimes must not be negative.");
            if (spec.RetryInterval < 0) throw Bad(spec, "RetryInterval must not be negative.");
            if (spec.TimeoutMinutes < 0) throw Bad(spec, "TimeoutMinutes must not be negative.");
            if (spec.DelayMinutes < 0) throw Bad(spec, "DelayMinutes must not be negative.");
            if (!TimeoutStrategies.Contains(Normalize(spec.TimeoutStrategy))) throw Bad(spec, "TimeoutStrategy must be WARN, FAILED or WARNFAILED, not '" + spec.TimeoutStrategy + "'.");
            if (!Priorities.Contains(Normalize(spec.Priority))) throw Bad(spec, "Priority must be HIGHEST, HIGH, MEDIUM, LOW or LOWEST, not '" + spec.Priority + "'.");
            if (string.IsNullOrWhiteSpace(spec.WorkerGroup)) throw Bad(spec, "WorkerGroup must not be empty.");

            var p = BuildParams(spec, path => path);
            switch (type)
            {
                case "SHELL":
                case "PYTHON":
                    if (!JsonValues.HasValue(p["rawScript"])) throw Bad(spec, type + " tasks need a script (-Script).");
                    break;
                case "SQL":
                    if (!JsonValues.HasValue(p["sql"])) throw Bad(spec, "SQL tasks need the statement (-Script).");
                    if (!JsonValues.HasValue(p["type"])) throw Bad(spec, "SQL tasks need the datasource type, e.g. -TaskParameter @{ type = 'MYSQL'; datasource = 1 }.");
                    if (!IsPositiveInt(p["datasource"])) throw Bad(spec, "SQL tasks need the datasource id, e.g. -TaskParameter @{ type = 'MYSQL'; datasource = 1 }.");
                    break;
                case "HTTP":
                    if (!JsonValues.HasValue(p["url"])) throw Bad(spec, "HTTP tasks need a URL: -TaskParameter @{ url = 'https://...' }.");
                    if (!HttpMethods.Contains(JsonValues.AsString(p["httpMethod"]))) throw Bad(spec, "httpMethod must be one of " + string.Join(", ", HttpMethods) + ".");
                    if (!IsPositiveInt(p["connectTimeout"])) throw Bad(spec, "connectTimeout must be a positive number of milliseconds.");
                    break;
                case "FLINK":
                case "FLINK_STREAM":
                case "SPARK":
                    var program = JsonValues.AsString(p["programType"]);
                    if (program == null) throw Bad(spec, type + " tasks need a program: -Script for SQL, or -TaskParameter @{ programType = 'JAVA'; mainJar = '/path/job.jar'; mainClass = '...' }.");
                    if (!ProgramTypes.Contains(program)) throw Bad(spec, "programType must be JAVA, SCALA, PYTHON or SQL, not '" + program + "'.");
                    if (program == "SQL" ? !JsonValues.HasValue(p["rawScript"]) : !p.Contains("mainJar"))
                        throw Bad(spec, program == "SQL" ? "SQL programs need the script (-Script)." : program + " programs need mainJar (-TaskParameter @{ mainJar = '/path/job.jar' }).");
                    if (type != "SPARK" && !FlinkDeployModes.Contains(JsonValues.AsString(p["deployMode"])))
                        throw Bad(spec, "deployMode must be local, cluster, application or standalone.");
                    break;
            }
        }

        private static bool IsPositiveInt(object? value) =>
            value != null && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0;

        private static ArgumentException Bad(DsTaskSpec spec, string reason) => new("Task '" + spec.Name + "': " + reason);

        /// <summary>A resource item as given: a path string, or a map with resourceName (or res/fullName as older UIs wrote).</summary>
        public static string? ResourceNameOf(object? item) => item switch
        {
            null => null,
            string s => s,
            IDictionary d => JsonValues.AsString(d["resourceName"] ?? d["fullName"] ?? d["res"]),
            _ => JsonValues.AsString(item),
        };

        /// <summary>Read-only statements run as queries (sqlType 0) and return rows; anything else is an update (1).</summary>
        private static bool IsQuery(string? sql)
        {
            if (string.IsNullOrWhiteSpace(sql)) return true;
            var text = sql!.TrimStart();
            while (text.StartsWith("--", StringComparison.Ordinal))
            {
                var nl = text.IndexOf('\n');
                text = nl < 0 ? "" : text.Substring(nl + 1).TrimStart();
            }
            var first = new string(text.TakeWhile(char.IsLetter).ToArray()).ToUpperInvariant();
            return first is "SELECT" or "WITH" or "SHOW" or "DESC" or "DESCRIBE" or "EXPLAIN" or "";
        }

        /// <summary>taskExecuteType: the streaming plugins run as STREAM.</summary>
        public static string ExecuteType(string type) => Normalize(type).EndsWith("_STREAM", StringComparison.Ordinal) ? "STREAM" : "BATCH";
    }

    /// <summary>DS's Property list ({prop, direct, type, value}) from a hashtable and back.</summary>
    internal static class Properties
    {
        /// <summary>
        /// name = value pairs as IN VARCHAR properties; a value may itself be a map with value/type/direct for full control.
        /// </summary>
        public static object[] FromMap(IDictionary? map)
        {
            if (map == null) return Array.Empty<object>();
            var list = new List<object>();
            foreach (DictionaryEntry e in map)
            {
                var p = JsonValues.NewMap();
                p["prop"] = Convert.ToString(e.Key, CultureInfo.InvariantCulture);
                if (e.Value is IDictionary detail)
                {
                    p["direct"] = (JsonValues.AsString(detail["direct"]) ?? "IN").ToUpperInvariant();
                    p["type"] = (JsonValues.AsString(detail["type"]) ?? "VARCHAR").ToUpperInvariant();
                    p["value"] = JsonValues.AsString(detail["value"]) ?? "";
                }
                else
                {
                    p["direct"] = "IN";
                    p["type"] = "VARCHAR";
                    p["value"] = JsonValues.AsString(e.Value) ?? "";
                }
                list.Add(p);
            }
            return list.ToArray();
        }

        /// <summary>The inverse: IN VARCHAR properties become plain values, others a map with direct/type/value.</summary>
        public static OrderedDictionary ToMap(object? properties)
        {
            var map = JsonValues.NewMap();
            if (properties is not IEnumerable list || properties is string) return map;
            foreach (var item in list)
            {
                if (item is not IDictionary p) continue;
                var name = JsonValues.AsString(p["prop"]);
                if (string.IsNullOrEmpty(name)) continue;
                var direct = JsonValues.AsString(p["direct"]) ?? "IN";
                var type = JsonValues.AsString(p["type"]) ?? "VARCHAR";
                if (direct == "IN" && type == "VARCHAR") map[name] = JsonValues.AsString(p["value"]) ?? "";
                else
                {
                    var detail = JsonValues.NewMap();
                    detail["value"] = JsonValues.AsString(p["value"]) ?? "";
                    detail["type"] = type;
                    detail["direct"] = direct;
                    map[name] = detail;
                }
            }
            return map;
        }
    }
}
