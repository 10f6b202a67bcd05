using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Auth;

/// <summary>DS <c>SessionServiceImpl</c> semantics (README §2, quirk §10.13). Call under <see cref="SandboxStore.Gate"/>.</summary>
public static class SessionService
{
    /// <summary>SESSION_TIME_OUT: a login within 2 h of the last one reuses (and refreshes) the session.</summary>
    public static readonly TimeSpan ReuseWindow = TimeSpan.FromSeconds(7200);

    public static SessionRow CreateIfAbsent(SandboxStore store, UserRow user)
    {
        var now = store.Now;
        var existing = store.Sessions.Values.Where(s => s.UserId == user.Id).ToList();
        foreach (var extra in existing.Skip(1))
            store.Sessions.Remove(extra.Id);
        if (existing.FirstOrDefault() is { } session)
        {
            if (now - session.LastLoginTime <= ReuseWindow)
            {
                session.LastLoginTime = now;
                return session;
            }
            store.Sessions.Remove(session.Id);
        }
        var created = new SessionRow { Id = Guid.NewGuid().ToString(), UserId = user.Id, LastLoginTime = now };
        store.Sessions.Add(created.Id, created);
        return created;
    }

    /// <summary>Sign-out, user deletion and password changes delete every session of the user.</summary>
    public static void ExpireAll(SandboxStore store, int userId)
    {
        foreach (var id in store.Sessions.Values.Where(s => s.UserId == userId).Select(s => s.Id).ToList())
            store.Sessions.Remove(id);
    }
}
