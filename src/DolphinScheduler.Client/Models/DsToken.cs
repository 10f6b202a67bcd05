using System;
using System.Security;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>An access token. The token text is a SecureString and never part of ToString or format views.</summary>
    public sealed class DsToken : DsObject
    {
        public int Id { get; private set; }
        public int UserId { get; private set; }
        public string? UserName { get; private set; }
        public SecureString Token { get; private set; } = new();
        public DateTime? ExpireTime { get; private set; }
        public DateTime? CreateTime { get; private set; }
        public DateTime? UpdateTime { get; private set; }

        /// <summary>True when the token's expiry has passed (DS then answers HTTP 401).</summary>
        public bool IsExpired => ExpireTime is DateTime e && e <= DateTime.UtcNow;

        internal static DsToken From(WireObject w, DsConnection connection, string? userName = null) => new()
        {
            Connection = connection,
            Id = w.Int("id") ?? 0,
            UserId = w.Int("userId") ?? 0,
            UserName = w.String("userName") ?? userName,
            Token = Secrets.ToSecureString(w.String("token") ?? ""),
            ExpireTime = w.Date("expireTime"),
            CreateTime = w.Date("createTime"),
            UpdateTime = w.Date("updateTime"),
        };

        public override string ToString() => "DsToken " + Id + " (user " + (UserName ?? UserId.ToString()) + ", expires " + (ExpireTime?.ToString("u") ?? "?") + ")";
    }
}
