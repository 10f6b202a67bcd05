namespace DolphinScheduler.Sandbox.Contract;

/// <summary>Fixed URL prefixes.</summary>
public static class SandboxPaths
{
    /// <summary>Spring <c>server.servlet.context-path</c> of the DS API server.</summary>
    public const string ContextPath = "/dolphinscheduler";

    /// <summary>Sandbox control endpoints, deliberately outside the DS context path.</summary>
    public const string ControlPrefix = "/_sandbox";
}
