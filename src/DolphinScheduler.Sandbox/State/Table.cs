namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// An auto-increment table ordered by id. Not synchronized itself: every access happens under
/// <see cref="SandboxStore.Gate"/> (handlers run inside it, see Contract/DsEndpointExecutor).
/// </summary>
public sealed class Table<T> where T : class, IRow
{
    private readonly SortedDictionary<int, T> rows = new();
    private int nextId = 1;

    public int Count => rows.Count;

    /// <summary>Rows in id order (the order DS's un-ordered SELECTs return on MySQL).</summary>
    public IEnumerable<T> All => rows.Values;

    public T Insert(T row)
    {
        row.Id = nextId++;
        rows.Add(row.Id, row);
        return row;
    }

    /// <summary>For bootstrap rows with fixed ids (tenant -1, queue 1, admin 1).</summary>
    public T InsertWithId(T row)
    {
        rows.Add(row.Id, row);
        nextId = Math.Max(nextId, row.Id + 1);
        return row;
    }

    public T? Find(int id) => rows.GetValueOrDefault(id);

    public bool Remove(int id) => rows.Remove(id);

    public int RemoveWhere(Func<T, bool> predicate)
    {
        var ids = rows.Values.Where(predicate).Select(r => r.Id).ToList();
        foreach (var id in ids)
            rows.Remove(id);
        return ids.Count;
    }
}
