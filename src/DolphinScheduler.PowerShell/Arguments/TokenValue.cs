using System.Management.Automation;
using System.Security;
using DolphinScheduler.Client.Auth;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>A -Token value: a SecureString, a string or a DsToken, as a SecureString. Null with a reason when unusable.</summary>
    internal static class TokenValue
    {
        public static SecureString? From(object? value, out string? problem)
        {
            problem = null;
            var raw = value is PSObject ps ? ps.BaseObject : value;
            switch (raw)
            {
                case SecureString secure when secure.Length > 0:
                    return secure;
                case string text when !string.IsNullOrWhiteSpace(text):
                    return Secrets.ToSecureString(text.Trim());
                case DsToken token when token.Token.Length > 0:
                    if (!token.IsExpired) return token.Token;
                    problem = "the DsToken expired on " + token.ExpireTime?.ToString("u") + ".";
                    return null;
            }
            problem = "must be a non-empty SecureString, string or DsToken.";
            return null;
        }
    }
}
