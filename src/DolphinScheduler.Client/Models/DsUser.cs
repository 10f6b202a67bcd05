using System;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>A DS user. The password is never part of it (DS echoes a hash on create; it is dropped).</summary>
    public sealed class DsUser : DsObject
    {
        public int Id { get; private set; }
        public string UserName { get; private set; } = "";
        public string? Email { get; private set; }
        public string? Phone { get; private set; }
        /// <summary>ADMIN_USER or GENERAL_USER.</summary>
        public string UserType { get; private set; } = "";
        public int TenantId { get; private set; }
        public string? TenantCode { get; private set; }
        /// <summary>The queue the user's runs use: the user's own queue, else the tenant's (DS reports it so).</summary>
        public string? Queue { get; private set; }
        /// <summary>The tenant's queue name.</summary>
        public string? TenantQueue { get; private set; }

        /// <summary>
        /// The user's own queue, "" when the tenant's applies. DS lists <c>queue</c> as the user's queue falling back to
        /// the tenant's (3.2.2 UserMapper.xml), and update sets exactly what it is sent, so updates send this back.
        /// </summary>
        internal string OwnQueue => string.IsNullOrEmpty(Queue) || Queue == TenantQueue ? "" : Queue!;
        public bool Enabled { get; private set; }
        public string? TimeZone { get; private set; }
        public DateTime? CreateTime { get; private set; }
        public DateTime? UpdateTime { get; private set; }

        public bool IsAdmin => UserType == "ADMIN_USER";

        internal static DsUser From(WireObject w, DsConnection connection) => new()
        {
            Connection = connection,
            Id = w.Int("id") ?? 0,
            UserName = w.String("userName") ?? "",
            Email = w.String("email"),
            Phone = w.String("phone"),
            UserType = w.String("userType") ?? "",
            TenantId = w.Int("tenantId") ?? 0,
            TenantCode = w.String("tenantCode"),
            Queue = w.String("queue"),
            TenantQueue = w.String("queueName"),
            Enabled = (w.Int("state") ?? 1) == 1,
            TimeZone = w.String("timeZone"),
            CreateTime = w.Date("createTime"),
            UpdateTime = w.Date("updateTime"),
        };

        public override string ToString() => UserName;
    }
}
