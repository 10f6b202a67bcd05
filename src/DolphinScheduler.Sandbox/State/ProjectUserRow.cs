namespace DolphinScheduler.Sandbox.State;

/// <summary>
/// t_ds_relation_project_user: a grant of a project to a user. <see cref="Perm"/> is the bit mask
/// 1 execute, 2 read, 4 write (7 = all; read-only grants store 2).
/// </summary>
public sealed class ProjectUserRow : IRow
{
    public const int ReadPermission = 2;
    public const int AllPermissions = 7;

    public int Id { get; set; }
    public int UserId { get; set; }
    public int ProjectId { get; set; }
    public int Perm { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime UpdateTime { get; set; }
}
