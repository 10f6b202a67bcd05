using DolphinScheduler.Sandbox.Envelope;

namespace DolphinScheduler.Sandbox.Flavors;

/// <summary>Resource-centre differences (docs/server-compatibility.md Q9; DS 3.2.2 vs dev-2501 sources).</summary>
public sealed partial class SandboxFlavor
{
    // Enums a served parameter uses but enums.json lacks (merged into the enum table by LoadEnums).
    private static readonly Dictionary<string, EnumInfo> EnumsMissingFromContract = new(StringComparer.Ordinal)
    {
        // 3.2.2 GET /resources/query-by-type?programType= (org.apache.dolphinscheduler.common.enums.ProgramType).
        ["ProgramType"] = new("org.apache.dolphinscheduler.common.enums", ["JAVA", "SCALA", "PYTHON", "SQL"], null),
    };

    // @ApiException of endpoints whose endpoints.json row has no errorOnUnexpectedException (3.2.2 ResourcesController).
    private static readonly Dictionary<string, DsStatus> ApiExceptionsMissingFromContract = new(StringComparer.Ordinal)
    {
        ["GET /resources/query-file-name"] = DsStatuses.ResourceNotExist,
        ["GET /resources/verify-name"] = DsStatuses.VerifyResourceByNameAndTypeError,
    };

    /// <summary>
    /// <c>resource.storage.upload.base.path</c> of the release's common.properties with LOCAL storage:
    /// <c>/dolphinscheduler</c> in 3.2.2, <c>/tmp/dolphinscheduler</c> in 3.3+.
    /// </summary>
    public string ResourceUploadBasePath => Is32 ? "/dolphinscheduler" : "/tmp/dolphinscheduler";

    /// <summary>The storage root every resource fullName starts with: <c>file:</c> + upload base path.</summary>
    public string ResourceStorageBase => "file:" + ResourceUploadBasePath;

    /// <summary>
    /// 3.2.2's ResourcesServiceImpl (StorageEntity lists, directory fullNames ending in '/', currentDir + name without a
    /// separator, RESOURCE_EXIST 20005, tenantCode parameters) instead of 3.3+'s validator/transformer service
    /// (ResourceItemVO, ServiceException texts with code 10000, tenant checks on every path).
    /// </summary>
    public bool ResourcesUse322Service => Is32;
}
