using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>A multipart file part already streamed to a staging file (see <see cref="StagedMultipart"/>).</summary>
public sealed class StagedFormFile(string stagedPath, string name, string fileName, long length, string? contentType, string contentDisposition) : IFormFile
{
    /// <summary>The staging file; move it to keep it (it is deleted when the request ends).</summary>
    public string StagedPath { get; } = stagedPath;

    public string Name { get; } = name;

    /// <summary>The submitted file name (Spring's <c>getOriginalFilename()</c>).</summary>
    public string FileName { get; } = fileName;

    public long Length { get; } = length;

    public string ContentType { get; } = contentType ?? "application/octet-stream";

    public string ContentDisposition { get; } = contentDisposition;

    public IHeaderDictionary Headers { get; } = new HeaderDictionary();

    public Stream OpenReadStream() => new FileStream(StagedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    public void CopyTo(Stream target)
    {
        using var source = OpenReadStream();
        source.CopyTo(target);
    }

    public async Task CopyToAsync(Stream target, CancellationToken cancellationToken = default)
    {
        await using var source = OpenReadStream();
        await source.CopyToAsync(target, cancellationToken);
    }
}
