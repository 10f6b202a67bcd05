using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>DS <c>AccessToken</c> JSON (README §4); <c>userName</c> is only joined in the paging list.</summary>
[DsEntity("AccessToken")]
public sealed class AccessTokenView
{
    public int Id { get; init; }
    public int UserId { get; init; }
    public string? Token { get; init; }
    public DateTime? ExpireTime { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public string? UserName { get; init; }

    public static AccessTokenView From(AccessTokenRow t, string? userName = null) => new()
    {
        Id = t.Id,
        UserId = t.UserId,
        Token = t.Token,
        ExpireTime = t.ExpireTime,
        CreateTime = t.CreateTime,
        UpdateTime = t.UpdateTime,
        UserName = userName,
    };
}
