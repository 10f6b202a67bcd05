using System;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>The API base URI as users type it: absolute http(s); a URI without a path gets DS's context path.</summary>
    internal static class ApiUri
    {
        public const string ContextPath = "/dolphinscheduler";

        /// <summary>The normalized URI, or null with the reason.</summary>
        public static Uri? Normalize(Uri uri, out string? problem, out bool addedContextPath)
        {
            problem = null;
            addedContextPath = false;
            if (!uri.IsAbsoluteUri || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                problem = "must be an absolute http or https URI such as http://host:12345/dolphinscheduler.";
                return null;
            }
            if (uri.AbsolutePath == "/" || uri.AbsolutePath.Length == 0)
            {
                addedContextPath = true;
                return new Uri(uri, ContextPath);
            }
            return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        }
    }
}
