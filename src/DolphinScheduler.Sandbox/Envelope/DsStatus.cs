namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>
/// One constant of DolphinScheduler's <c>Status</c> enum: numeric code, 3.3+ name and English template,
/// plus the 3.2 name/template where they differ (README §8; codes are not unique, names are).
/// </summary>
public sealed record DsStatus(int Code, string Name, string Template, string? Name32 = null, string? Template32 = null);
