using System;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>A DS project. Code is the 64-bit identifier every project-scoped endpoint uses.</summary>
    public sealed class DsProject : DsObject
    {
        public long Code { get; private set; }
        public int Id { get; private set; }
        public string Name { get; private set; } = "";
        public string? Description { get; private set; }
        /// <summary>The user who created the project.</summary>
        public string? Owner { get; private set; }
        public int OwnerId { get; private set; }
        /// <summary>
        /// The permission bit mask DS reports on list answers: 1 execute, 2 read, 4 write (7 all). DS reports 7 for every
        /// project a general user lists, whatever the grant (3.2.2 ProjectServiceImpl.queryProjectListPaging).
        /// </summary>
        public int Permission { get; private set; }
        /// <summary>Number of workflow definitions, on list answers.</summary>
        public int WorkflowCount { get; private set; }
        public DateTime? CreateTime { get; private set; }
        public DateTime? UpdateTime { get; private set; }

        internal static DsProject From(WireObject w, DsConnection connection) => new()
        {
            Connection = connection,
            Code = w.Long("code") ?? 0,
            Id = w.Int("id") ?? 0,
            Name = w.String("name") ?? "",
            Description = w.String("description"),
            Owner = w.String("userName"),
            OwnerId = w.Int("userId") ?? 0,
            Permission = w.Int("perm") ?? 0,
            WorkflowCount = w.Int("defCount") ?? 0,
            CreateTime = w.Date("createTime"),
            UpdateTime = w.Date("updateTime"),
        };

        public override string ToString() => Name;
    }
}
