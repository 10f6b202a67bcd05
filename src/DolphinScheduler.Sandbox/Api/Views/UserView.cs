using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>DS <c>User</c> JSON (README §4), field order as the entity declares it.</summary>
[DsEntity("User")]
public sealed record UserView
{
    public int Id { get; init; }
    public string? UserName { get; init; }
    public string? UserPassword { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public UserType UserType { get; init; }
    public int TenantId { get; init; }
    public int State { get; init; }
    public string? TenantCode { get; init; }
    public string? QueueName { get; init; }
    public string? AlertGroup { get; init; }
    public string? Queue { get; init; }
    public string? TimeZone { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }

    /// <summary>
    /// The plain t_ds_user columns (<c>selectById</c>, <c>baseSql</c>): includes the password hash, no joined fields.
    /// Which projection an endpoint returns follows the DS mapper it uses; see UserQueries.
    /// </summary>
    public static UserView Columns(UserRow u, string? tenantCode = null, string? queueName = null, bool password = true, string? timeZone = null)
        => new()
        {
            Id = u.Id,
            UserName = u.UserName,
            UserPassword = password ? u.UserPassword : null,
            Email = u.Email,
            Phone = u.Phone,
            UserType = u.UserType,
            TenantId = u.TenantId,
            State = u.State,
            TenantCode = tenantCode,
            QueueName = queueName,
            Queue = u.Queue,
            TimeZone = timeZone ?? u.TimeZone,
            CreateTime = u.CreateTime,
            UpdateTime = u.UpdateTime,
        };
}
