using System;
using System.Globalization;

namespace DolphinScheduler.Client.Http
{
    /// <summary>DS's wire date format (contract §3): "yyyy-MM-dd HH:mm:ss", in the server's zone (UTC by default), no offset.</summary>
    internal static class DsDate
    {
        public const string Format = "yyyy-MM-dd HH:mm:ss";

        public static DateTime? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
                return DateTime.SpecifyKind(d, DateTimeKind.Utc);
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out d))
                return DateTime.SpecifyKind(d, DateTimeKind.Utc);
            return null;
        }

        /// <summary>
        /// Formats a time for a request parameter. DS parses such strings in the calling user's time zone (contract §3),
        /// so the instant is converted to it; a time without a kind is taken as local time, as PowerShell users type it.
        /// An unknown zone id (e.g. an IANA id on .NET Framework) falls back to UTC, DS's default server zone.
        /// </summary>
        public static string ToWire(DateTime value, string? userTimeZone = null)
        {
            var utc = value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Local).ToUniversalTime();
            var zone = FindZone(userTimeZone);
            var wall = zone == null ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
            return wall.ToString(Format, CultureInfo.InvariantCulture);
        }

        private static TimeZoneInfo? FindZone(string? id)
        {
            if (string.IsNullOrEmpty(id)) return null;
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException) { return null; }
        }
    }
}
