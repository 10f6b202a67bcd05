using System.Globalization;
using DolphinScheduler.Sandbox.Envelope;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// DS <c>DateUtils.stringToDate</c>: <c>yyyy-MM-dd HH:mm:ss</c> read in the calling user's time zone (server zone when
/// unset, README §3); anything else yields null, as in DS (which logs and carries on).
/// </summary>
public static class DsDates
{
    public static DateTime? Parse(string? text, string? userTimeZone)
    {
        if (text is null || !DateTime.TryParseExact(text, DsDateTimeConverter.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        return JavaZone.ToUtc(local, userTimeZone);
    }
}
