using System.Net;

namespace DolphinScheduler.Sandbox.Hosting;

/// <summary>Turns <c>--bind</c> into an IP to listen on and a host name clients on this machine can use.</summary>
internal static class BindAddress
{
    public static IPAddress Parse(string text)
    {
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
            return IPAddress.Loopback;
        if (string.Equals(text, "*", StringComparison.Ordinal))
            return IPAddress.Any;
        return IPAddress.TryParse(text.Trim('[', ']'), out var ip)
            ? ip
            : throw new ArgumentException($"--bind expects an IP address or 'localhost', got '{text}'");
    }

    public static bool IsLoopback(IPAddress ip) => IPAddress.IsLoopback(ip);

    /// <summary>The host part of the printed base URI: wildcard binds are reached through loopback.</summary>
    public static string UriHost(IPAddress ip)
    {
        if (ip.Equals(IPAddress.Any))
            return "127.0.0.1";
        if (ip.Equals(IPAddress.IPv6Any))
            return "[::1]";
        return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
    }
}
