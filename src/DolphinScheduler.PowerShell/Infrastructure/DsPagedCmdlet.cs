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

        /// <summary>Streams a paged list; with -IncludeTotalCount the server's total comes first.</summary>
        protected void WritePaged<T>(PagedList<T> list)
        {
            if (!PagingParameters.IncludeTotalCount)
            {
                WriteStream(list);
                return;
            }
            var totalWritten = false;
            WriteStream(WithTotal());

            System.Collections.Generic.IEnumerable<object?> WithTotal()
            {
                foreach (var item in list)
                {
                    if (!totalWritten) { totalWritten = true; yield return Total(); }
                    yield return item;
                }
                if (!totalWritten) yield return Total();
            }

            PSObject Total() => PagingParameters.NewTotalCount((ulong)(list.Total ?? 0), 1.0);
        }
    }
}
