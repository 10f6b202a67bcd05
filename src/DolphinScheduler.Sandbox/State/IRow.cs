namespace DolphinScheduler.Sandbox.State;

/// <summary>A stored row with DS's auto-increment int id.</summary>
public interface IRow
{
    int Id { get; set; }
}
