using System.Globalization;
using System.Text.RegularExpressions;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>Java <c>ZoneId.of</c> for the forms DS users meet: tzdb region ids, Z/UTC/GMT/UT and fixed offsets.</summary>
public static partial class JavaZone
{
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrEmpty(id))
            return false;
        var m = OffsetRegex().Match(id);
        if (m.Success)
        {
            if (!m.Groups["h"].Success)
                return true; // Z, UTC, GMT, UT
            var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 18 || minutes > 59)
                return false;
            var offset = new TimeSpan(hours, minutes, 0) * (m.Groups["sign"].Value == "-" ? -1 : 1);
            zone = TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
            return true;
        }
        // Region ids contain a '/' or are tzdb links such as "EST"; Windows names are not Java zone ids.
        if (id.Contains(' '))
            return false;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);
    }

    /// <summary>Interprets a wall-clock time in the zone (null zone = the server zone, UTC) and returns UTC.</summary>
    public static DateTime ToUtc(DateTime local, string? zoneId)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (string.IsNullOrEmpty(zoneId) || !TryFind(zoneId, out var zone))
            return DateTime.SpecifyKind(unspecified, DateTimeKind.Utc);
        // GetUtcOffset instead of ConvertTimeToUtc: a wall time in a DST gap must not throw.
        return DateTime.SpecifyKind(unspecified - zone.GetUtcOffset(unspecified), DateTimeKind.Utc);
    }

    [GeneratedRegex(@"^(?:Z|(?:UTC|GMT|UT)?(?:(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?)?)$")]
    private static partial Regex OffsetRegex();
}
