using System.Diagnostics;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using DolphinScheduler.Sandbox.Hosting;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>--https: validation fails by default against the self-signed certificate and passes when skipped or trusted.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task Self_signed_certificate_for_loopback_is_refused_by_default_and_accepted_when_checks_are_skipped()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Https = true });
        Assert.Equal("https", server.BaseUri.Scheme);
        var certificate = server.Certificate!;
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", san.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, san.EnumerateIPAddresses());
        Assert.True(certificate.NotAfter > DateTime.Now);

        using (var strict = new HttpClient())
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => strict.PostAsync(server.BaseUri + "/login", Login()));
            Assert.IsType<AuthenticationException>(refused.InnerException);
        }

        using (var lax = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } }))
        {
            var login = await lax.PostAsync(server.BaseUri + "/login", Login());
            Assert.Contains("\"code\":0", await login.Content.ReadAsStringAsync());
        }

        // Trusting the exported certificate (pinning it as the only root) also works, with name checks on.
        var exported = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, SandboxCertificate.ExportFileName)));
        using var pinned = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { exported },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        });
        var viaLocalhost = new UriBuilder(server.BaseUri) { Host = "localhost" }.Uri;
        Assert.Contains("\"code\":0", await (await pinned.PostAsync(viaLocalhost + "/login", Login())).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_given_pfx_is_served()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=given.test", key, HashAlgorithmName.SHA256);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(Path.GetTempPath(), "ds-sandbox-test-" + Guid.NewGuid().ToString("N") + ".pfx");
        await File.WriteAllBytesAsync(pfx, made.Export(X509ContentType.Pkcs12, "pw"));
        try
        {
            await using var server = await SandboxServer.StartAsync(new SandboxOptions { Https = true, CertificatePath = pfx, CertificatePassword = "pw" });
            string? seen = null;
            using var http = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => { seen = cert?.Subject; return true; } },
            });
            await http.PostAsync(server.BaseUri + "/login", Login());
            Assert.Equal("CN=given.test", seen);

            await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Https = true, CertificatePath = pfx, CertificatePassword = "wrong" }));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public void Command_line_options()
    {
        var options = CommandLine.Parse(["--https", "--port", "0", "--cert", "/x.pfx", "--cert-password", "p"], out var error);
        Assert.Null(error);
        Assert.True(options!.Https);
        Assert.Equal(("/x.pfx", "p"), (options.CertificatePath, options.CertificatePassword));
        Assert.Null(CommandLine.Parse(["--cert", "/x.pfx"], out error));
        Assert.Equal("--cert and --cert-password need --https", error);
    }

    [Fact]
    public async Task The_executable_prints_the_https_base_uri_first()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DolphinScheduler.Sandbox.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--port", "0", "--https" })
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Matches(new Regex(@"^https://127\.0\.0\.1:\d+/dolphinscheduler$"), firstLine);
            using var lax = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } });
            Assert.Contains("\"code\":0", await (await lax.PostAsync(firstLine + "/login", Login())).Content.ReadAsStringAsync());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static FormUrlEncodedContent Login()
        => new([new("userName", "admin"), new("userPassword", SandboxPair.AdminPassword)]);
}
