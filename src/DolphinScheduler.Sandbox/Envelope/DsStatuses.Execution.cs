namespace DolphinScheduler.Sandbox.Envelope;

// Statuses of the execution area (executors, workflow/task instances, logs) whose templates are missing from
// status-codes.json. Templates from Status.java of apache/dolphinscheduler tag 3.2.2 (3.2 form) and dev 2025-01
// (3.3+ form); both are given where they differ.
public static partial class DsStatuses
{
    public static readonly DsStatus TaskTimeoutParamsError = new(10002, "TASK_TIMEOUT_PARAMS_ERROR", "task timeout parameter is not valid");
    public static readonly DsStatus TaskInstanceNotSubWorkflowInstance = new(10021, "TASK_INSTANCE_NOT_SUB_WORKFLOW_INSTANCE", "task instance {0} is not sub workflow instance", "TASK_INSTANCE_NOT_SUB_PROCESS_INSTANCE", "task instance {0} is not sub process instance");
    public static readonly DsStatus MasterNotExists = new(10025, "MASTER_NOT_EXISTS", "master does not exist");
    public static readonly DsStatus BatchDeleteWorkflowInstanceByIdsError = new(10117, "BATCH_DELETE_WORKFLOW_INSTANCE_BY_IDS_ERROR", "batch delete workflow instance by ids {0} error", "BATCH_DELETE_PROCESS_INSTANCE_BY_IDS_ERROR", "batch delete process instance by ids {0} error");
    public static readonly DsStatus QuerySubWorkflowInstanceDetailInfoByTaskIdError = new(10118, "QUERY_SUB_WORKFLOW_INSTANCE_DETAIL_INFO_BY_TASK_ID_ERROR", "query sub workflow instance detail info by task id error", "QUERY_SUB_PROCESS_INSTANCE_DETAIL_INFO_BY_TASK_ID_ERROR", "query sub process instance detail info by task id error");
    public static readonly DsStatus QueryParentWorkflowInstanceDetailInfoBySubWorkflowInstanceIdError = new(10119, "QUERY_PARENT_WORKFLOW_INSTANCE_DETAIL_INFO_BY_SUB_WORKFLOW_INSTANCE_ID_ERROR", "query parent workflow instance detail info by sub workflow instance id error", "QUERY_PARENT_PROCESS_INSTANCE_DETAIL_INFO_BY_SUB_PROCESS_INSTANCE_ID_ERROR", "query parent process instance detail info by sub process instance id error");
    public static readonly DsStatus QueryWorkflowInstanceAllVariablesError = new(10120, "QUERY_WORKFLOW_INSTANCE_ALL_VARIABLES_ERROR", "query workflow instance all variables error", "QUERY_PROCESS_INSTANCE_ALL_VARIABLES_ERROR", "query process instance all variables error");
    public static readonly DsStatus EncapsulationWorkflowInstanceGanttStructureError = new(10121, "ENCAPSULATION_WORKFLOW_INSTANCE_GANTT_STRUCTURE_ERROR", "encapsulation workflow instance gantt structure error", "ENCAPSULATION_PROCESS_INSTANCE_GANTT_STRUCTURE_ERROR", "encapsulation process instance gantt structure error");
    public static readonly DsStatus TaskSavepointError = new(10196, "TASK_SAVEPOINT_ERROR", "task savepoint error");
    public static readonly DsStatus TaskStopError = new(10197, "TASK_STOP_ERROR", "task stop error");
    public static readonly DsStatus ExecuteNotDefineTask = new(10206, "EXECUTE_NOT_DEFINE_TASK", "please save and try again");
    public static readonly DsStatus StartNodeNotExistInLastWorkflow = new(10207, "START_NODE_NOT_EXIST_IN_LAST_WORKFLOW", "this node {0} does not exist in the latest workflow definition", "START_NODE_NOT_EXIST_IN_LAST_PROCESS", "this node {0} does not exist in the latest process definition");
    public static readonly DsStatus SubWorkflowInstanceNotExist = new(50007, "SUB_WORKFLOW_INSTANCE_NOT_EXIST", "the task belong to workflow instance does not exist", "SUB_PROCESS_INSTANCE_NOT_EXIST", "the task belong to process instance does not exist");
    public static readonly DsStatus WorkflowInstanceExecutingCommand = new(50009, "WORKFLOW_INSTANCE_EXECUTING_COMMAND", "workflow instance {0} is executing the command, please wait ...", "PROCESS_INSTANCE_EXECUTING_COMMAND", "process instance {0} is executing the command, please wait ...");
    public static readonly DsStatus WorkflowInstanceNotSubWorkflowInstance = new(50010, "WORKFLOW_INSTANCE_NOT_SUB_WORKFLOW_INSTANCE", "workflow instance {0} is not sub workflow instance", "PROCESS_INSTANCE_NOT_SUB_PROCESS_INSTANCE", "process instance {0} is not sub process instance");
    public static readonly DsStatus WorkflowInstanceError = new(50014, "WORKFLOW_INSTANCE_ERROR", "workflow instance delete error: {0}", "PROCESS_INSTANCE_ERROR", "process instance delete error: {0}");
    public static readonly DsStatus DataIsNull = new(50018, "DATA_IS_NULL", "data {0} is null");
    public static readonly DsStatus StartTaskInstanceError = new(50059, "START_TASK_INSTANCE_ERROR", "start task instance error");
    public static readonly DsStatus WorkflowInstanceIsNotFinished = new(50071, "WORKFLOW_INSTANCE_IS_NOT_FINISHED", "the workflow instance is not finished, can not do this operation");
    public static readonly DsStatus TaskParallelismParamsError = new(50080, "TASK_PARALLELISM_PARAMS_ERROR", "task parallelism parameter is not valid");
    public static readonly DsStatus TaskComplementDataDateError = new(50081, "TASK_COMPLEMENT_DATA_DATE_ERROR", "The range of date for complementing date is not valid");
    public static readonly DsStatus NegtiveSizeNumberError = new(80002, "NEGTIVE_SIZE_NUMBER_ERROR", "query size number error");
}
