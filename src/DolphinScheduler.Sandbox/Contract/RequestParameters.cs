using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// The request parameters Spring's <c>@RequestParam</c> sees (README §2): query string, plus a form body
/// (urlencoded or multipart) on POST/PUT/PATCH/DELETE. Names are case-sensitive; query values come first.
/// A JSON body contributes nothing.
/// </summary>
public sealed class RequestParameters
{
    private static readonly object CacheKey = new();

    private RequestParameters(Dictionary<string, StringValues> values, IFormFileCollection? files)
    {
        Values = values;
        Files = files;
    }

    public IReadOnlyDictionary<string, StringValues> Values { get; }
    public IFormFileCollection? Files { get; }

    /// <summary>Every parameter and file-part name, in first-seen order.</summary>
    public IReadOnlyList<string> Names => Values.Keys.Concat(Files?.Select(f => f.Name) ?? []).Distinct(StringComparer.Ordinal).ToList();

    public static async Task<RequestParameters> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(CacheKey, out var cached))
            return (RequestParameters)cached!;

        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.Query)
            values[key] = value;

        IFormFileCollection? files = null;
        if (HasFormBody(context.Request))
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                foreach (var (key, value) in form)
                    values[key] = values.TryGetValue(key, out var fromQuery) ? StringValues.Concat(fromQuery, value) : value;
                files = form.Files;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                // A malformed body binds nothing, as with DS; the endpoint then reports missing parameters.
            }
        }

        var result = new RequestParameters(values, files);
        context.Items[CacheKey] = result;
        return result;
    }

    public static bool HasJsonBody(HttpRequest request)
        => request.ContentType is { } type
           && type.Contains("json", StringComparison.OrdinalIgnoreCase)
           && (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0);

    private static bool HasFormBody(HttpRequest request)
        => request.HasFormContentType
           && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
               || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method));
}
