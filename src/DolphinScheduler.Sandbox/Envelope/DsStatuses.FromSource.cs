namespace DolphinScheduler.Sandbox.Envelope;

// Statuses the contract references (endpoints.json errorOnUnexpectedException, service behaviour) but whose
// template is missing from status-codes.json. Templates copied from Status.java of apache/dolphinscheduler
// (identical in tag 3.2.2 and dev 2024-10); add new ones here, not to the generated catalog.
public static partial class DsStatuses
{
    public static readonly DsStatus GrantUdfFunctionError = new(10096, "GRANT_UDF_FUNCTION_ERROR", "grant udf function error");
    public static readonly DsStatus UnauthorizedUserError = new(10101, "UNAUTHORIZED_USER_ERROR", "unauthorized user error");
    public static readonly DsStatus AuthorizedUserError = new(10102, "AUTHORIZED_USER_ERROR", "authorized user error");
    public static readonly DsStatus QueryAuthorizedAndUserCreatedProjectError = new(10162, "QUERY_AUTHORIZED_AND_USER_CREATED_PROJECT_ERROR", "query authorized and user created project error error");
    public static readonly DsStatus TransformProjectOwnership = new(10179, "TRANSFORM_PROJECT_OWNERSHIP", "Please transform project ownership [{0}]");
    public static readonly DsStatus QueryAccesstokenByUserError = new(70016, "QUERY_ACCESSTOKEN_BY_USER_ERROR", "query access token by user error");
}
