using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// The user projections of DS's UserMapper.xml: which columns and joined fields each query returns decides
/// which JSON fields are null (e.g. the password hash is in <c>baseSql</c> lists but not in the paging query).
/// </summary>
public static class UserQueries
{
    /// <summary>queryByUserNameAccurately: all columns + tenant_code (left join).</summary>
    public static UserView WithTenantCode(SandboxStore s, UserRow u)
        => UserView.Columns(u, tenantCode: s.Tenants.Find(u.TenantId)?.TenantCode);

    /// <summary>queryDetailsById: all columns + tenant_code + queue_name (the user's queue, else the tenant's queue name).</summary>
    public static UserView Details(SandboxStore s, UserRow u)
        => UserView.Columns(u, tenantCode: s.Tenants.Find(u.TenantId)?.TenantCode,
            queueName: string.IsNullOrEmpty(u.Queue) ? TenantQueueName(s, u.TenantId) : u.Queue);

    /// <summary>
    /// queryUserPaging: no password/time_zone; <c>queue</c> = the user's queue when non-empty else the tenant's
    /// queue name; <c>queueName</c> = the tenant's queue name.
    /// </summary>
    public static UserView PagingRow(SandboxStore s, UserRow u)
    {
        var tenantQueue = TenantQueueName(s, u.TenantId);
        return new UserView
        {
            Id = u.Id,
            UserName = u.UserName,
            Email = u.Email,
            Phone = u.Phone,
            UserType = u.UserType,
            TenantId = u.TenantId,
            State = u.State,
            TenantCode = s.Tenants.Find(u.TenantId)?.TenantCode,
            QueueName = tenantQueue,
            Queue = string.IsNullOrEmpty(u.Queue) ? tenantQueue : u.Queue,
            CreateTime = u.CreateTime,
            UpdateTime = u.UpdateTime,
        };
    }

    private static string? TenantQueueName(SandboxStore s, int tenantId)
        => s.Tenants.Find(tenantId) is { } t ? s.Queues.Find(t.QueueId)?.QueueName : null;
}
