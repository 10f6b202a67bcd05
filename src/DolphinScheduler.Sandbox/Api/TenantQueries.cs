using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>TenantMapper projections that matter for behaviour.</summary>
public static class TenantQueries
{
    /// <summary>
    /// TenantMapper.queryById inner-joins t_ds_queue: a tenant whose queue was deleted is "not found" for update,
    /// delete and user creation (queueId is not validated when tenants are written).
    /// </summary>
    public static (TenantRow Tenant, QueueRow Queue)? ById(SandboxStore s, int id)
        => s.Tenants.Find(id) is { } t && s.Queues.Find(t.QueueId) is { } q ? (t, q) : null;
}
