using System.Collections.Generic;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns the core's JSON tree into what ConvertFrom-Json would give: PSCustomObjects and arrays. A string field named
    /// like a secret (token, password, userPassword, sessionId) becomes a SecureString, as in the module's own objects,
    /// so a transcript or a format view of Invoke-DsApi's output never shows one.
    /// </summary>
    internal static class JsonToPowerShell
    {
        private static readonly string[] SecretNames = { "token", "password", "userPassword", "sessionId" };

        private static bool IsSecret(string name)
        {
            foreach (var s in SecretNames)
                if (string.Equals(s, name, System.StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        public static object? Convert(object? value)
        {
            switch (value)
            {
                case List<KeyValuePair<string, object?>> map:
                    var obj = new PSObject();
                    foreach (var pair in map)
                        obj.Properties.Add(new PSNoteProperty(pair.Key, pair.Value is string text && IsSecret(pair.Key)
                            ? DolphinScheduler.Client.Auth.Secrets.ToSecureString(text)
                            : Convert(pair.Value)));
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
