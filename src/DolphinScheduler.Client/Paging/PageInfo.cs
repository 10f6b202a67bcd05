using System.Collections.Generic;

namespace DolphinScheduler.Client.Paging
{
    /// <summary>One page of a DS PageInfo (contract §3: pageNo is an offset, currentPage the 1-based page number).</summary>
    internal sealed class PageInfo<T>
    {
        public PageInfo(IReadOnlyList<T> items, int total, int totalPage, int currentPage)
        {
            Items = items;
            Total = total;
            TotalPage = totalPage;
            CurrentPage = currentPage;
        }

        public IReadOnlyList<T> Items { get; }
        public int Total { get; }
        public int TotalPage { get; }
        public int CurrentPage { get; }
    }
}
