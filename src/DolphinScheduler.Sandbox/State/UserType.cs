namespace DolphinScheduler.Sandbox.State;

/// <summary>DS <c>UserType</c>; member names are the wire names (enums are serialized by name, README §7).</summary>
public enum UserType
{
    ADMIN_USER = 0,
    GENERAL_USER = 1,
}
