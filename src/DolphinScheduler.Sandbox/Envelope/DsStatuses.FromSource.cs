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

    // Workflow definitions, task definitions, schedules (Status.java of tag 3.2.2 and dev-2501).
    public static readonly DsStatus QueryDetailOfTaskDefinitionError = new(50043, "QUERY_DETAIL_OF_TASK_DEFINITION_ERROR", "query detail of task definition error");
    public static readonly DsStatus EncapsulationTreeviewStructureError = new(10111, "ENCAPSULATION_TREEVIEW_STRUCTURE_ERROR", "encapsulation treeview structure error");
    public static readonly DsStatus GetTasksListByWorkflowDefinitionCodeError = new(10112, "GET_TASKS_LIST_BY_WORKFLOW_DEFINITION_CODE_ERROR", "get tasks list by workflow definition code error",
        "GET_TASKS_LIST_BY_PROCESS_DEFINITION_ID_ERROR", "get tasks list by process definition id error");
    public static readonly DsStatus PreviewScheduleError = new(10139, "PREVIEW_SCHEDULE_ERROR", "preview schedule error");
    public static readonly DsStatus ParseToCronExpressionError = new(10140, "PARSE_TO_CRON_EXPRESSION_ERROR", "parse cron to cron expression error");
    public static readonly DsStatus SwitchWorkflowDefinitionVersionError = new(10151, "SWITCH_WORKFLOW_DEFINITION_VERSION_ERROR", "Switch workflow definition version error",
        "SWITCH_PROCESS_DEFINITION_VERSION_ERROR", "Switch process definition version error");
    public static readonly DsStatus SwitchWorkflowDefinitionVersionNotExistWorkflowDefinitionError = new(10152, "SWITCH_WORKFLOW_DEFINITION_VERSION_NOT_EXIST_WORKFLOW_DEFINITION_ERROR",
        "Switch workflow definition version error: not exists workflow definition, [workflow definition id {0}]",
        "SWITCH_PROCESS_DEFINITION_VERSION_NOT_EXIST_PROCESS_DEFINITION_ERROR", "Switch process definition version error: not exists process definition, [process definition id {0}]");
    public static readonly DsStatus SwitchWorkflowDefinitionVersionNotExistWorkflowDefinitionVersionError = new(10153, "SWITCH_WORKFLOW_DEFINITION_VERSION_NOT_EXIST_WORKFLOW_DEFINITION_VERSION_ERROR",
        "Switch workflow definition version error: not exists workflow definition version, [workflow definition id {0}] [version number {1}]",
        "SWITCH_PROCESS_DEFINITION_VERSION_NOT_EXIST_PROCESS_DEFINITION_VERSION_ERROR",
        "Switch process definition version error: not exists process definition version, [process definition id {0}] [version number {1}]");
    public static readonly DsStatus DeleteWorkflowDefinitionVersionError = new(10156, "DELETE_WORKFLOW_DEFINITION_VERSION_ERROR", "delete workflow definition version error",
        "DELETE_PROCESS_DEFINITION_VERSION_ERROR", "delete process definition version error");
    public static readonly DsStatus DeleteWorkflowDefinitionExecutingFail = new(10163, "DELETE_WORKFLOW_DEFINITION_EXECUTING_FAIL",
        "delete workflow definition by code fail, for there are {0} workflow instances in executing using it",
        "DELETE_PROCESS_DEFINITION_EXECUTING_FAIL", "delete process definition by code fail, for there are {0} process instances in executing using it");
    public static readonly DsStatus DeleteTaskUseByOtherFail = new(10194, "DELETE_TASK_USE_BY_OTHER_FAIL", "delete task {0} fail, the reason is that used by other tasks: {1}",
        "DELETE_TASK_USE_BY_OTHER_FAIL", "delete task {0} fail, cause used by other tasks: {1}");
    public static readonly DsStatus WorkflowDefineStateOnline = new(50021, "WORKFLOW_DEFINE_STATE_ONLINE", "workflow definition [{0}] is already online",
        "PROCESS_DEFINE_STATE_ONLINE", "process definition [{0}] is already online");
    public static readonly DsStatus WorkflowDagIsEmpty = new(50035, "WORKFLOW_DAG_IS_EMPTY", "workflow dag is empty", "PROCESS_DAG_IS_EMPTY", "process dag is empty");
    public static readonly DsStatus MainTableUsingVersion = new(50053, "MAIN_TABLE_USING_VERSION", "the version that the master table is using");
    public static readonly DsStatus QueryWorkflowDefinitionAllVariablesError = new(1300100, "QUERY_WORKFLOW_DEFINITION_ALL_VARIABLES_ERROR", "query workflow definition all variables error",
        "QUERY_PROCESS_DEFINITION_ALL_VARIABLES_ERROR", "query process definition all variables error");
    public static readonly DsStatus DeleteWorkflowLineageError = new(1403003, "DELETE_WORKFLOW_LINEAGE_ERROR", "delete workflow lineage error");
}
