using System.Net.Http.Headers;

namespace DolphinScheduler.Sandbox.Tests.Infrastructure;

/// <summary>Multipart requests and raw downloads for the resource centre (README §2: part name "file", fields as parts).</summary>
public static class ResourceHelpers
{
    public static MultipartFormDataContent Form(IEnumerable<(string Name, string? Value)> fields, (string FileName, HttpContent Content)? file = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
                form.Add(new StringContent(value), name);
        }
        if (file is { } f)
        {
            f.Content.Headers.ContentType ??= new MediaTypeHeaderValue("application/octet-stream");
            form.Add(f.Content, "file", f.FileName);
        }
        return form;
    }

    public static Task<DsResponse> Multipart(this DsClient client, HttpMethod method, string path, IEnumerable<(string Name, string? Value)> fields,
        (string FileName, byte[] Bytes)? file = null)
        => client.Send(method, path, [], Form(fields, file is { } f ? (f.FileName, new ByteArrayContent(f.Bytes)) : null));

    /// <summary>GET /resources/download with the client's session; the raw answer (bytes, headers).</summary>
    public static async Task<DownloadResult> Download(HttpClient http, DsClient client, string fullName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, client.BaseUri + "/resources/download?fullName=" + Uri.EscapeDataString(fullName));
        request.Headers.Add("sessionId", client.SessionId);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.Content.Headers.NonValidated.TryGetValues("Content-Disposition", out var disposition);
        return new DownloadResult(response.StatusCode, bytes, response.Content.Headers.ContentType?.ToString(), disposition.ToString(),
            response.Content.Headers.ContentLength);
    }

    public sealed record DownloadResult(HttpStatusCode Status, byte[] Bytes, string? ContentType, string ContentDisposition, long? ContentLength);

    /// <summary>Creates a tenant and an enabled general user in it; returns the tenant code and a logged-in client.</summary>
    public static async Task<(string Tenant, string User, DsClient Client)> NewTenantUser(this SandboxPair sandbox, string version)
    {
        var admin = sandbox.Admin(version);
        var tenant = SandboxPair.Unique("t");
        var created = await admin.Post("/tenants", ("tenantCode", tenant), ("queueId", 1));
        if (created.Code != 0)
            throw new InvalidOperationException("tenant create failed: " + created);
        var tenantId = created.Data.GetProperty("id").GetInt32();
        var name = SandboxPair.Unique("u");
        var user = await admin.Post("/users/create",
            ("userName", name), ("userPassword", "secret123"), ("tenantId", tenantId), ("email", name + "@example.com"), ("state", 1));
        if (user.Code != 0)
            throw new InvalidOperationException("user create failed: " + user);
        return (tenant, name, await sandbox.Anonymous(version).Login(name, "secret123"));
    }
}
