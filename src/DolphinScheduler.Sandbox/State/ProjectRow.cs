namespace DolphinScheduler.Sandbox.State;

/// <summary>t_ds_project; <see cref="Code"/> is the 64-bit code clients address it by.</summary>
public sealed class ProjectRow : IRow
{
    public int Id { get; set; }
    public long Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int UserId { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
}
