using System;
using System.Security;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client
{
    /// <summary>Everything needed to open a connection. Exactly one of Token or UserName+Password.</summary>
    public sealed class DsConnectOptions
    {
        /// <summary>The API base, e.g. http://host:12345/dolphinscheduler.</summary>
        public Uri BaseUri { get; set; } = null!;
        public SecureString? Token { get; set; }
        public string? UserName { get; set; }
        public SecureString? Password { get; set; }
        public DsServerVersion ServerVersion { get; set; } = DsServerVersion.Auto;
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
        public bool SkipCertificateCheck { get; set; }
        public int MaxAttempts { get; set; } = 3;
        /// <summary>A name for the connection (saved connections, display).</summary>
        public string? Name { get; set; }
        public IDsLog? Log { get; set; }
    }
}
