using System.Collections.Generic;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>Turns the core's JSON tree into what ConvertFrom-Json would give: PSCustomObjects and arrays.</summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(object? value)
        {
            switch (value)
            {
                case List<KeyValuePair<string, object?>> map:
                    var obj = new PSObject();
                    foreach (var pair in map) obj.Properties.Add(new PSNoteProperty(pair.Key, Convert(pair.Value)));
                    return obj;
                case object?[] array:
                    var converted = new object?[array.Length];
                    for (var i = 0; i < array.Length; i++) converted[i] = Convert(array[i]);
                    return converted;
                default:
                    return value;
            }
        }
    }
}
