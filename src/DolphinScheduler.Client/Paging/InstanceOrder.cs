using System;
using System.Collections.Generic;

namespace DolphinScheduler.Client.Paging
{
    /// <summary>Orders of instance lists, for merging the lists of several projects.</summary>
    public static class InstanceOrder
    {
        /// <summary>DS's instance list order (ProcessInstanceMapper.xml): start time descending, then end time descending (unset last), then id.</summary>
        public static IComparer<DsInstance> NewestFirst { get; } = new NewestFirstOrder();

        private sealed class NewestFirstOrder : IComparer<DsInstance>
        {
            public int Compare(DsInstance? x, DsInstance? y)
            {
                if (ReferenceEquals(x, y)) return 0;
                if (x == null) return 1;
                if (y == null) return -1;
                var c = Descending(x.StartTime, y.StartTime);
                if (c != 0) return c;
                c = Descending(x.EndTime, y.EndTime);
                return c != 0 ? c : y.Id.CompareTo(x.Id);
            }

            private static int Descending(DateTime? a, DateTime? b) =>
                a == b ? 0 : a == null ? 1 : b == null ? -1 : b.Value.CompareTo(a.Value);
        }
    }
}
