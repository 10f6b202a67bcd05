using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>Jackson's DS date format: <c>yyyy-MM-dd HH:mm:ss</c> in the server zone (UTC here), no zone suffix (README §3).</summary>
public sealed class DsDateTimeConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => DateTime.SpecifyKind(DateTime.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        => writer.WriteStringValue(ToWire(value));

    public static string ToWire(DateTime value)
        => (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(Format, CultureInfo.InvariantCulture);
}
