using System;

namespace DolphinScheduler
{
    /// <summary>A connection kept for the current user (Save-DsConnection); the token itself is never part of this object.</summary>
    public sealed class DsSavedConnection
    {
        internal DsSavedConnection(string name, Uri uri, DsServerVersion serverVersion, bool skipCertificateCheck, int timeoutSec, string protection, string path, DateTime savedAt)
        {
            Name = name;
            Uri = uri;
            ServerVersion = serverVersion;
            SkipCertificateCheck = skipCertificateCheck;
            TimeoutSec = timeoutSec;
            Protection = protection;
            Path = path;
            SavedAt = savedAt;
        }

        public string Name { get; }
        public Uri Uri { get; }
        public DsServerVersion ServerVersion { get; }
        public bool SkipCertificateCheck { get; }
        public int TimeoutSec { get; }
        /// <summary>How the token is protected at rest: "DPAPI (current user)" on Windows, "file readable only by the current user" elsewhere.</summary>
        public string Protection { get; }
        /// <summary>The file that holds it.</summary>
        public string Path { get; }
        public DateTime SavedAt { get; }

        public override string ToString() => Name + " (" + Uri + ")";
    }
}
