namespace DolphinScheduler.Sandbox.Flavors;

/// <summary>
/// Marks a JSON view class as a DS entity (README §4 name, e.g. "Project", "TaskInstance"), so the flavour can
/// rename or drop its fields. Properties use the newest (3.3+) names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DsEntityAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
