using System;
using System.Collections.Generic;

namespace DolphinScheduler.Client.Paging
{
    /// <summary>
    /// Merges lists that are each already in the same order (DS sorts every project's instance list newest first)
    /// into one list in that order, lazily: an item is read from a source only when it may be the next one out.
    /// </summary>
    public static class OrderedMerge
    {
        /// <summary>
        /// The merged stream. Before the first item can come out, every source's first item is needed; <paramref name="start"/>
        /// is called on source i + <paramref name="lookahead"/> when source i is first read, so at most that many
        /// sources are being fetched ahead at once (a server with hundreds of projects is not asked for all at once).
        /// </summary>
        public static IEnumerable<T> Merge<T>(IReadOnlyList<IEnumerable<T>> sources, IComparer<T> order, Action<int>? start = null, int lookahead = 4)
        {
            if (sources == null) throw new ArgumentNullException(nameof(sources));
            if (order == null) throw new ArgumentNullException(nameof(order));
            return MergeIterator(sources, order, start, Math.Max(0, lookahead));
        }

        private static IEnumerable<T> MergeIterator<T>(IReadOnlyList<IEnumerable<T>> sources, IComparer<T> order, Action<int>? start, int lookahead)
        {
            var heads = new List<(T Item, int Source, IEnumerator<T> Remaining)>(sources.Count);
            var open = new List<IEnumerator<T>>(sources.Count);
            try
            {
                for (var i = 0; i < Math.Min(lookahead, sources.Count); i++) start?.Invoke(i);
                for (var i = 0; i < sources.Count; i++)
                {
                    if (i + lookahead < sources.Count) start?.Invoke(i + lookahead);
                    var e = sources[i].GetEnumerator();
                    open.Add(e);
                    if (e.MoveNext()) heads.Add((e.Current, i, e));
                }
                while (heads.Count > 0)
                {
                    // Few sources (projects), so a linear scan for the next item is cheaper than keeping a heap.
                    var best = 0;
                    for (var k = 1; k < heads.Count; k++)
                    {
                        var c = order.Compare(heads[k].Item, heads[best].Item);
                        if (c < 0 || (c == 0 && heads[k].Source < heads[best].Source)) best = k;
                    }
                    var (item, source, remaining) = heads[best];
                    yield return item;
                    if (remaining.MoveNext()) heads[best] = (remaining.Current, source, remaining);
                    else heads.RemoveAt(best);
                }
            }
            finally
            {
                foreach (var e in open) e.Dispose();
            }
        }
    }
}
