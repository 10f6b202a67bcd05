namespace DolphinScheduler.Sandbox.State;

/// <summary>t_ds_session: a login session (id is a UUID string).</summary>
public sealed class SessionRow
{
    public required string Id { get; init; }
    public required int UserId { get; init; }
    public DateTime LastLoginTime { get; set; }
}
