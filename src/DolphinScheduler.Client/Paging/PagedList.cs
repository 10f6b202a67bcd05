using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Paging
{
    /// <summary>
    /// A lazy stream over a paged DS list. Pages are fetched on demand, and the next page is requested while the
    /// consumer is still working through the current one, so a pipeline never waits for a whole list. Skip starts at
    /// the right page instead of fetching the skipped ones. Enumerating blocks the caller's thread on each page.
    /// </summary>
    public sealed class PagedList<T> : IEnumerable<T>
    {
        private readonly Func<int, int, CancellationToken, Task<PageInfo<T>>> _fetch;
        private readonly PageRequest _request;
        private readonly CancellationToken _cancellationToken;

        internal PagedList(Func<int, int, CancellationToken, Task<PageInfo<T>>> fetch, PageRequest request, CancellationToken cancellationToken)
        {
            _fetch = fetch;
            _request = request;
            _cancellationToken = cancellationToken;
        }

        private Task<PageInfo<T>>? _started;

        /// <summary>The server's total count, known after the first page has arrived.</summary>
        public int? Total { get; private set; }

        /// <summary>
        /// Requests the first page now rather than when enumeration begins, so its round trip overlaps whatever the
        /// caller does first (a cmdlet resolving the project the list belongs to). The next enumeration uses it.
        /// </summary>
        public PagedList<T> Start()
        {
            if (_started == null && (_request.First ?? long.MaxValue) > 0)
            {
                var pageSize = Math.Max(1, _request.PageSize);
                _started = _fetch((int)(_request.Skip / pageSize) + 1, pageSize, _cancellationToken);
                // Never enumerated (the caller failed first): the page's failure must not surface as unobserved.
                _started.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            return this;
        }

        public IEnumerator<T> GetEnumerator()
        {
            var pageSize = Math.Max(1, _request.PageSize);
            var pageNo = (int)(_request.Skip / pageSize) + 1;
            var skipInPage = (int)(_request.Skip % pageSize);
            var remaining = _request.First ?? long.MaxValue;
            if (remaining <= 0) yield break;

            var pending = _started ?? _fetch(pageNo, pageSize, _cancellationToken);
            _started = null;
            while (pending != null)
            {
                var page = pending.GetAwaiter().GetResult();
                Total = page.Total;
                pending = null;
                var hasMore = page.CurrentPage < page.TotalPage && page.Items.Count > 0;
                var itemsWanted = remaining - Math.Max(0, page.Items.Count - skipInPage);
                if (hasMore && itemsWanted > 0)
                {
                    pageNo++;
                    pending = _fetch(pageNo, pageSize, _cancellationToken);
                    // A prefetch abandoned by a consumer that stopped early must not surface as an unobserved exception.
                    pending.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }
                for (var i = skipInPage; i < page.Items.Count; i++)
                {
                    yield return page.Items[i];
                    if (--remaining <= 0) yield break;
                }
                skipInPage = 0;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
