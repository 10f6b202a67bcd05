using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Views;

/// <summary>
/// DS <c>Project</c> JSON (README §4). <c>perm</c>, <c>defCount</c>, <c>userName</c> and 3.2's
/// <c>instRunningCount</c> are not columns: each endpoint fills them (or not) as DS does.
/// </summary>
[DsEntity("Project")]
public sealed class ProjectView
{
    public int? Id { get; init; }
    public int? UserId { get; init; }
    public string? UserName { get; init; }
    public long Code { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public int Perm { get; init; }
    public int DefCount { get; init; }
    public int InstRunningCount { get; init; }

    public static ProjectView From(ProjectRow p, string? userName = null, int perm = 0, int defCount = 0, int instRunningCount = 0) => new()
    {
        Id = p.Id,
        UserId = p.UserId,
        UserName = userName,
        Code = p.Code,
        Name = p.Name,
        Description = p.Description,
        CreateTime = p.CreateTime,
        UpdateTime = p.UpdateTime,
        Perm = perm,
        DefCount = defCount,
        InstRunningCount = instRunningCount,
    };

    /// <summary><c>queryAllProjectForDependent</c> selects only code and name.</summary>
    public static ProjectView CodeAndName(ProjectRow p) => new() { Code = p.Code, Name = p.Name };
}
