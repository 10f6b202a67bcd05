using System.Text.Json;
using DolphinScheduler.Sandbox.Api.Views;

namespace DolphinScheduler.Sandbox.Api.Workflows;

/// <summary>
/// <c>AbstractParameters.checkParameters()</c> of the task types DS ships, read from the plugin sources of 3.2.2 and
/// dev-2501 (<c>*Parameters.java</c>). Each check gets the taskParams object; "set" means present and not JSON null
/// (a Java field that Jackson left null), "non-empty" means a non-empty string. Which types exist, and which variant of
/// a check applies, is the flavour's business (<see cref="Flavors.SandboxFlavor.TaskTypes"/>).
/// </summary>
public static class TaskParameterChecks
{
    public delegate bool Check(JsonElement p);

    public static bool True(JsonElement p) => true;

    public static bool RawScript(JsonElement p) => NonEmpty(p, "rawScript");

    public static bool Sql(JsonElement p) => Number(p, "datasource") != 0 && NonEmpty(p, "type") && NonEmpty(p, "sql");

    public static bool Procedure(JsonElement p) => Number(p, "datasource") != 0 && NonEmpty(p, "type") && NonEmpty(p, "method");

    public static bool Http32(JsonElement p) => NonEmpty(p, "url");

    /// <summary>3.3+: also a known httpMethod (HttpParameters maps httpRequestMethod to it with @JsonProperty) and connectTimeout &gt; 0 (a 3.2-style payload without them fails).</summary>
    public static bool Http33(JsonElement p)
        => NonEmpty(p, "url") && EnumIn(p, "httpMethod", "GET", "POST", "HEAD", "PUT", "DELETE") && Number(p, "connectTimeout") > 0;

    /// <summary>FLINK, FLINK_STREAM: programType set and (rawScript or mainJar set).</summary>
    public static bool Flink(JsonElement p)
        => EnumIn(p, "programType", "JAVA", "SCALA", "PYTHON", "SQL") && (IsSet(p, "rawScript") || IsSet(p, "mainJar"));

    public static bool Spark(JsonElement p)
        => EnumIn(p, "programType", "JAVA", "SCALA", "PYTHON", "SQL") && (IsSet(p, "mainJar") || IsSet(p, "rawScript"));

    public static bool MapReduce(JsonElement p) => IsSet(p, "mainJar") && EnumIn(p, "programType", "JAVA", "SCALA", "PYTHON", "SQL");

    public static bool Java32(JsonElement p) => IsSet(p, "runType") && (NotBlank(p, "rawScript") || IsSet(p, "mainJar"));

    public static bool Java33(JsonElement p) => NonEmpty(p, "runType") && IsSet(p, "mainJar");

    /// <summary>DATAX, CHUNJUN: customConfig 0 needs dataSource, dataTarget, sql, targetTable; otherwise json.</summary>
    public static bool DataX(JsonElement p)
        => Number(p, "customConfig") == 0
            ? Number(p, "dataSource") != 0 && Number(p, "dataTarget") != 0 && NonEmpty(p, "sql") && NonEmpty(p, "targetTable")
            : NonEmpty(p, "json");

    public static bool SubProcess32(JsonElement p) => Number(p, "processDefinitionCode") != 0;

    public static bool SubWorkflow33(JsonElement p) => Number(p, "workflowDefinitionCode") > 0;

    public static bool Dependent33(JsonElement p)
    {
        if (!Lenient.TryGet(p, "dependence", out var dependence) || dependence.ValueKind != JsonValueKind.Object)
            return false;
        if (!NonEmptyArray(dependence, "dependTaskList"))
            return false;
        return !Lenient.TryGet(dependence, "checkInterval", out _) || Number(dependence, "checkInterval") > 0;
    }

    public static bool Conditions33(JsonElement p)
    {
        if (!Lenient.TryGet(p, "dependence", out var dependence) || dependence.ValueKind != JsonValueKind.Object || !NonEmptyArray(dependence, "dependTaskList"))
            return false;
        return Lenient.TryGet(p, "conditionResult", out var result) && result.ValueKind == JsonValueKind.Object
            && NonEmptyArray(result, "successNode") && NonEmptyArray(result, "failedNode");
    }

    public static bool Switch33(JsonElement p)
    {
        if (!Lenient.TryGet(p, "switchResult", out var result) || result.ValueKind != JsonValueKind.Object)
            return false;
        var hasList = NonEmptyArray(result, "dependTaskList");
        if (!hasList && !IsSet(result, "nextNode"))
            return false;
        if (hasList)
            foreach (var item in result.GetProperty("dependTaskList").EnumerateArray())
                if (item.ValueKind != JsonValueKind.Object || !IsSet(item, "nextNode"))
                    return false;
        return true;
    }

    public static bool Blocking(JsonElement p) => NonEmpty(p, "blockingOpportunity");

    public static bool Dynamic(JsonElement p) => NonEmptyArray(p, "listParameters") && Number(p, "processDefinitionCode") != 0;

    public static bool K8s(JsonElement p) => NonEmpty(p, "image");

    public static bool Sqoop(JsonElement p)
    {
        var jobType = Str(p, "jobType");
        if (string.IsNullOrEmpty(jobType))
            return false;
        if (jobType == "TEMPLATE")
            return string.IsNullOrEmpty(Str(p, "customShell")) && NonEmpty(p, "modelType") && NonEmpty(p, "jobName")
                   && Number(p, "concurrency") != 0 && NonEmpty(p, "sourceType") && NonEmpty(p, "targetType")
                   && NonEmpty(p, "sourceParams") && NonEmpty(p, "targetParams");
        if (jobType == "CUSTOM")
            return NonEmpty(p, "customShell") && string.IsNullOrEmpty(Str(p, "jobName"));
        return false;
    }

