namespace DolphinScheduler.Sandbox.Envelope;

// Resource-centre statuses missing from status-codes.json. Templates from Status.java, identical in tag 3.2.2 and
// dev 2025-01 (kept apart from DsStatuses.FromSource.cs so areas added in parallel do not touch the same lines).
public static partial class DsStatuses
{
    public static readonly DsStatus HdfsOperationError = new(10006, "HDFS_OPERATION_ERROR", "hdfs operation error");
    public static readonly DsStatus VerifyResourceByNameAndTypeError = new(10059, "VERIFY_RESOURCE_BY_NAME_AND_TYPE_ERROR", "verify resource by name and type error");
    public static readonly DsStatus CurrentLoginUserTenantNotExist = new(10181, "CURRENT_LOGIN_USER_TENANT_NOT_EXIST", "the tenant of the currently login user is not specified");
    public static readonly DsStatus UdfResourceSuffixNotJar = new(20009, "UDF_RESOURCE_SUFFIX_NOT_JAR", "UDF resource suffix name must be jar");
    public static readonly DsStatus VerifyParameterNameFailed = new(1300009, "VERIFY_PARAMETER_NAME_FAILED", "The file name verify failed");
    public static readonly DsStatus ResourceFullNameTooLongError = new(1300015, "RESOURCE_FULL_NAME_TOO_LONG_ERROR", "resource's fullname is too long error");
}
