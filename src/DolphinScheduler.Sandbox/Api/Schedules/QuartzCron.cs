using System.Globalization;

namespace DolphinScheduler.Sandbox.Api.Schedules;

/// <summary>
/// Quartz cron expressions as DS validates and evaluates them (cron-utils 9.1.6, <c>CronType.QUARTZ</c>):
/// <c>sec min hour day-of-month month day-of-week [year]</c>. Fields take <c>*</c>, values, ranges <c>a-b</c>, lists
/// and steps <c>x/n</c>; month and day names (JAN…DEC, SUN…SAT, case-insensitive); day-of-week counts 1 = Sunday.
/// Day-of-month also takes <c>?</c>, <c>L</c>, <c>L-n</c>, <c>nW</c>, <c>LW</c>; day-of-week <c>?</c>, <c>L</c>, <c>nL</c>,
/// <c>n#k</c>. Exactly one of the two day fields must be <c>?</c> (cron-utils' Quartz constraint). Years 1970–2099.
/// </summary>
public sealed class QuartzCron
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private const int MaxYear = 2099;

    private readonly bool[] seconds = new bool[60];
    private readonly bool[] minutes = new bool[60];
    private readonly bool[] hours = new bool[24];
    private readonly bool[] months = new bool[13];
    private readonly bool[] years = new bool[MaxYear + 1];
    private readonly List<Func<DateOnly, bool>> dayOfMonth = [];
    private readonly List<Func<DateOnly, bool>> dayOfWeek = [];
    private bool dayOfMonthAny;
    private bool dayOfWeekAny;

    private QuartzCron()
    {
    }

    public static bool IsValid(string? expression) => TryParse(expression, out _);

    public static bool TryParse(string? expression, out QuartzCron cron)
    {
        cron = new QuartzCron();
        if (string.IsNullOrWhiteSpace(expression))
            return false;
        var fields = expression.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (6 or 7))
            return false;
        try
        {
            Simple(fields[0], 0, 59, null, cron.seconds);
            Simple(fields[1], 0, 59, null, cron.minutes);
            Simple(fields[2], 0, 23, null, cron.hours);
            Simple(fields[4], 1, 12, Months, cron.months);
            if (fields.Length == 7)
                Simple(fields[6], 1970, MaxYear, null, cron.years);
            else
                Array.Fill(cron.years, true, 1970, MaxYear - 1970 + 1);
            var domQuestion = fields[3] == "?";
            var dowQuestion = fields[5] == "?";
            if (domQuestion == dowQuestion)
                return false; // "Both, a day-of-week AND a day-of-month parameter, are not supported."
            if (domQuestion)
                cron.dayOfMonthAny = true;
            else
                DayOfMonth(fields[3], cron.dayOfMonth);
            if (dowQuestion)
                cron.dayOfWeekAny = true;
            else
                DayOfWeek(fields[5], cron.dayOfWeek);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>cron-utils <c>ExecutionTime.nextExecution</c>: the first fire time strictly after <paramref name="after"/>, or null.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var start = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second).AddSeconds(1);
        for (var day = DateOnly.FromDateTime(start); day.Year <= MaxYear; day = day.AddDays(1))
        {
            if (!years[day.Year])
            {
                var nextYear = Array.FindIndex(years, day.Year + 1, y => y);
                if (nextYear < 0)
                    return null;
                day = new DateOnly(nextYear, 1, 1).AddDays(-1);
                continue;
            }
            if (!months[day.Month] || !DayMatches(day))
                continue;
            var fromTime = day == DateOnly.FromDateTime(start) ? start.TimeOfDay : TimeSpan.Zero;
            for (var h = fromTime.Hours; h < 24; h++)
            {
                if (!hours[h])
                    continue;
                var m0 = h == fromTime.Hours ? fromTime.Minutes : 0;
                for (var m = m0; m < 60; m++)
                {
                    if (!minutes[m])
                        continue;
                    var s0 = h == fromTime.Hours && m == fromTime.Minutes ? fromTime.Seconds : 0;
                    for (var s = s0; s < 60; s++)
                    {
                        if (!seconds[s])
                            continue;
                        var wall = day.ToDateTime(new TimeOnly(h, m, s));
                        if (zone.IsInvalidTime(wall))
                            continue; // a wall time skipped by a DST change never fires
                        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
                        var fire = new DateTimeOffset(wall, offset);
                        if (fire > after)
                            return fire;
                    }
                }
            }
        }
        return null;
    }

    private bool DayMatches(DateOnly day)
        => (dayOfMonthAny || dayOfMonth.Any(f => f(day))) && (dayOfWeekAny || dayOfWeek.Any(f => f(day)));

    // ---- parsing ----

    private static void Simple(string field, int min, int max, string[]? names, bool[] into)
    {
        foreach (var part in field.Split(','))
        {
            if (part.Length == 0)
                throw new FormatException(field);
            foreach (var v in Expand(part, min, max, names))
                into[v] = true;
        }
    }

    private static IEnumerable<int> Expand(string part, int min, int max, string[]? names)
    {
        var slash = part.IndexOf('/');
        var rangeText = slash < 0 ? part : part[..slash];
        var step = 1;
        if (slash >= 0)
        {
            step = Number(part[(slash + 1)..], 1, int.MaxValue, null, 0);
            if (step == 0)
                throw new FormatException(part);
        }
        int from, to;
        if (rangeText == "*")
        {
            (from, to) = (min, max);
        }
        else if (rangeText.Contains('-'))
        {
            var dash = rangeText.IndexOf('-');
            from = Number(rangeText[..dash], min, max, names, min);
            to = Number(rangeText[(dash + 1)..], min, max, names, min);
            if (from > to)
                throw new FormatException(part);
        }
        else
        {
            from = Number(rangeText, min, max, names, min);
            to = slash >= 0 ? max : from; // "a/n" runs from a to the end of the range
        }
        var result = new List<int>();
        for (var v = from; v <= to; v += step)
            result.Add(v);
        return result;
    }

    private static int Number(string text, int min, int max, string[]? names, int nameBase)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                return index + nameBase;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new FormatException(text);
        return v;
    }

    private static void DayOfMonth(string field, List<Func<DateOnly, bool>> into)
    {
        foreach (var part in field.Split(','))
        {
            if (part == "L")
                into.Add(d => d.Day == DaysIn(d));
            else if (part == "LW")
                into.Add(d => d == LastWeekday(d));
            else if (part.StartsWith("L-", StringComparison.Ordinal))
            {
                var back = Number(part[2..], 0, 30, null, 0);
                into.Add(d => d.Day == DaysIn(d) - back);
            }
            else if (part.EndsWith('W'))
            {
                var n = Number(part[..^1], 1, 31, null, 0);
                into.Add(d => NearestWeekday(d, n) is { } w && w == d);
            }
            else
            {
                var set = new bool[32];
                Simple(part, 1, 31, null, set);
                into.Add(d => set[d.Day]);
            }
        }
    }

    private static void DayOfWeek(string field, List<Func<DateOnly, bool>> into)
    {
        foreach (var part in field.Split(','))
        {
            if (part == "L")
            {
                into.Add(d => Dow(d) == 7);
            }
            else if (part.EndsWith('L'))
            {
                var dow = Number(part[..^1], 1, 7, Days, 1);
                into.Add(d => Dow(d) == dow && d.AddDays(7).Month != d.Month);
            }
            else if (part.Contains('#'))
            {
                var hash = part.IndexOf('#');
                var dow = Number(part[..hash], 1, 7, Days, 1);
                var nth = Number(part[(hash + 1)..], 1, 5, null, 0);
                into.Add(d => Dow(d) == dow && (d.Day - 1) / 7 + 1 == nth);
            }
            else
            {
                var set = new bool[8];
                Simple(part, 1, 7, Days, set);
                into.Add(d => set[Dow(d)]);
            }
        }
    }

    private static int Dow(DateOnly d) => (int)d.DayOfWeek + 1; // 1 = Sunday

    private static int DaysIn(DateOnly d) => DateTime.DaysInMonth(d.Year, d.Month);

    private static DateOnly LastWeekday(DateOnly d)
    {
        var last = new DateOnly(d.Year, d.Month, DaysIn(d));
        while (last.DayOfWeek is System.DayOfWeek.Saturday or System.DayOfWeek.Sunday)
            last = last.AddDays(-1);
        return last;
    }

    /// <summary>Quartz "nW": the weekday nearest to day n, never leaving the month.</summary>
    private static DateOnly? NearestWeekday(DateOnly d, int n)
    {
        if (n > DaysIn(d))
            return null;
        var target = new DateOnly(d.Year, d.Month, n);
        return target.DayOfWeek switch
        {
            System.DayOfWeek.Saturday => n == 1 ? target.AddDays(2) : target.AddDays(-1),
            System.DayOfWeek.Sunday => n == DaysIn(d) ? target.AddDays(-2) : target.AddDays(1),
            _ => target,
        };
    }
}
