using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /queues (README §6 "Queues", QueueServiceImpl). Writes are admin-only; errors are thrown (HTTP 200 even on the
/// CREATED create/update). General users list only the default queue (id 1) and page through nothing.
/// </summary>
public static class QueuesApi
{
    private const int DefaultQueueId = 1;

    public static IEndpointRouteBuilder MapQueues(this IEndpointRouteBuilder app)
    {
        app.MapDs("GET", "/queues/list", List);
        app.MapDs("GET", "/queues", ListPaging);
        app.MapDs("POST", "/queues", Create);
        app.MapDs("PUT", "/queues/{id}", Update);
        app.MapDs("DELETE", "/queues/{id}", Delete);
        app.MapDs("POST", "/queues/verify", Verify);
        return app;
    }

    private static DsResult List(DsRequest r)
    {
        var queues = r.Store.Queues.All.Where(q => r.User.IsAdmin || q.Id == DefaultQueueId);
        return DsResult.Ok(queues.Select(QueueView.From).ToList());
    }

    private static DsResult ListPaging(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        if (!r.User.IsAdmin)
            return DsResult.Ok(PageInfo.Empty<QueueView>(pageNo, pageSize));
        var rows = r.Store.Queues.All
            .Where(q => Paging.Like(q.QueueName, r.Str("searchVal")))
            .OrderByDescending(q => q.UpdateTime ?? DateTime.MinValue).ThenByDescending(q => q.Id)
            .Select(QueueView.From);
        return DsResult.Ok(PageInfo.Of(rows, pageNo, pageSize));
    }

    private static DsResult Create(DsRequest r)
    {
        RequireAdmin(r);
        var queue = r.Str("queue")!;
        var queueName = r.Str("queueName")!;
        Validate(r.Store, queue, queueName);
        var now = r.Now;
        var row = r.Store.Queues.Insert(new QueueRow { Queue = queue, QueueName = queueName, CreateTime = now, UpdateTime = now });
        return DsResult.Ok(QueueView.From(row));
    }

    private static DsResult Update(DsRequest r)
    {
        RequireAdmin(r);
        var s = r.Store;
        var id = r.Int("id");
        var queue = r.Str("queue")!;
        var queueName = r.Str("queueName")!;
        var existing = s.Queues.Find(id) ?? throw new DsServiceException(DsStatuses.QueueNotExist, queue);
        if (existing.Queue == queue && existing.QueueName == queueName)
            throw new DsServiceException(DsStatuses.NeedNotUpdateQueue);
        if (string.IsNullOrEmpty(queue))
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "queue");
        if (string.IsNullOrEmpty(queueName))
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "queueName");
        if (queue != existing.Queue && s.Queues.All.Any(q => q.Queue == queue))
            throw new DsServiceException(DsStatuses.QueueValueExist, queue);
        if (queueName != existing.QueueName && s.Queues.All.Any(q => q.QueueName == queueName))
            throw new DsServiceException(DsStatuses.QueueNameExist, queueName);

        // Users referring to the old queue name follow the rename (UserMapper.updateUserQueue).
        foreach (var user in s.Users.All.Where(u => u.Queue == existing.QueueName))
            user.Queue = queueName;
        var now = r.Now;
        existing.Queue = queue;
        existing.QueueName = queueName;
        existing.CreateTime = now; // DS writes a fresh Queue object: its create time is overwritten too
        existing.UpdateTime = now;
        return DsResult.Ok(QueueView.From(existing));
    }

    private static DsResult Delete(DsRequest r)
    {
        RequireAdmin(r);
        var s = r.Store;
        var id = r.Int("id");
        var queue = s.Queues.Find(id) ?? throw new DsServiceException(DsStatuses.QueueNotExist);
        var tenants = s.Tenants.All.Count(t => t.QueueId == id);
        if (tenants > 0)
            throw new DsServiceException(DsStatuses.DeleteTenantByIdFailTenants, tenants);
        var users = s.Users.All.Count(u => u.Queue == queue.QueueName);
        if (users > 0)
            throw new DsServiceException(DsStatuses.DeleteQueueByIdFailUsers, users);
        s.Queues.Remove(id);
        return DsResult.Ok(true);
    }

    private static DsResult Verify(DsRequest r)
    {
        Validate(r.Store, r.Str("queue")!, r.Str("queueName")!);
        return DsResult.Ok(true);
    }

    private static void Validate(SandboxStore s, string queue, string queueName)
    {
        if (string.IsNullOrEmpty(queue))
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "queue");
        if (string.IsNullOrEmpty(queueName))
            throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "queueName");
        if (s.Queues.All.Any(q => q.Queue == queue))
            throw new DsServiceException(DsStatuses.QueueValueExist, queue);
        if (s.Queues.All.Any(q => q.QueueName == queueName))
            throw new DsServiceException(DsStatuses.QueueNameExist, queueName);
    }

    private static void RequireAdmin(DsRequest r)
    {
        if (!r.User.IsAdmin)
            throw new DsServiceException(DsStatuses.UserNoOperationPerm);
    }
}
