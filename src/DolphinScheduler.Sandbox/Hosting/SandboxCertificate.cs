using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DolphinScheduler.Sandbox.Hosting;

/// <summary>
/// The server certificate for <c>--https</c>: a given PFX, or a self-signed one made at startup for localhost,
/// 127.0.0.1 and ::1 (plus the bind address), valid from yesterday for 30 days. Nothing trusts it, so clients must
/// either skip validation or trust the exported public certificate.
/// </summary>
internal static class SandboxCertificate
{
    public const string ExportFileName = "sandbox-https.crt";

    public static X509Certificate2 Load(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"--cert '{path}' could not be loaded as PKCS#12 (wrong password?): {e.Message}", e);
        }
    }

    public static X509Certificate2 CreateSelfSigned(IPAddress bindAddress)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost, O=DolphinScheduler sandbox", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        if (!bindAddress.Equals(IPAddress.Any) && !bindAddress.Equals(IPAddress.IPv6Any) && !IPAddress.IsLoopback(bindAddress))
            names.AddIpAddress(bindAddress);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>Writes the public certificate as PEM into the data directory (for clients that want to trust it).</summary>
    public static string Export(X509Certificate2 certificate, string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, ExportFileName);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
        return path;
    }
}
