using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// Reads a multipart/form-data body the way DS's servlet stack sees it, but streams every file part straight into a
/// staging file on disk (never into memory): a handler moves the staged file into place with a rename. Limits are DS's
/// (<c>spring.servlet.multipart.max-file-size</c>/<c>max-request-size</c> 1024MB); the request-size limit itself is Kestrel's.
/// Staged files still present when the request ends are deleted.
/// </summary>
public static class StagedMultipart
{
    /// <summary>1024MB, DS's multipart file and request limit.</summary>
    public const long MaxFileSize = 1024L * 1024 * 1024;

    /// <summary>Largest non-file part kept (the servlet form limit the sandbox uses for urlencoded bodies too).</summary>
    public const int MaxFieldLength = 5_000_000;

    /// <summary>Where file parts are staged: beside the storage, so moving them into place is a rename.</summary>
    public static string StagingDirectory(string dataDirectory) => Path.Combine(dataDirectory, "staging");

    public sealed record Result(Dictionary<string, List<string>> Fields, FormFileCollection Files);

    public static bool IsMultipart(HttpRequest request)
        => request.ContentType is { } type && type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses the body. Throws <see cref="InvalidDataException"/> for a malformed body or a part over the limits, and
    /// <see cref="BadHttpRequestException"/> (413) when Kestrel's body limit is hit.
    /// </summary>
    public static async Task<Result> ReadAsync(HttpContext context, string stagingDirectory, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.Parse(context.Request.ContentType);
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new InvalidDataException("multipart boundary missing");

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = new FormFileCollection();
        var cleanup = new StagedFiles();
        context.Response.RegisterForDispose(cleanup);

        var reader = new MultipartReader(boundary, context.Request.Body)
        {
            HeadersLengthLimit = 16 * 1024,
            BodyLengthLimit = null, // counted below: over the file limit is MultipartTooLargeException
        };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                Directory.CreateDirectory(stagingDirectory);
                var path = Path.Combine(stagingDirectory, Guid.NewGuid().ToString("N"));
                cleanup.Paths.Add(path);
                long length = 0;
                var buffer = ArrayPool<byte>.Shared.Rent(81920);
                try
                {
                    await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
                    int read;
                    while ((read = await section.Body.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
                    {
                        length += read;
                        if (length > MaxFileSize)
                            throw new MultipartTooLargeException($"The field {name} exceeds its maximum permitted size of {MaxFileSize} bytes.");
                        await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                files.Add(new StagedFormFile(path, name, fileName ?? "", length, section.ContentType, section.ContentDisposition ?? ""));
            }
            else
            {
                var encoding = Encoding.UTF8;
                if (section.ContentType is { } partType && MediaTypeHeaderValue.TryParse(partType, out var partMedia) && partMedia.Encoding is { } declared)
                    encoding = declared;
                var value = await ReadLimitedAsync(section.Body, encoding, cancellationToken);
                if (!fields.TryGetValue(name, out var list))
                    fields[name] = list = [];
                list.Add(value);
            }
        }
        return new Result(fields, files);
    }

    public static IEnumerable<KeyValuePair<string, StringValues>> AsStringValues(Result result)
        => result.Fields.Select(f => new KeyValuePair<string, StringValues>(f.Key, new StringValues(f.Value.ToArray())));

    private static async Task<string> ReadLimitedAsync(Stream body, Encoding encoding, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldLength)
                throw new InvalidDataException($"multipart field longer than {MaxFieldLength} bytes");
            buffer.Write(chunk, 0, read);
        }
        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private sealed class StagedFiles : IDisposable
    {
        public List<string> Paths { get; } = [];

        public void Dispose()
        {
            foreach (var path in Paths)
            {
                try
                {
                    File.Delete(path); // a no-op once a handler moved it into place
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}

/// <summary>A multipart part over DS's 1024MB limit (Spring's MaxUploadSizeExceededException).</summary>
public sealed class MultipartTooLargeException(string message) : Exception(message);
