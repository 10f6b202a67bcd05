using System;
using System.Collections.Generic;
using System.Linq;

namespace DolphinScheduler.Client.Errors
{
    internal readonly struct StatusEntry
    {
        public StatusEntry(int code, string name, string? name32) { Code = code; Name = name; Name32 = name32; }
        public int Code { get; }
        public string Name { get; }
        public string? Name32 { get; }
    }

    /// <summary>
    /// DS status codes to names and error kinds. Numbers are not unique in DS (README §8, duplicateCodes), so a code can
    /// have several names; the kind is taken from the names, and where they disagree the endpoint's context decides
    /// (the caller passes a preferred kind).
    /// </summary>
    internal static partial class StatusCatalog
    {
        // Built on first use: static initializers of partial files run in an unspecified order.
        private static Dictionary<int, StatusEntry[]>? _byCode;
        private static Dictionary<int, StatusEntry[]> ByCode => _byCode ??= Entries.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.ToArray());

        public static string? NameOf(int code, bool v32)
        {
            if (!ByCode.TryGetValue(code, out var entries)) return null;
            return string.Join("|", entries.Select(e => v32 && e.Name32 != null ? e.Name32 : e.Name));
        }

        public static DsErrorKind KindOf(int code)
        {
            if (!ByCode.TryGetValue(code, out var entries)) return DsErrorKind.Unknown;
            var kinds = entries.Select(e => KindOfName(e.Name)).Distinct().ToArray();
            return kinds.Length == 1 ? kinds[0] : DsErrorKind.Unknown;
        }

        internal static DsErrorKind KindOfName(string name)
        {
            if (name.StartsWith("USER_NO_", StringComparison.Ordinal) || name.Contains("PERMISSION") || name.EndsWith("_PERM", StringComparison.Ordinal))
                return DsErrorKind.PermissionDenied;
            if (name.Contains("NOT_EXIST") || name.Contains("NOT_FOUND")) return DsErrorKind.NotFound;
            if (name.EndsWith("_EXIST", StringComparison.Ordinal) || name.EndsWith("_EXISTS", StringComparison.Ordinal) || name.Contains("ALREADY_EXIST"))
                return DsErrorKind.AlreadyExists;
            if (name.Contains("STATE") || name.Contains("NOT_RELEASE") || name.Contains("NOT_ALLOWED") || name.Contains("ONLINE") || name.Contains("NOT_NULL") || name.Contains("IS_NOT_FINISHED") || name.Contains("FAIL_USERS")
                || name.Contains("FAIL_TENANTS") || name.Contains("EXECUTING_FAIL") || name.Contains("OWNERSHIP"))
                return DsErrorKind.InvalidState;
            if (name.Contains("NOT_VALID") || name.Contains("INVALID") || name.Contains("NULL") || name.Contains("EMPTY") || name.Contains("LENGTH") || name.Contains("TOO_LONG")
                || name.Contains("HAS_CYCLE") || name.Contains("BIGGER") || name.Contains("SAME") || name.Contains("CHECK_") || name.Contains("PASSWD_ERROR"))
                return DsErrorKind.InvalidArgument;
            if (name == "USER_DISABLED") return DsErrorKind.Authentication;
            return DsErrorKind.Unknown;
        }
    }
}
