namespace DolphinScheduler.Sandbox.State;

/// <summary>t_ds_access_token. A null <see cref="ExpireTime"/> (unparsable input, as in DS) never authenticates.</summary>
public sealed class AccessTokenRow : IRow
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Token { get; set; }
    public DateTime? ExpireTime { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
}
