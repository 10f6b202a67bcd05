using System;
using System.Collections.Generic;
using System.Linq;

namespace DolphinScheduler.Client.Versioning
{
    /// <summary>Enum constants and parameters that exist in only one server family (contract §6, §7).</summary>
    internal static partial class EnumTables
    {
        private static readonly Dictionary<string, HashSet<string>> Set33 = Raw33().ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value, StringComparer.Ordinal));
        private static readonly Dictionary<string, HashSet<string>> Set32 = Raw32().ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value, StringComparer.Ordinal));

        public static IReadOnlyCollection<string> Values33(string enumName) => Set33.TryGetValue(enumName, out var s) ? s : (IReadOnlyCollection<string>)Array.Empty<string>();
        public static IReadOnlyCollection<string> Values32(string enumName) => Set32.TryGetValue(enumName, out var s) ? s : (IReadOnlyCollection<string>)Array.Empty<string>();
        public static bool IsKnown(string enumName) => Set33.ContainsKey(enumName);

        /// <summary>Parameters only 3.2.2 declares, per canonical endpoint path (endpoints.json `v3.2.params`).</summary>
        public static readonly HashSet<(string Path, string Param)> Only32 = new()
        {
            ("/resources", "tenantCode"),
            ("/resources/view", "tenantCode"),
            ("/resources/update-content", "tenantCode"),
            ("/resources/directory", "pid"),
            ("/resources/list", "fullName"),
            ("/resources/query-by-type", "programType"),
            ("/projects/{projectCode}/executors/start-workflow-instance", "timeout"),
            ("/projects/{projectCode}/executors/start-workflow-instance", "version"),
            ("/projects/{projectCode}/executors/batch-start-workflow-instance", "timeout"),
        };

        /// <summary>PUT /resources takes `type` only in 3.2 (multipart update).</summary>
        public static readonly HashSet<(string Method, string Path, string Param)> Only32ByMethod = new()
        {
            ("PUT", "/resources", "type"),
        };
    }
}
