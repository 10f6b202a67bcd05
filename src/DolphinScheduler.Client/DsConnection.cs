using System;
using DolphinScheduler.Client;

namespace DolphinScheduler
{
    /// <summary>
    /// An open connection to one DolphinScheduler server as one user. Immutable; every object read through it
    /// carries it, so commands given that object go back to the same server.
    /// </summary>
    public sealed class DsConnection
    {
        internal DsConnection(DsClient client, Uri uri, DsUser user, DsServerVersion serverVersion, DsAuthMethod authMethod, string? name)
        {
            Client = client;
            Uri = uri;
            UserName = user.UserName;
            UserId = user.Id;
            UserType = user.UserType;
            TenantCode = user.TenantCode;
            TimeZone = user.TimeZone;
            ServerVersion = serverVersion;
            AuthMethod = authMethod;
            Name = name;
            ConnectedAt = DateTime.UtcNow;
        }

        public Uri Uri { get; }
        public string UserName { get; }
        public int UserId { get; }
        /// <summary>ADMIN_USER or GENERAL_USER.</summary>
        public string UserType { get; }
        public string? TenantCode { get; }
        /// <summary>The user's time zone on the server; dates sent as parameters are expressed in it.</summary>
        public string? TimeZone { get; }
        /// <summary>The API family found (or forced): V3_2, V3_3 or V3_4.</summary>
        public DsServerVersion ServerVersion { get; }
        public DsAuthMethod AuthMethod { get; }
        public string? Name { get; }
        public DateTime ConnectedAt { get; }
        /// <summary>When the access token of a token connection expires, where the server let us read it.</summary>
        public DateTime? TokenExpireTime { get; internal set; }

        internal DsClient Client { get; }

        public bool IsAdmin => UserType == "ADMIN_USER";

        /// <summary>Never includes a token or password.</summary>
        public override string ToString() => UserName + "@" + Uri.GetLeftPart(UriPartial.Path) + " (DS " + DolphinScheduler.Client.Http.DsTransport.DescribeVersion(ServerVersion) + ")";
    }
}
