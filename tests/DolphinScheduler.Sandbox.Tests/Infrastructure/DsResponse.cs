using System.Net;
using System.Text.Json;

namespace DolphinScheduler.Sandbox.Tests.Infrastructure;

/// <summary>A raw HTTP answer plus convenient access to the DS <c>Result</c> envelope when there is one.</summary>
public sealed class DsResponse
{
    public DsResponse(HttpResponseMessage message, string body)
    {
        Status = message.StatusCode;
        Body = body;
        ContentType = message.Content.Headers.ContentType?.MediaType;
        SetCookies = message.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [];
    }

    public HttpStatusCode Status { get; }
    public string Body { get; }
    public string? ContentType { get; }
    public IReadOnlyList<string> SetCookies { get; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public int Code => Json.GetProperty("code").GetInt32();
    public string Msg => Json.GetProperty("msg").GetString()!;
    public JsonElement Data => Json.GetProperty("data");

    public override string ToString() => $"{(int)Status} {Body}";
}
