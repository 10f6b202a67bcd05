using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /tenants (README §6 "Tenants", TenantServiceImpl). Writes are admin-only; every error is a thrown
/// ServiceException, so a duplicate create answers HTTP 200 with 10009 (not 201). Everyone may list tenants.
/// </summary>
public static class TenantsApi
{
    /// <summary>Constants.TENANT_FULL_NAME_MAX_LENGTH.</summary>
    private const int MaxCodeLength = 30;

    public static IEndpointRouteBuilder MapTenants(this IEndpointRouteBuilder app)
    {
        app.MapDs("POST", "/tenants", Create);
        app.MapDs("GET", "/tenants", ListPaging);
        app.MapDs("GET", "/tenants/list", List);
        app.MapDs("PUT", "/tenants/{id}", Update);
        app.MapDs("DELETE", "/tenants/{id}", Delete);
        app.MapDs("GET", "/tenants/verify-code", VerifyCode);
        return app;
    }

    private static DsResult Create(DsRequest r)
    {
        RequireAdmin(r);
        var description = r.Str("description");
        if (CheckUtils.DescriptionTooLong(description))
            throw new DsServiceException(DsStatuses.DescriptionTooLongError);
        var code = r.Str("tenantCode")!;
        ValidateCode(code);
        if (r.Store.Tenants.All.Any(t => t.TenantCode == code))
            throw new DsServiceException(DsStatuses.OsTenantCodeExist, code);
        var now = r.Now;
        var row = r.Store.Tenants.Insert(new TenantRow
        {
            TenantCode = code, Description = description, QueueId = r.Int("queueId"), CreateTime = now, UpdateTime = now,
        });
        return DsResult.Ok(TenantView.From(row)); // the inserted object: queueName/queue not joined
    }

    // queryTenantPaging inner-joins the queue (tenants with a missing queue drop out) and selects queue_name only.
    private static DsResult ListPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var rows = s.Tenants.All
            .Select(t => (Tenant: t, Queue: s.Queues.Find(t.QueueId)))
            .Where(x => x.Queue is not null && Paging.Like(x.Tenant.TenantCode, r.Str("searchVal")))
            .OrderByDescending(x => x.Tenant.UpdateTime).ThenByDescending(x => x.Tenant.Id)
            .Select(x => TenantView.From(x.Tenant, queueName: x.Queue!.QueueName));
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    private static DsResult List(DsRequest r)
        => DsResult.Ok(r.Store.Tenants.All.Select(t => TenantView.From(t)).ToList());

    private static DsResult Update(DsRequest r)
    {
        RequireAdmin(r);
        var description = r.Str("description");
        if (CheckUtils.DescriptionTooLong(description))
            throw new DsServiceException(DsStatuses.DescriptionTooLongError);
        var s = r.Store;
        var id = r.Int("id");
        var existing = TenantQueries.ById(s, id)?.Tenant ?? throw new DsServiceException(DsStatuses.TenantNotExist);
        var code = r.Str("tenantCode")!;
        ValidateCode(code);
        if (code != existing.TenantCode && s.Tenants.All.Any(t => t.TenantCode == code))
            throw new DsServiceException(DsStatuses.OsTenantCodeExist, code);
        existing.TenantCode = code;
        existing.Description = description;
        existing.QueueId = r.Int("queueId");
        existing.UpdateTime = r.Now;
        return DsResult.Ok(true);
    }

    private static DsResult Delete(DsRequest r)
    {
        RequireAdmin(r);
        var s = r.Store;
        var id = r.Int("id");
        var tenant = TenantQueries.ById(s, id)?.Tenant ?? throw new DsServiceException(DsStatuses.TenantNotExist);
        var running = s.Hooks.CountUnfinishedInstancesOfTenant(tenant.TenantCode);
        if (running > 0)
            throw new DsServiceException(DsStatuses.DeleteTenantByIdFail, running);
        var schedules = s.Hooks.CountSchedulesOfTenant(tenant.TenantCode);
        if (schedules > 0)
            throw new DsServiceException(DsStatuses.DeleteTenantByIdFailDefines, schedules);
        var users = s.Users.All.Count(u => u.TenantId == id);
        if (users > 0)
            throw new DsServiceException(DsStatuses.DeleteTenantByIdFailUsers, users);
        s.Tenants.Remove(id);
        return DsResult.Ok(true);
    }

    private static DsResult VerifyCode(DsRequest r)
    {
        var code = r.Str("tenantCode")!;
        if (r.Store.Tenants.All.Any(t => t.TenantCode == code))
            throw new DsServiceException(DsStatuses.OsTenantCodeExist, code);
        return DsResult.Ok(true);
    }

    /// <summary>createTenantValid/updateTenantValid order: empty → 10001, too long → 1300016, not a Linux name → 10164.</summary>
    private static void ValidateCode(string code)
    {
        if (string.IsNullOrEmpty(code))
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, code);
        if (code.Length > MaxCodeLength)
            throw new DsServiceException(DsStatuses.TenantFullNameTooLongError);
        if (!CheckUtils.LinuxUserName(code))
            throw new DsServiceException(DsStatuses.CheckOsTenantCodeError);
    }

    private static void RequireAdmin(DsRequest r)
    {
        if (!r.User.IsAdmin)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
    }
}
