using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using DolphinScheduler.Client;
using DolphinScheduler.PowerShell.Session;

namespace DolphinScheduler.PowerShell.Completion
{
    /// <summary>
    /// Tab completion of names from the server: the connection is the command's -Connection (or the default), answers
    /// are cached per connection for a short time so repeated tabs cost no request, and any failure completes nothing.
    /// </summary>
    public abstract class DsCompleter : IArgumentCompleter
    {
        internal static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);
        private static readonly ConcurrentDictionary<(DsConnection, string), (DateTime Expires, string[] Values)> Cache = new();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Unwrap(fakeBoundParameters?["Connection"]) as DsConnection ?? DsSessionState.Default;
            if (connection == null) return Array.Empty<CompletionResult>();
            var scope = Scope(fakeBoundParameters);
            if (scope == null) return Array.Empty<CompletionResult>();
            var key = (connection, GetType().Name + "|" + scope);
            string[] values;
            if (Cache.TryGetValue(key, out var cached) && cached.Expires > DateTime.UtcNow) values = cached.Values;
            else
            {
                values = Fetch(connection.Client, fakeBoundParameters, scope);
                Cache[key] = (DateTime.UtcNow + Lifetime, values);
            }
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = new WildcardPattern(word.EndsWith("*", StringComparison.Ordinal) ? word : word + "*", WildcardOptions.IgnoreCase);
            return values.Where(v => pattern.IsMatch(v)).OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
                .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, v)).ToList();
        }

        /// <summary>What else the answer depends on (e.g. the project of a workflow); null when it cannot be completed.</summary>
        protected virtual string? Scope(IDictionary? fakeBoundParameters) => "";

        protected abstract IEnumerable<string> Query(DsClient client, IDictionary? fakeBoundParameters, CancellationToken cancellationToken);

        private string[] Fetch(DsClient client, IDictionary? fakeBoundParameters, string scope)
        {
            using var cts = new CancellationTokenSource(FetchTimeout);
            try { return Query(client, fakeBoundParameters, cts.Token).Where(v => !string.IsNullOrEmpty(v)).Distinct().ToArray(); }
            catch (Exception) { return Array.Empty<string>(); } // completion must never throw into the console
        }

        internal static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;

        /// <summary>Forgets every cached answer (tests, and after changes made in this session).</summary>
        public static void ClearCache() => Cache.Clear();
    }
}
