namespace DolphinScheduler.Sandbox.Envelope;

/// <summary>
/// DS <c>PageInfo</c> (3.2+ shape, README §3): <c>pageNo</c> is the row offset, <c>currentPage</c> the page number,
/// <c>totalPage</c> is computed and at least 1.
/// </summary>
public sealed class PageInfo<T>
{
    public IReadOnlyList<T> TotalList { get; init; } = [];
    public int Total { get; init; }
    public int TotalPage => Total % PageSize == 0 ? Math.Max(1, Total / PageSize) : Total / PageSize + 1;
    public int PageSize { get; init; }
    public int CurrentPage { get; init; }
    public int PageNo => (CurrentPage - 1) * PageSize;
}

public static class PageInfo
{
    /// <summary>One page of an already filtered and ordered sequence; pages past the end are empty (MyBatis-Plus default).</summary>
    public static PageInfo<T> Of<T>(IEnumerable<T> rows, int pageNo, int pageSize)
    {
        var all = rows as IReadOnlyList<T> ?? rows.ToList();
        var skip = (long)(pageNo - 1) * pageSize;
        var page = skip >= all.Count ? [] : all.Skip((int)skip).Take(pageSize).ToList();
        return new PageInfo<T> { TotalList = page, Total = all.Count, PageSize = pageSize, CurrentPage = pageNo };
    }

    /// <summary>The empty page DS returns when the caller owns nothing (e.g. queues for a general user).</summary>
    public static PageInfo<T> Empty<T>(int pageNo, int pageSize)
        => new() { TotalList = [], Total = 0, PageSize = pageSize, CurrentPage = pageNo };
}
