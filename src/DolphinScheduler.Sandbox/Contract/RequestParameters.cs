using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The body was over the multipart/request size limit (1024MB): DS fails before any handler (HTTP 500, no body).</summary>
    public bool TooLarge { get; private init; }

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
        var tooLarge = false;
        if (HasFormBody(context.Request))
        {
            try
            {
                IEnumerable<KeyValuePair<string, StringValues>> form;
                if (StagedMultipart.IsMultipart(context.Request))
                {
                    // Multipart file parts are streamed to disk, never buffered in memory (uploads up to 1024MB).
                    var dataDirectory = context.RequestServices.GetRequiredService<SandboxStore>().DataDirectory;
                    var parsed = await StagedMultipart.ReadAsync(context, StagedMultipart.StagingDirectory(dataDirectory), context.RequestAborted);
                    form = StagedMultipart.AsStringValues(parsed);
                    files = parsed.Files;
                }
                else
                {
                    var read = await context.Request.ReadFormAsync(context.RequestAborted);
                    form = read;
                    files = read.Files;
                }
                foreach (var (key, value) in form)
                    values[key] = values.TryGetValue(key, out var fromQuery) ? StringValues.Concat(fromQuery, value) : value;
            }
            catch (Exception e) when (e is MultipartTooLargeException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                tooLarge = true; // DS: MaxUploadSizeExceededException before any handler
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                // A malformed body binds nothing, as with DS; the endpoint then reports missing parameters.
            }
        }

        var result = new RequestParameters(values, files) { TooLarge = tooLarge };
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
