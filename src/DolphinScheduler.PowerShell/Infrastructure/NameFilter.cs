using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>
    /// A -Name value with optional wildcards. DS's searchVal is a substring match, so the longest literal run of the
    /// pattern is sent to the server and the exact match is made here.
    /// </summary>
    internal sealed class NameFilter
    {
        private readonly WildcardPattern _pattern;

        public NameFilter(string pattern)
        {
            Pattern = pattern;
            HasWildcards = WildcardPattern.ContainsWildcardCharacters(pattern);
            _pattern = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            ServerSearch = HasWildcards ? LongestLiteral(pattern) : pattern;
        }

        public string Pattern { get; }
        public bool HasWildcards { get; }

        /// <summary>What to send as searchVal (null: list everything).</summary>
        public string? ServerSearch { get; }

        public bool IsMatch(string? name) => name != null && (HasWildcards ? _pattern.IsMatch(name) : string.Equals(name, Pattern, System.StringComparison.Ordinal));

        private static string? LongestLiteral(string pattern)
        {
            string best = "";
            var current = new System.Text.StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length) { current.Append(pattern[++i]); continue; }
                if (c == '*' || c == '?' || c == '[' || c == ']')
                {
                    if (current.Length > best.Length) best = current.ToString();
                    current.Clear();
                    if (c == '[') { while (i < pattern.Length && pattern[i] != ']') i++; }
                    continue;
                }
                current.Append(c);
            }
            if (current.Length > best.Length) best = current.ToString();
            return best.Length == 0 ? null : best;
        }
    }
}
