using DolphinScheduler.Sandbox.Flavors;

namespace DolphinScheduler.Sandbox.Api.Views;

// Resource JSON differs in shape, not just names, between 3.2.2 and 3.3+, so each flavour has its own classes.
// Property order follows Jackson: Lombok's boolean "isX" fields serialize through their getter as "x" and land
// after the field-backed properties (README §4: "directory", "dirctory").

/// <summary>3.2.2 <c>StorageEntity</c> (paged list, query-file-name).</summary>
[DsEntity("StorageEntity")]
public sealed class StorageEntityView
{
    public int Id { get; init; }
    public string? FullName { get; init; }
    public string? FileName { get; init; }
    public string? Alias { get; init; }
    public string? PfullName { get; init; }
    public int UserId { get; init; }
    public string? UserName { get; init; }
    public string? Type { get; init; }
    public long Size { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public bool Directory { get; init; }
}

/// <summary>3.3+ <c>ResourceItemVO</c> (paged list): <c>userName</c> is never set.</summary>
[DsEntity("ResourceItemVO")]
public sealed class ResourceItemView
{
    public string? Alias { get; init; }
    public string? UserName { get; init; }
    public string? FileName { get; init; }
    public string? FullName { get; init; }
    public string? Type { get; init; }
    public long Size { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public bool Directory { get; init; }
}

/// <summary>3.3+ <c>ResourceComponent</c> (tree): <c>dirctory</c> sic.</summary>
[DsEntity("ResourceComponent")]
public sealed class ResourceComponentView
{
    public string? Name { get; init; }
    public string? CurrentDir { get; init; }
    public string? FullName { get; init; }
    public string? Description { get; init; }
    public string? Type { get; init; }
    public List<ResourceComponentView> Children { get; init; } = [];
    public bool Dirctory { get; init; }
}

/// <summary>3.2.2 <c>ResourceComponent</c>: also id (always 0), pid (the parent path) and idValue; order from its @JsonPropertyOrder.</summary>
[DsEntity("ResourceComponent32")]
public sealed class ResourceComponent32View
{
    public int Id { get; init; }
    public string? Pid { get; init; }
    public string? Name { get; init; }
    public string? FullName { get; init; }
    public string? Description { get; init; }
    public List<ResourceComponent32View> Children { get; init; } = [];
    public string? Type { get; init; }
    public string? CurrentDir { get; init; }
    public string? IdValue { get; init; }
    public bool Dirctory { get; init; }
}

/// <summary>
/// The page 3.3+'s GET /resources builds with Lombok's <c>PageInfo.builder()</c>: <c>currentPage</c> stays null and
/// <c>pageNo</c> is the page number (not the row offset other paging endpoints put there).
/// </summary>
public sealed class ResourceItemPage
{
    public IReadOnlyList<ResourceItemView> TotalList { get; init; } = [];
    public int Total { get; init; }
    public int TotalPage => Total % PageSize == 0 ? Math.Max(1, Total / PageSize) : Total / PageSize + 1;
    public int PageSize { get; init; }
    public int? CurrentPage { get; init; }
    public int PageNo { get; init; }
}

/// <summary>3.2.2 view answer: a HashMap, so "alias" (the fullName) iterates before "content".</summary>
public sealed class ResourceContent32View
{
    public string? Alias { get; init; }
    public string? Content { get; init; }
}

/// <summary>3.3+ <c>FetchFileContentResponse</c>.</summary>
public sealed class ResourceContentView
{
    public string? Content { get; init; }
}
