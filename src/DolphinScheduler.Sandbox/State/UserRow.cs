namespace DolphinScheduler.Sandbox.State;

/// <summary>t_ds_user. <see cref="State"/> is 1 enabled / 0 disabled; the password is stored as MD5 hex like DS.</summary>
public sealed class UserRow : IRow
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string UserPassword { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public UserType UserType { get; set; }
    public int TenantId { get; set; }
    public int State { get; set; }
    /// <summary>Queue name override; null/empty means "the tenant's queue".</summary>
    public string? Queue { get; set; }
    public string? TimeZone { get; set; }
    public DateTime? CreateTime { get; set; }
    public DateTime? UpdateTime { get; set; }

    public bool IsAdmin => UserType == UserType.ADMIN_USER;
}
