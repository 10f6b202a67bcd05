using DolphinScheduler.Sandbox.Api.Workflows;
using C = DolphinScheduler.Sandbox.Api.Workflows.TaskParameterChecks;

namespace DolphinScheduler.Sandbox.Flavors;

public sealed partial class SandboxFlavor
{
    // Task types each version's api-server knows: the TaskChannelFactory names of its plugins (getName()) plus, in
    // 3.2.2, the logic types TaskPluginManager.getParameters handles itself. 3.2.2 tag / dev-2501 source.
    private static readonly Dictionary<string, C.Check> Tasks32 = new(StringComparer.Ordinal)
    {
        ["SHELL"] = C.RawScript, ["PYTHON"] = C.RawScript, ["REMOTESHELL"] = C.RawScript,
        ["SQL"] = C.Sql, ["PROCEDURE"] = C.Procedure, ["HTTP"] = C.Http32,
        ["FLINK"] = C.Flink, ["FLINK_STREAM"] = C.Flink, ["SPARK"] = C.Spark, ["MR"] = C.MapReduce, ["JAVA"] = C.Java32,
        ["DATAX"] = C.DataX, ["CHUNJUN"] = C.DataX, ["SQOOP"] = C.Sqoop, ["HIVECLI"] = C.HiveCli, ["SEATUNNEL"] = C.Seatunnel,
        ["SUB_PROCESS"] = C.SubProcess32, ["DEPENDENT"] = C.True, ["CONDITIONS"] = C.True, ["SWITCH"] = C.True,
        ["BLOCKING"] = C.Blocking, ["DYNAMIC"] = C.Dynamic, ["DATA_QUALITY"] = C.DataQuality, ["PIGEON"] = C.Pigeon,
        ["K8S"] = C.K8s, ["EMR"] = C.Emr, ["DMS"] = C.Dms, ["DATASYNC"] = C.DataSync, ["DATA_FACTORY"] = C.DataFactory,
        ["SAGEMAKER"] = C.Sagemaker, ["DINKY"] = C.Dinky, ["DVC"] = C.Dvc, ["JUPYTER"] = C.Jupyter, ["KUBEFLOW"] = C.Kubeflow,
        ["LINKIS"] = C.Linkis, ["MLFLOW"] = C.Mlflow, ["OPENMLDB"] = C.OpenMldb, ["PYTORCH"] = C.True, ["ZEPPELIN"] = C.Zeppelin,
    };

    // 3.3+: SUB_PROCESS became SUB_WORKFLOW; BLOCKING, DYNAMIC, DATA_QUALITY, PIGEON were removed; the logic tasks got
    // real checks; HTTP needs a method and a connect timeout; JAVA needs runType and mainJar.
    private static readonly Dictionary<string, C.Check> Tasks33 = new(StringComparer.Ordinal)
    {
        ["SHELL"] = C.RawScript, ["PYTHON"] = C.RawScript, ["REMOTESHELL"] = C.RawScript,
        ["SQL"] = C.Sql, ["PROCEDURE"] = C.Procedure, ["HTTP"] = C.Http33,
        ["FLINK"] = C.Flink, ["FLINK_STREAM"] = C.Flink, ["SPARK"] = C.Spark, ["MR"] = C.MapReduce, ["JAVA"] = C.Java33,
        ["DATAX"] = C.DataX, ["CHUNJUN"] = C.DataX, ["SQOOP"] = C.Sqoop, ["HIVECLI"] = C.HiveCli, ["SEATUNNEL"] = C.Seatunnel,
        ["SUB_WORKFLOW"] = C.SubWorkflow33, ["DEPENDENT"] = C.Dependent33, ["CONDITIONS"] = C.Conditions33, ["SWITCH"] = C.Switch33,
        ["K8S"] = C.K8s, ["EMR"] = C.Emr, ["DMS"] = C.Dms, ["DATASYNC"] = C.DataSync, ["DATA_FACTORY"] = C.DataFactory,
        ["SAGEMAKER"] = C.Sagemaker, ["DINKY"] = C.Dinky, ["DVC"] = C.Dvc, ["JUPYTER"] = C.Jupyter, ["KUBEFLOW"] = C.Kubeflow,
        ["LINKIS"] = C.Linkis, ["MLFLOW"] = C.Mlflow, ["OPENMLDB"] = C.OpenMldb, ["PYTORCH"] = C.True, ["ZEPPELIN"] = C.Zeppelin,
        ["ALIYUN_SERVERLESS_SPARK"] = C.True,
    };

    /// <summary>The task types this flavour's server accepts.</summary>
    public IReadOnlyCollection<string> TaskTypes => (Is32 ? Tasks32 : Tasks33).Keys;

    /// <summary>The type's checkParameters, or null for a type the server does not know.</summary>
    public C.Check? TaskParameterCheck(string taskType) => (Is32 ? Tasks32 : Tasks33).GetValueOrDefault(taskType);

    /// <summary>
    /// How a task the server cannot check is refused (research doc Q7): 3.2.2's TaskPluginManager returns "invalid"
    /// (50020 naming the task); 3.3+ throws (no such channel, null type, unreadable params), which
    /// generateTaskDefinitionList turns into 10001 with the literal <c>{0}</c>.
    /// </summary>
    public bool UnknownTaskTypeIsParameterInvalid => Is32;

    /// <summary>3.2.2's transformTask reads <c>isCache.getCode()</c>: a task without a valid <c>isCache</c> fails with 10001.</summary>
    public bool TasksNeedIsCache => Is32;

    /// <summary>The sub-workflow task type and the taskParams field naming the child definition.</summary>
    public (string TaskType, string CodeField) SubWorkflowTask => Is32 ? ("SUB_PROCESS", "processDefinitionCode") : ("SUB_WORKFLOW", "workflowDefinitionCode");

    /// <summary>
    /// Deleting a definition that DEPENDENT/sub-workflow tasks use: 3.2.2 throws 10193 listing "workflow:task";
    /// dev-2501 throws a plain ServiceException (10000) with the lineage text.
    /// </summary>
    public bool DefinitionInUseIsInternalError => !Is32;

    /// <summary>
    /// dev-2501 deleteWorkflowDefinitionVersion throws DELETE_WORKFLOW_LINEAGE_ERROR (1403003) whenever the workflow
    /// has no lineage rows (no DEPENDENT task), i.e. for ordinary workflows; reported as apache/dolphinscheduler#17637
    /// (2025-11, closed) and assumed fixed by 3.4.0.
    /// </summary>
    public bool DeleteVersionNeedsLineage => Version == "3.3";
}
