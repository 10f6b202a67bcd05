using DolphinScheduler.Sandbox.Auth;

namespace DolphinScheduler.Sandbox.State;

/// <summary>The rows DS's SQL init scripts insert (README §2): admin, tenant -1 "default", queue 1 "default".</summary>
public static class Bootstrap
{
    public const string AdminName = "admin";
    public const string AdminPassword = "dolphinscheduler123";

    public static void Seed(SandboxStore store)
    {
        var now = store.Now;
        lock (store.Gate)
        {
            // The init script inserts the queue without create/update times.
            store.Queues.InsertWithId(new QueueRow { Id = 1, QueueName = "default", Queue = "default" });
            store.Tenants.InsertWithId(new TenantRow
            {
                Id = -1, TenantCode = "default", Description = "default tenant", QueueId = 1, CreateTime = now, UpdateTime = now,
            });
            store.Users.InsertWithId(new UserRow
            {
                Id = 1,
                UserName = AdminName,
                UserPassword = Md5.Hex(AdminPassword), // 7ad2410b2f4c074479a8937a28a22b8f
                UserType = UserType.ADMIN_USER,
                Email = "xxx@qq.com",
                Phone = "",
                TenantId = -1,
                State = 1,
                CreateTime = now,
                UpdateTime = now,
            });
        }
    }
}
