using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// application/x-www-form-urlencoded bodies and query strings. FormUrlEncodedContent is avoided because on .NET
    /// Framework it rejects values over 32 KB, and DS workflow definitions travel as large JSON text in one field.
    /// </summary>
    internal static class FormEncoder
    {
        public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var sb = new StringBuilder();
            foreach (var pair in pairs)
            {
                if (sb.Length > 0) sb.Append('&');
                AppendEscaped(sb, pair.Key);
                sb.Append('=');
                AppendEscaped(sb, pair.Value);
            }
            return sb.ToString();
        }

        public static HttpContent Content(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var content = new StringContent(Encode(pairs), Encoding.UTF8, "application/x-www-form-urlencoded");
            content.Headers.ContentType!.CharSet = null; // Spring reads UTF-8 form bodies by default; a charset parameter is harmless but noisy
            return content;
        }

        private static void AppendEscaped(StringBuilder sb, string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            foreach (var b in bytes)
            {
                var c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
                    sb.Append(c);
                else
                    sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 15]);
            }
        }

        private const string Hex = "0123456789ABCDEF";
    }
}
