using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// Hashtables from scripts hold PSObject wrappers and PSCustomObjects; the core serializes plain .NET values, so
    /// they are unwrapped here (recursively), keeping key order and PowerShell's case-insensitive keys.
    /// </summary>
    internal static class PSValues
    {
        public static IDictionary? Map(IDictionary? map)
        {
            if (map == null) return null;
            var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry e in map) result[Convert.ToString(Unwrap(e.Key), System.Globalization.CultureInfo.InvariantCulture) ?? ""] = Unwrap(e.Value);
            return result;
        }

        public static object? Unwrap(object? value)
        {
            if (value is PSObject pso)
            {
                if (pso.BaseObject is PSCustomObject)
                {
                    var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in pso.Properties) map[p.Name] = Unwrap(p.Value);
                    return map;
                }
                value = pso.BaseObject;
            }
            switch (value)
            {
                case null: return null;
                case string _: return value;
                case IDictionary d: return Map(d);
                case ScriptBlock sb: return sb.ToString();
                case IEnumerable list:
                    var items = new List<object?>();
                    foreach (var item in list) items.Add(Unwrap(item));
                    return items.ToArray();
                default: return value;
            }
        }
    }
}
