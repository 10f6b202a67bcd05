using System.Text.Json;
using System.Text.Json.Nodes;

namespace DolphinScheduler.Sandbox.Tests.Infrastructure;

/// <summary>Builds workflow-definition payloads the way the UI/module sends them (README §5), per flavour.</summary>
public static class Workflows
{
    public static string Definitions(string v) => v == "3.2" ? "process-definition" : "workflow-definition";

    public static string DefinitionKey(string v) => v == "3.2" ? "processDefinition" : "workflowDefinition";

    public static string RelationListKey(string v) => v == "3.2" ? "processTaskRelationList" : "workflowTaskRelationList";

    public static string CodeParam(string v) => v == "3.2" ? "processDefinitionCode" : "workflowDefinitionCode";

    public static string PriorityParam(string v) => v == "3.2" ? "processInstancePriority" : "workflowInstancePriority";

    public static async Task<long[]> Codes(DsClient client, long projectCode, int count)
    {
        var r = await client.Get($"/projects/{projectCode}/task-definition/gen-task-codes", ("genNum", count));
        if (r.Code != 0)
            throw new InvalidOperationException("gen-task-codes failed: " + r);
        return r.Data.EnumerateArray().Select(e => e.GetInt64()).ToArray();
    }

    /// <summary>A task element with every envelope field set (non-default values where it makes a difference).</summary>
    public static JsonObject Task(string v, long code, string name, string type, JsonObject taskParams, int version = 0)
    {
        var t = new JsonObject
        {
            ["code"] = code,
            ["version"] = version,
            ["name"] = name,
            ["description"] = "task " + name,
            ["taskType"] = type,
            ["taskParams"] = taskParams,
            ["flag"] = "YES",
            ["taskPriority"] = "HIGH",
            ["workerGroup"] = "default",
            ["environmentCode"] = -1,
            ["failRetryTimes"] = "2",
            ["failRetryInterval"] = 3,
            ["timeoutFlag"] = "OPEN",
            ["timeoutNotifyStrategy"] = "WARNFAILED",
            ["timeout"] = 30,
            ["delayTime"] = 1,
            ["taskGroupId"] = 0,
            ["taskGroupPriority"] = 0,
            ["cpuQuota"] = -1,
            ["memoryMax"] = -1,
            ["taskExecuteType"] = type == "FLINK_STREAM" ? "STREAM" : "BATCH",
        };
        if (v == "3.2")
            t["isCache"] = "NO";
        return t;
    }

    public static JsonObject Shell(string script = "echo ${dt}") => new()
    {
        ["localParams"] = new JsonArray(new JsonObject { ["prop"] = "dt", ["direct"] = "IN", ["type"] = "VARCHAR", ["value"] = "${system.biz.date}" }),
        ["rawScript"] = script,
        ["resourceList"] = new JsonArray(),
    };

    public static JsonObject Python() => new() { ["localParams"] = new JsonArray(), ["rawScript"] = "print('hi')", ["resourceList"] = new JsonArray() };

    public static JsonObject Sql() => new()
    {
        ["localParams"] = new JsonArray(), ["resourceList"] = new JsonArray(), ["type"] = "MYSQL", ["datasource"] = 1,
        ["sql"] = "select 1", ["sqlType"] = "0", ["preStatements"] = new JsonArray(), ["postStatements"] = new JsonArray(),
        ["displayRows"] = 10,
    };

    public static JsonObject Http() => new()
    {
        ["localParams"] = new JsonArray(), ["httpParams"] = new JsonArray(), ["url"] = "https://example.com/health",
        ["httpMethod"] = "GET", ["httpCheckCondition"] = "STATUS_CODE_DEFAULT", ["condition"] = "",
        ["connectTimeout"] = 60000, ["socketTimeout"] = 60000,
    };

    public static JsonObject Flink() => new()
    {
        ["localParams"] = new JsonArray(), ["resourceList"] = new JsonArray(), ["programType"] = "SQL", ["deployMode"] = "cluster",
        ["flinkVersion"] = ">=1.13", ["appName"] = "daily-agg", ["jobManagerMemory"] = "1G", ["taskManagerMemory"] = "2G",
        ["slot"] = 1, ["taskManager"] = 2, ["parallelism"] = 1, ["mainClass"] = "", ["mainArgs"] = "", ["others"] = "",
        ["yarnQueue"] = "", ["initScript"] = "SET 'table.exec.mini-batch.enabled' = 'true';",
        ["rawScript"] = "INSERT INTO sink SELECT * FROM source;",
    };

    public static JsonObject Spark() => new()
    {
        ["localParams"] = new JsonArray(), ["resourceList"] = new JsonArray(), ["programType"] = "SCALA", ["deployMode"] = "cluster",
        ["mainClass"] = "com.example.Main", ["mainJar"] = new JsonObject { ["resourceName"] = "file:/dolphinscheduler/default/resources/job.jar" },
        ["driverCores"] = 1, ["driverMemory"] = "512M", ["numExecutors"] = 2, ["executorMemory"] = "2G", ["executorCores"] = 2,
        ["appName"] = "spark-job", ["mainArgs"] = "--day ${dt}", ["others"] = "", ["yarnQueue"] = "", ["sqlExecutionType"] = "SCRIPT",
    };

    public static JsonObject Edge(long pre, long post) => new()
    {
        ["name"] = "", ["preTaskCode"] = pre, ["preTaskVersion"] = 0, ["postTaskCode"] = post, ["postTaskVersion"] = 0,
        ["conditionType"] = "NONE", ["conditionParams"] = new JsonObject(),
    };

    public static string Json(params JsonNode[] nodes) => new JsonArray(nodes.Select(n => n.DeepClone()).ToArray()).ToJsonString();

    public static string Locations(params long[] codes)
        => new JsonArray(codes.Select((c, i) => (JsonNode)new JsonObject { ["taskCode"] = c, ["x"] = 100 + i * 50, ["y"] = 40 }).ToArray()).ToJsonString();

    /// <summary>POST the definition (form fields as the UI sends them); returns the raw answer.</summary>
    public static Task<DsResponse> Create(DsClient client, string v, long projectCode, string name, string tasks, string relations,
        string? locations = null, string globalParams = "[]", string? description = null, int timeout = 0, string? executionType = null)
        => client.Post($"/projects/{projectCode}/{Definitions(v)}",
            ("name", name), ("description", description), ("globalParams", globalParams), ("locations", locations),
            ("timeout", timeout), ("taskRelationJson", relations), ("taskDefinitionJson", tasks), ("executionType", executionType));

    /// <summary>A one-SHELL-task workflow; returns its code (asserts success).</summary>
    public static async Task<(long Code, long TaskCode, string Name)> CreateSimple(DsClient client, string v, long projectCode, string? name = null)
    {
        name ??= SandboxPair.Unique("wf");
        var code = (await Codes(client, projectCode, 1))[0];
        var r = await Create(client, v, projectCode, name, Json(Task(v, code, "only", "SHELL", Shell())), Json(Edge(0, code)));
        if (r.Code != 0)
            throw new InvalidOperationException("create failed: " + r);
        return (r.Data.GetProperty("code").GetInt64(), code, name);
    }

    public static Task<DsResponse> Release(DsClient client, string v, long projectCode, long code, string state)
        => client.Post($"/projects/{projectCode}/{Definitions(v)}/{code}/release", ("releaseState", state));

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
