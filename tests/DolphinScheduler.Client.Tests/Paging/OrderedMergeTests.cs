using DolphinScheduler.Client.Paging;
using Xunit;

namespace DolphinScheduler.Client.Tests.Paging;

public class OrderedMergeTests
{
    private sealed class Source : IEnumerable<int>
    {
        private readonly int[] _items;
        public Source(params int[] items) { _items = items; }
        public int Read { get; private set; }
        public bool Disposed { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                foreach (var i in _items) { Read++; yield return i; }
            }
            finally { Disposed = true; }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static readonly IComparer<int> Descending = Comparer<int>.Create((a, b) => b.CompareTo(a));

    [Fact]
    public void Merges_sorted_sources_into_one_sorted_stream()
    {
        var merged = OrderedMerge.Merge(new[] { new Source(9, 4, 1), new Source(), new Source(8, 7, 2), new Source(5) }, Descending).ToList();
        Assert.Equal(new[] { 9, 8, 7, 5, 4, 2, 1 }, merged);
    }

    [Fact]
    public void Equal_items_keep_the_order_of_their_sources()
    {
        var sources = new[] { new[] { (3, "a"), (1, "a") }, new[] { (3, "b"), (1, "b") } };
        var order = Comparer<(int N, string S)>.Create((x, y) => y.N.CompareTo(x.N));
        var merged = OrderedMerge.Merge(sources, order).Select(x => x.Item2 + x.Item1).ToList();
        Assert.Equal(new[] { "a3", "b3", "a1", "b1" }, merged);
    }

    [Fact]
    public void Reads_only_what_the_consumer_takes_and_one_head_per_source_and_disposes_them()
    {
        var a = new Source(10, 9, 8, 7, 6);
        var b = new Source(5, 4, 3);
        var firstTwo = OrderedMerge.Merge(new[] { a, b }, Descending).Take(2).ToList();
        Assert.Equal(new[] { 10, 9 }, firstTwo);
        Assert.Equal(2, a.Read);   // 10 and 9: the next is read only when asked for
        Assert.Equal(1, b.Read);   // only its head
        Assert.True(a.Disposed);
        Assert.True(b.Disposed);
    }

    [Fact]
    public void Starts_sources_a_few_ahead_of_reading_them()
    {
        var sources = Enumerable.Range(0, 6).Select(i => new Source(i)).ToArray();
        var started = new List<(int Started, int ReadBefore)>();
        var merged = OrderedMerge.Merge(sources, Descending, i => started.Add((i, sources.Count(s => s.Read > 0))), lookahead: 2).ToList();
        Assert.Equal(new[] { 5, 4, 3, 2, 1, 0 }, merged);
        Assert.Equal(Enumerable.Range(0, 6), started.Select(s => s.Started));
        // Source i + 2 is started when source i is about to be read: never more than two ahead.
        Assert.All(started, s => Assert.True(s.Started - s.ReadBefore <= 2, $"source {s.Started} started with {s.ReadBefore} read"));
    }

    [Fact]
    public void Nothing_is_read_until_enumerated()
    {
        var a = new Source(1);
        var calls = 0;
        var merged = OrderedMerge.Merge(new[] { a }, Descending, _ => calls++);
        Assert.Equal(0, a.Read);
        Assert.Equal(0, calls);
        Assert.Single(merged);
    }
}
