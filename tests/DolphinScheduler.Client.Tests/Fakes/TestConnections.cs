using DolphinScheduler.Client.Auth;

namespace DolphinScheduler.Client.Tests.Fakes;

public static class TestConnections
{
    public const string Token = "0123456789abcdef0123456789abcdef";

    public static async Task<DsClient> ConnectAsync(FakeDsServer server, DsServerVersion version = DsServerVersion.Auto, bool password = false, int maxAttempts = 3, TimeSpan? timeout = null)
    {
        var options = new DsConnectOptions
        {
            BaseUri = FakeDsServer.BaseUri,
            ServerVersion = version,
            MaxAttempts = maxAttempts,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        if (password)
        {
            options.UserName = "admin";
            options.Password = Secrets.ToSecureString("dolphinscheduler123");
        }
        else options.Token = Secrets.ToSecureString(Token);
        var client = await DsClient.ConnectAsync(options, server, CancellationToken.None);
        server.ConnectRequestCount = server.Requests.Count;
        return client;
    }
}
