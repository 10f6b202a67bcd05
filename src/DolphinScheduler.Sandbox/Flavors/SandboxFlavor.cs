using DolphinScheduler.Sandbox.Envelope;

namespace DolphinScheduler.Sandbox.Flavors;

/// <summary>
/// Everything that differs between the two served API flavours lives in this class (split over SandboxFlavor.*.cs):
/// "3.2" = DolphinScheduler 3.2.2 (<c>process-*</c> paths and names), "3.3" and "3.4" = the 3.3.x/3.4.x
/// <c>workflow-*</c> API; 3.3 differs from 3.4 only by what 3.4.1 added (OIDC login: <c>GET /oidc-providers</c>).
/// Areas never test the version themselves; they ask the flavour.
/// </summary>
public sealed partial class SandboxFlavor
{
    public static readonly SandboxFlavor V32 = new("3.2", new Version(3, 2, 2));
    // The 3.3 flavour is the dev-2025-01 API (3.3.0-alpha and later 3.3.x); the contract does not separate it from 3.4
    // except for the endpoints 3.4.1 added (README §0 item 1). Import/export and testFlag, which 3.3.x may still have
    // (research doc Q2, UNVERIFIED), are treated as in 3.4.
    public static readonly SandboxFlavor V33 = new("3.3", new Version(3, 3, 2));
    // The 3.4 flavour is the API verified against the 3.4.1 contract (README §0).
    public static readonly SandboxFlavor V34 = new("3.4", new Version(3, 4, 1));

    private SandboxFlavor(string version, Version representative)
    {
        Version = version;
        Representative = representative;
    }

    /// <summary>"3.2", "3.3" or "3.4".</summary>
    public string Version { get; }

    /// <summary>The release whose contract this flavour serves; used for <c>since</c>/<c>removed</c> in endpoints.json.</summary>
    public Version Representative { get; }

    public bool Is32 => Version == "3.2";

    public static SandboxFlavor Parse(string serverVersion) => serverVersion.Trim() switch
    {
        "3.2" => V32,
        "3.3" => V33,
        "3.4" => V34,
        _ => throw new ArgumentException($"unsupported server version '{serverVersion}' (use 3.2, 3.3 or 3.4)", nameof(serverVersion)),
    };

    /// <summary>A status message as <c>putMsg</c>/<c>ServiceException</c> builds it (3.2 keeps "process" wording).</summary>
    public string Message(DsStatus status, object?[]? args)
        => JavaMessageFormat.Fill(Is32 ? status.Template32 ?? status.Template : status.Template, args);

    /// <summary>
    /// <c>ApiExceptionHandler</c> for exceptions other than ServiceException (README §3): the endpoint's status template,
    /// unformatted; 3.3+ appends ":" and the exception message.
    /// </summary>
    public string UnexpectedErrorMessage(DsStatus status, string exceptionMessage)
    {
        var template = Is32 ? status.Template32 ?? status.Template : status.Template;
        return Is32 ? template : template + ":" + exceptionMessage;
    }

    // ---- Behaviour that changed between 3.2.2 and 3.3+ (read from the DS sources of both tags) ----

    /// <summary>POST /users/grant-datasource: 3.3+ added an admin check (30001); 3.2.2 only checks the user exists.</summary>
    public bool GrantDataSourceChecksAdmin => !Is32;

    /// <summary>
    /// 3.2.2's project paging SQL joined owner name, definition count and running-instance count for both paging
    /// endpoints; 3.3+ fills userName/defCount only in GET /projects and has no instRunningCount.
    /// </summary>
    public bool AuthorizedLevelPagingFillsOwnerAndCounts => Is32;

    public override string ToString() => Version;
}
