using System;
using System.Management.Automation;
using DolphinScheduler.Client.Paging;

namespace DolphinScheduler.PowerShell.Infrastructure
{
    /// <summary>Base of Get-* cmdlets over paged endpoints: -PageSize plus PowerShell's -First/-Skip (SupportsPaging).</summary>
    public abstract class DsPagedCmdlet : DsCmdlet
    {
        /// <summary>How many items to request per page (1–1000). Larger pages mean fewer round trips.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int PageSize { get; set; } = PageRequest.DefaultPageSize;

        protected PageRequest PageRequest => new()
        {
            PageSize = PageSize,
            Skip = (long)PagingParameters.Skip,
            First = PagingParameters.First == ulong.MaxValue ? null : (long)System.Math.Min(PagingParameters.First, long.MaxValue),
        };

        /// <summary>Every page, -PageSize at a time: for lists filtered here, where -First/-Skip apply to the matches.</summary>
        protected PageRequest AllPages => new() { PageSize = PageSize };

        /// <summary>-Skip and -First over items filtered on the client side.</summary>
        protected System.Collections.Generic.IEnumerable<T> ApplyPaging<T>(System.Collections.Generic.IEnumerable<T> items)
        {
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            foreach (var item in items)
            {
                if (skip > 0) { skip--; continue; }
                if (first == 0) yield break;
                first--;
                yield return item;
            }
        }

        /// <summary>
        /// Streams a paged list; with -IncludeTotalCount the server's total comes first. A list longer than one page
        /// shows a progress bar (count of total), updated once per page and completed at the end.
        /// </summary>
        protected void WritePaged<T>(PagedList<T> list)
        {
            var activityId = Math.Abs(MyInvocation.MyCommand.Name.GetHashCode() % 100000) + 1;
            var activity = MyInvocation.MyCommand.Name;
            string? lastStatus = null;
            long count = 0;
            try
            {
                WriteStream(Items());
            }
            finally
            {
                if (lastStatus != null)
                {
                    // A new record each time: hosts may keep the records they were given.
                    var done = new ProgressRecord(activityId, activity, lastStatus) { RecordType = ProgressRecordType.Completed };
                    try { WriteProgress(done); } catch (PipelineStoppedException) { } catch (InvalidOperationException) { }
                }
            }

            System.Collections.Generic.IEnumerable<object?> Items()
            {
                var totalWritten = !PagingParameters.IncludeTotalCount;
                foreach (var item in list)
                {
                    if (!totalWritten) { totalWritten = true; yield return Total(); }
                    count++;
                    if (count % PageSize == 0 && list.Total is int total && total > PageSize)
                    {
                        lastStatus = count + " of " + total;
                        WriteProgress(new ProgressRecord(activityId, activity, lastStatus) { PercentComplete = (int)Math.Min(100, count * 100 / total) });
                    }
                    yield return item;
                }
                if (!totalWritten) yield return Total();
            }

            PSObject Total() => PagingParameters.NewTotalCount((ulong)(list.Total ?? 0), 1.0);
        }
    }
}
