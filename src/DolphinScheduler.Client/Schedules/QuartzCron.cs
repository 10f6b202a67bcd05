using System;
using System.Globalization;
using System.Linq;

namespace DolphinScheduler.Client.Schedules
{
    /// <summary>
    /// Validates cron expressions the way DS does before it stores a schedule: cron-utils' Quartz definition
    /// (cron-utils 9.1.6 in DS 3.2–3.4). Six or seven fields, seconds first:
    /// <c>seconds minutes hours day-of-month month day-of-week [year]</c>; exactly one of day-of-month and day-of-week
    /// is '?'; L/W/LW in day-of-month, L and # in day-of-week; month and weekday names; year 1970–2099.
    /// </summary>
    public static class QuartzCron
    {
        private sealed class Field
        {
            public Field(string name, int min, int max, string[]? names = null, bool question = false, bool strict = false)
            { Name = name; Min = min; Max = max; Names = names; Question = question; Strict = strict; }
            public string Name { get; }
            public int Min { get; }
            public int Max { get; }
            public string[]? Names { get; }
            public bool Question { get; }
            public bool Strict { get; }
        }

        private static readonly string[] Months = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
        private static readonly string[] Days = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

        private static readonly Field[] Fields =
        {
            new("seconds", 0, 59),
            new("minutes", 0, 59),
            new("hours", 0, 23),
            new("day-of-month", 1, 31, question: true),
            new("month", 1, 12, Months),
            new("day-of-week", 1, 7, Days, question: true),
            new("year", 1970, 2099, strict: true),
        };

        /// <summary>Null when the expression is valid, else the reason (one sentence, naming the field).</summary>
        public static string? Check(string? expression)
        {
            if (string.IsNullOrWhiteSpace(expression)) return "the expression is empty.";
            var parts = expression!.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 6 || parts.Length > 7)
            {
                var hint = "";
                if (parts.Length == 5)
                    hint = " It looks like a 5-field Unix cron; Quartz puts seconds first and needs '?' in day-of-month or day-of-week (e.g. '0 0 2 * * ?' runs daily at 02:00).";
                return "expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), found " + parts.Length + "." + hint;
            }
            for (var i = 0; i < parts.Length; i++)
            {
                var reason = CheckField(Fields[i], parts[i].ToUpperInvariant());
                if (reason != null) return reason;
            }
            var domQuestion = parts[3] == "?";
            var dowQuestion = parts[5] == "?";
            if (domQuestion && dowQuestion) return "day-of-month and day-of-week are both '?'; exactly one of them must be '?'.";
            if (!domQuestion && !dowQuestion) return "day-of-month ('" + parts[3] + "') and day-of-week ('" + parts[5] + "') are both set; Quartz needs '?' in one of them (e.g. '0 0 2 * * ?').";
            return null;
        }

        /// <summary>Throws ArgumentException (parameter "cron") when the expression is not a valid Quartz cron.</summary>
        public static void Validate(string? expression)
        {
            var reason = Check(expression);
            if (reason != null) throw new ArgumentException("'" + expression + "' is not a valid Quartz cron expression: " + reason, "cron");
        }

        private static string? CheckField(Field f, string text)
        {
            if (text == "?")
                return f.Question ? null : "'?' is only allowed in day-of-month or day-of-week, not in " + f.Name + ".";
            foreach (var item in text.Split(','))
            {
                if (item.Length == 0) return f.Name + " has an empty list item in '" + text + "'.";
                if (item == "?") return "'?' must stand alone in " + f.Name + ".";
                var reason = CheckItem(f, item);
                if (reason != null) return reason;
            }
            return null;
        }

        private static string? CheckItem(Field f, string item)
        {
            // Special forms of the day fields.
            if (f.Name == "day-of-month")
            {
                if (item == "L" || item == "LW") return null;
                if (item.StartsWith("L-", StringComparison.Ordinal))
                    return int.TryParse(item.Substring(2), NumberStyles.None, CultureInfo.InvariantCulture, out var off) && off <= 30 ? null : "'" + item + "' in day-of-month: L-n needs n between 0 and 30.";
                if (item.EndsWith("W", StringComparison.Ordinal))
                    return ParseValue(f, item.Substring(0, item.Length - 1), out var day) && day >= 1 && day <= 31 ? null : "'" + item + "' in day-of-month: nW needs a day between 1 and 31.";
            }
            if (f.Name == "day-of-week")
            {
                if (item == "L") return null;
                var hash = item.IndexOf('#');
                if (hash > 0)
                {
                    if (!ParseValue(f, item.Substring(0, hash), out var dow) || dow < 1 || dow > 7) return "'" + item + "' in day-of-week: the weekday before '#' must be 1-7 or SUN-SAT.";
                    return int.TryParse(item.Substring(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var nth) && nth >= 1 && nth <= 5 ? null : "'" + item + "' in day-of-week: the week after '#' must be 1-5.";
                }
                if (item.Length > 1 && item.EndsWith("L", StringComparison.Ordinal))
                    return ParseValue(f, item.Substring(0, item.Length - 1), out var last) && last >= 1 && last <= 7 ? null : "'" + item + "' in day-of-week: nL needs a weekday 1-7 or SUN-SAT.";
            }

            var slash = item.IndexOf('/');
            var range = slash < 0 ? item : item.Substring(0, slash);
            if (slash >= 0)
            {
                var stepText = item.Substring(slash + 1);
                if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                    return "'" + item + "' in " + f.Name + ": the increment after '/' must be a positive number.";
                if (step > f.Max) return "'" + item + "' in " + f.Name + ": the increment " + step + " is larger than " + f.Max + ".";
                if (range.Length == 0) return "'" + item + "' in " + f.Name + ": a start value is needed before '/' (use '*/" + stepText + "').";
            }
            if (range == "*") return null;
            var dash = range.IndexOf('-');
            if (dash > 0)
            {
                var fromText = range.Substring(0, dash);
                var toText = range.Substring(dash + 1);
                if (!ParseValue(f, fromText, out var from)) return OutOfRange(f, item, fromText);
                if (!ParseValue(f, toText, out var to)) return OutOfRange(f, item, toText);
                if (f.Strict && from > to) return "'" + item + "' in " + f.Name + ": the range must go upwards.";
                return null;
            }
            return ParseValue(f, range, out _) ? null : OutOfRange(f, item, range);
        }

        private static string OutOfRange(Field f, string item, string value)
        {
            var allowed = f.Min + "-" + f.Max + (f.Names != null ? " or " + f.Names[0] + "-" + f.Names[f.Names.Length - 1] : "");
            return "'" + value + "' in " + f.Name + (item != value ? " ('" + item + "')" : "") + " is not allowed; use " + allowed + ", '*'" + (f.Question ? ", '?'" : "") + ", lists (a,b), ranges (a-b) or increments (a/n).";
        }

        private static bool ParseValue(Field f, string text, out int value)
        {
            value = 0;
            if (text.Length == 0) return false;
            if (f.Names != null)
            {
                var index = Array.IndexOf(f.Names, text);
                if (index >= 0) { value = index + 1; return true; }
            }
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= f.Min && value <= f.Max;
        }
    }
}
