using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>Turns a JSON element into what ConvertFrom-Json would give: PSCustomObjects, arrays, long/double, strings, null.</summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var obj = new PSObject();
                    foreach (var property in element.EnumerateObject())
                        obj.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                    return obj;
                case JsonValueKind.Array:
                    var list = new List<object?>(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray()) list.Add(Convert(item));
                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var l)) return l is >= int.MinValue and <= int.MaxValue ? (object)(int)l : l;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
