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

        /// <summary>Formats a time for the server: UTC wall-clock time (the bootstrap server zone).</summary>
        public static string ToWire(DateTime value) =>
            (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(Format, CultureInfo.InvariantCulture);
    }
}
