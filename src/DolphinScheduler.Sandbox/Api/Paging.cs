using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>BaseController.checkPageParams: pageNo/pageSize ≤ 0 → ServiceException 10001 (README §3).</summary>
public static class Paging
{
    public static (int PageNo, int PageSize) Read(DsRequest r)
    {
        var pageNo = r.Int("pageNo");
        var pageSize = r.Int("pageSize");
        if (pageNo <= 0)
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "pageNo");
        if (pageSize <= 0)
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "pageSize");
        return (pageNo, pageSize);
    }

    /// <summary>SQL <c>LIKE concat('%', searchVal, '%')</c> on utf8_bin columns: ordinal substring, empty matches all.</summary>
    public static bool Like(string? value, string? searchVal)
        => string.IsNullOrEmpty(searchVal) || (value is not null && value.Contains(searchVal, StringComparison.Ordinal));
}
