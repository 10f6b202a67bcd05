using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Resources;

/// <summary>
/// One resource-centre request. The flavour picks the implementation: <see cref="Resources322"/> (3.2.2's
/// ResourcesServiceImpl over StorageOperate) or <see cref="Resources34"/> (3.3+'s transformers and validators).
/// Synchronous endpoints run under the store gate; <see cref="Download"/> takes it itself and streams outside it.
/// </summary>
public abstract class ResourceService
{
    /// <summary><c>resource.view.suffixs</c> default (identical in 3.2.2 and 3.3+): what view/online edit accept.</summary>
    public static readonly IReadOnlySet<string> ViewSuffixes = new HashSet<string>(StringComparer.Ordinal)
    {
        "txt", "log", "sh", "bat", "conf", "cfg", "py", "java", "sql", "xml", "hql", "properties", "json", "yml", "yaml", "ini", "js",
    };

    protected ResourceService(DsRequest request, ResourceStorage storage)
    {
        Request = request;
        Storage = storage;
        Base = request.Flavor.ResourceStorageBase;
    }

    protected DsRequest Request { get; }
    protected ResourceStorage Storage { get; }

    /// <summary><c>file:</c> + the upload base path: every fullName starts with it.</summary>
    protected string Base { get; }

    public static ResourceService For(DsRequest r)
    {
        var storage = r.Http.RequestServices.GetRequiredService<ResourceStorage>();
        return r.Flavor.ResourcesUse322Service ? new Resources322(r, storage) : new Resources34(r, storage);
    }

    public abstract DsResult BaseDir();
    public abstract DsResult CreateDirectory();
    public abstract DsResult Upload();
    public abstract DsResult OnlineCreate();
    public abstract DsResult ListPaging();
    public abstract DsResult Tree();
    public abstract DsResult QueryByType();
    public abstract DsResult View();
    public abstract DsResult Delete();
    public abstract DsResult Update();
    public abstract DsResult UpdateContent();
    public virtual DsResult QueryFileName() => throw new NotSupportedException("3.2 only");
    public virtual DsResult VerifyName() => throw new NotSupportedException("3.2 only");

    /// <summary>Checks and opens under the gate (the caller holds it); the returned writer streams outside it.</summary>
    public abstract DsResult Download();

    /// <summary><c>throw new ServiceException(String)</c>: code 10000, <c>Internal Server Error: text</c>, HTTP 200.</summary>
    protected static DsServiceException Internal(string text) => new(DsStatuses.InternalServerErrorArgs, text);

    /// <summary>A Java exception without message (e.g. NullPointerException on Java 8) as ApiExceptionHandler prints it.</summary>
    protected static Exception JavaExceptionWithoutMessage() => new InvalidOperationException("null");

    /// <summary>The staged multipart file (streamed to disk by the request pipeline).</summary>
    protected StagedFormFile? StagedFile()
        => Request.File("file") switch
        {
            null => null,
            StagedFormFile staged => staged,
            var other => throw new InvalidOperationException($"multipart part '{other.Name}' was not staged to disk"),
        };

    /// <summary>A streamed file download: DS writes raw bytes with the given headers, not a Result envelope.</summary>
    protected DsResult RawFile(FileStream stream, string contentType, string contentDisposition)
    {
        Request.Http.Response.RegisterForDispose(stream);
        return DsResult.RawResponse(async context =>
        {
            await using (stream)
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = contentType;
                context.Response.ContentLength = stream.Length;
                context.Response.Headers.ContentDisposition = contentDisposition;
                try
                {
                    // 1 MiB pieces: a GiB costs a thousand file reads and response writes instead of thirteen thousand.
                    await stream.CopyToAsync(context.Response.Body, 1024 * 1024, context.RequestAborted);
                }
                catch (Exception e) when (context.RequestAborted.IsCancellationRequested && e is OperationCanceledException or IOException)
                {
                    // the client went away mid-download: nothing left to answer
                }
            }
        });
    }

    /// <summary>Java <c>String.trim()</c>: strips characters up to U+0020.</summary>
    protected static string JavaTrim(string s) => s.Trim(Enumerable.Range(0, 33).Select(i => (char)i).ToArray());

    /// <summary>commons-lang <c>StringUtils.isBlank</c>.</summary>
    protected static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);
}
