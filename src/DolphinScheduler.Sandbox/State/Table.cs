namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// An auto-increment table ordered by id. Not synchronized itself: every access happens under
/// <see cref="SandboxStore.Gate"/> (handlers run inside it, see Contract/DsEndpointExecutor).
/// Rows are kept in a list in id order (new ids are always the largest, so inserts append) next to an id index:
/// list endpoints enumerate whole tables on every page request, and a list is several times faster to walk than a
/// tree (docs/performance.md).
/// </summary>
public sealed class Table<T> where T : class, IRow
{
    private readonly List<T> ordered = new();
    private readonly Dictionary<int, T> byId = new();
    private int nextId = 1;

    public int Count => ordered.Count;

    /// <summary>Rows in id order (the order DS's un-ordered SELECTs return on MySQL).</summary>
    public IEnumerable<T> All => ordered;

    public T Insert(T row)
    {
        row.Id = nextId++;
        byId.Add(row.Id, row);
        ordered.Add(row);
        return row;
    }

    /// <summary>For bootstrap rows with fixed ids (tenant -1, queue 1, admin 1).</summary>
    public T InsertWithId(T row)
    {
        byId.Add(row.Id, row);
        var index = IndexOf(row.Id);
        ordered.Insert(~index, row);
        nextId = Math.Max(nextId, row.Id + 1);
        return row;
    }

    public T? Find(int id) => byId.GetValueOrDefault(id);

    public bool Remove(int id)
    {
        if (!byId.Remove(id))
            return false;
        ordered.RemoveAt(IndexOf(id));
        return true;
    }

    public int RemoveWhere(Func<T, bool> predicate)
    {
        // The predicate sees the whole table, as before any removal.
        var doomed = new HashSet<int>();
        foreach (var row in ordered)
        {
            if (predicate(row))
                doomed.Add(row.Id);
        }
        if (doomed.Count == 0)
            return 0;
        ordered.RemoveAll(row => doomed.Contains(row.Id));
        foreach (var id in doomed)
            byId.Remove(id);
        return doomed.Count;
    }

    /// <summary>The position of <paramref name="id"/> in the list, or the bitwise complement of where it would go.</summary>
    private int IndexOf(int id)
    {
        int lo = 0, hi = ordered.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = ordered[mid].Id.CompareTo(id);
            if (c == 0)
                return mid;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return ~lo;
    }
}