    public static bool DataQuality(JsonElement p)
        => Number(p, "ruleId") != 0 && Lenient.TryGet(p, "ruleInputParameter", out var m) && m.ValueKind == JsonValueKind.Object
           && m.EnumerateObject().Any() && IsSet(p, "sparkParameters");

    public static bool DataFactory(JsonElement p) => NonEmpty(p, "factoryName") && NonEmpty(p, "resourceGroupName") && NonEmpty(p, "pipelineName");

    public static bool DataSync(JsonElement p)
        => Bool(p, "jsonFormat") ? NonEmpty(p, "json") : NonEmpty(p, "destinationLocationArn") && NonEmpty(p, "sourceLocationArn") && NonEmpty(p, "name");

    public static bool Dinky(JsonElement p) => NonEmpty(p, "address") && NonEmpty(p, "taskId");

    public static bool Dms(JsonElement p)
    {
        if (Bool(p, "isJsonFormat"))
            return IsSet(p, "jsonData");
        if (Bool(p, "isRestartTask"))
            return IsSet(p, "replicationTaskArn");
        return new[] { "sourceEndpointArn", "targetEndpointArn", "replicationInstanceArn", "migrationType", "replicationTaskIdentifier", "tableMappings" }
            .All(n => IsSet(p, n));
    }

    public static bool Dvc(JsonElement p) => Str(p, "dvcTaskType") switch
    {
        "Upload" => new[] { "dvcRepository", "dvcDataLocation", "dvcLoadSaveDataPath", "dvcVersion", "dvcMessage" }.All(n => NonEmpty(p, n)),
        "Download" => new[] { "dvcRepository", "dvcDataLocation", "dvcLoadSaveDataPath", "dvcVersion" }.All(n => NonEmpty(p, n)),
        "Init DVC" => NonEmpty(p, "dvcRepository") && NonEmpty(p, "dvcStoreUrl"),
        _ => false,
    };

    public static bool Emr(JsonElement p)
        => EnumIn(p, "programType", "RUN_JOB_FLOW", "ADD_JOB_FLOW_STEPS") && (NonEmpty(p, "jobFlowDefineJson") || NonEmpty(p, "stepsDefineJson"));

    public static bool HiveCli(JsonElement p) => Str(p, "hiveCliTaskExecutionType") switch
    {
        "SCRIPT" => NonEmpty(p, "hiveSqlScript"),
        "FILE" => NonEmptyArray(p, "resourceList"),
        _ => false,
    };

    public static bool Jupyter(JsonElement p) => NonEmpty(p, "condaEnvName") && NonEmpty(p, "inputNotePath") && NonEmpty(p, "outputNotePath");

    public static bool Kubeflow(JsonElement p) => NonEmpty(p, "yamlContent");

    public static bool Linkis(JsonElement p)
    {
        var useCustom = Lenient.TryGet(p, "useCustom", out var u) ? u.ValueKind == JsonValueKind.True : (bool?)null;
        return (useCustom == true && NotBlank(p, "rawScript")) || (useCustom == false && NonEmptyArray(p, "paramScript"));
    }

    public static bool Mlflow(JsonElement p) => NonEmpty(p, "mlflowTrackingUri");

    public static bool OpenMldb(JsonElement p) => NonEmpty(p, "zk") && NonEmpty(p, "zkPath") && NonEmpty(p, "sql");

    public static bool Pigeon(JsonElement p) => NotBlank(p, "targetJobName");

    public static bool Sagemaker(JsonElement p) => NonEmpty(p, "sagemakerRequestJson");

    public static bool Seatunnel(JsonElement p)
    {
        if (!IsSet(p, "startupScript"))
            return false;
        var useCustom = Lenient.TryGet(p, "useCustom", out var u) ? u.ValueKind == JsonValueKind.True : (bool?)null;
        return (useCustom == true && NotBlank(p, "rawScript"))
               || (useCustom == false && Lenient.TryGet(p, "resourceList", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() == 1);
    }

    public static bool Zeppelin(JsonElement p) => NonEmpty(p, "noteId");

    // ---- Java field semantics over JSON ----

    private static bool IsSet(JsonElement p, string name) => Lenient.TryGet(p, name, out _);

    private static string? Str(JsonElement p, string name)
    {
        if (!Lenient.TryGet(p, name, out var v))
            return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
    }

    private static bool NonEmpty(JsonElement p, string name) => !string.IsNullOrEmpty(Str(p, name));

    private static bool NotBlank(JsonElement p, string name) => !string.IsNullOrWhiteSpace(Str(p, name));

    private static bool NonEmptyArray(JsonElement p, string name)
        => Lenient.TryGet(p, name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0;

    private static bool Bool(JsonElement p, string name)
        => Lenient.TryGet(p, name, out var v) && (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.String && v.GetString() == "true"));

    /// <summary>A Java numeric field: absent or unreadable reads as 0.</summary>
    private static double Number(JsonElement p, string name)
    {
        if (!Lenient.TryGet(p, name, out var v))
            return 0;
        if (v.ValueKind == JsonValueKind.Number)
            return v.GetDouble();
        return v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0;
    }

    /// <summary>A Java enum field: set only when the name is a known constant (unknown names read as null).</summary>
    private static bool EnumIn(JsonElement p, string name, params string[] values)
        => Lenient.TryGet(p, name, out var v) && v.ValueKind == JsonValueKind.String && values.Contains(v.GetString(), StringComparer.Ordinal);
}
