using System;
using System.Collections.Generic;

namespace DolphinScheduler.Client.Resources
{
    /// <summary>
    /// Resource paths as users write them (folder-relative: <c>/flink/job.jar</c>) and as the server names them
    /// (<c>fullName</c> = the tenant's base directory from GET /resources/base-dir + the relative path). The base
    /// directory depends on the storage configuration and is never assumed (contract §11).
    /// </summary>
    internal static class ResourcePath
    {
        public const string Root = "/";

        /// <summary>
        /// A folder-relative path in canonical form: leading '/', single separators, no trailing '/', '\' read as '/'.
        /// '.' and '..' segments are refused (the resource centre has no notion of them).
        /// </summary>
        public static string Normalize(string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) return Root;
            var segments = new List<string>();
            foreach (var raw in path!.Replace('\\', '/').Split('/'))
            {
                var segment = raw.Trim();
                if (segment.Length == 0) continue;
                if (segment == "." || segment == "..")
                    throw new ArgumentException("The resource path '" + path + "' contains '" + segment + "'; give the path from the resource root, e.g. /flink/job.jar.");
                segments.Add(segment);
            }
            return segments.Count == 0 ? Root : "/" + string.Join("/", segments);
        }

        /// <summary>Whether a string given by the user is already a server full name rather than a folder-relative path.</summary>
        public static bool IsFullName(string baseDir, string text)
        {
            if (string.IsNullOrEmpty(text)) return false;
            var trimmedBase = TrimBase(baseDir);
            if (trimmedBase.Length > 0 && (text == trimmedBase || text.StartsWith(trimmedBase + "/", StringComparison.Ordinal))) return true;
            // A storage URI (file:/..., hdfs://..., s3a://...): relative paths never carry a scheme.
            var colon = text.IndexOf(':');
            var slash = text.IndexOf('/');
            return colon > 1 && (slash < 0 || colon < slash);
        }

        /// <summary>The server full name of a folder-relative path (the root is the base directory itself).</summary>
        public static string ToFullName(string baseDir, string relativePath)
        {
            var normalized = Normalize(relativePath);
            if (normalized == Root) return baseDir;
            return TrimBase(baseDir) + normalized;
        }

        /// <summary>A user's path or full name, as the server's full name.</summary>
        public static string Resolve(string baseDir, string pathOrFullName) =>
            IsFullName(baseDir, pathOrFullName) ? pathOrFullName : ToFullName(baseDir, pathOrFullName);

        /// <summary>The folder-relative path of a server full name; a name outside the base directory is returned unchanged.</summary>
        public static string ToRelative(string baseDir, string fullName)
        {
            var trimmedBase = TrimBase(baseDir);
            if (trimmedBase.Length == 0 || !fullName.StartsWith(trimmedBase, StringComparison.Ordinal)) return fullName;
            var rest = fullName.Substring(trimmedBase.Length);
            if (rest.Length > 0 && rest[0] != '/') return fullName; // a sibling such as <base>2/x
            return Normalize(rest);
        }

        public static string Parent(string path)
        {
            var normalized = Normalize(path);
            var slash = normalized.LastIndexOf('/');
            return slash <= 0 ? Root : normalized.Substring(0, slash);
        }

        public static string Leaf(string path)
        {
            var trimmed = path.TrimEnd('/');
            var slash = trimmed.LastIndexOf('/');
            return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
        }

        public static string Combine(string directory, string name) => Normalize(Normalize(directory) + "/" + name);

        /// <summary>The parent's full name of a full name (for listing the directory that holds it).</summary>
        public static string ParentFullName(string fullName)
        {
            var trimmed = fullName.TrimEnd('/');
            var slash = trimmed.LastIndexOf('/');
            return slash <= 0 ? trimmed : trimmed.Substring(0, slash);
        }

        private static string TrimBase(string baseDir) => (baseDir ?? "").TrimEnd('/');
    }
}
