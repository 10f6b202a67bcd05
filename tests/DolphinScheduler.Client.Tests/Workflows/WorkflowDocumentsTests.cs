using System.Collections.Specialized;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DolphinScheduler.Client.Resources;
using DolphinScheduler.Client.Workflows;
using Xunit;

namespace DolphinScheduler.Client.Tests.Workflows
{
    /// <summary>
    /// The exact documents sent for each task type. SHELL and FLINK are contract §5's examples field for field; the
    /// envelope is §5's for every type; the taskParams of PYTHON, SQL, HTTP and SPARK (not spelled out in the contract)
    /// follow the DS task plugins' parameter classes with the UI's defaults.
    /// </summary>
    public class WorkflowDocumentsTests
    {
        private const string Base = "file:/dolphinscheduler/default/resources";
        private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private const string DefaultEnvelopeTail =
            "\"flag\":\"YES\",\"taskPriority\":\"MEDIUM\",\"workerGroup\":\"default\",\"environmentCode\":-1,\"failRetryTimes\":0,\"failRetryInterval\":1," +
            "\"timeoutFlag\":\"CLOSE\",\"timeoutNotifyStrategy\":\"\",\"timeout\":0,\"delayTime\":0,\"taskGroupId\":0,\"taskGroupPriority\":0,\"cpuQuota\":-1,\"memoryMax\":-1,\"taskExecuteType\":\"BATCH\"";

        private static string Minify(string json) => JsonNode.Parse(json)!.ToJsonString(Relaxed);

        private static string TaskJson(DsTaskSpec spec, long code)
        {
            spec.Code = code;
            var docs = WorkflowDocuments.Build(new[] { spec }, p => ResourcePath.Resolve(Base, p), null);
            return JsonNode.Parse(docs.TaskDefinitionJson)!.AsArray()[0]!.ToJsonString(Relaxed);
        }

        private static OrderedDictionary Map(params (string Key, object? Value)[] entries)
        {
            var map = JsonValues.NewMap();
            foreach (var (k, v) in entries) map[k] = v;
            return map;
        }

        [Fact]
        public void Shell_task_is_the_contract_example()
        {
            var spec = new DsTaskSpec
            {
                Name = "extract",
                Type = "SHELL",
                Script = "echo ${dt}",
                Resource = new[] { "/lib.sh" },
                TaskParameter = Map(("localParams", Map(("dt", "${system.biz.date}")))),
            };
            var expected = """
                {"code":15214578212345,"version":0,"name":"extract","description":"","taskType":"SHELL",
                 "taskParams":{"localParams":[{"prop":"dt","direct":"IN","type":"VARCHAR","value":"${system.biz.date}"}],
                               "rawScript":"echo ${dt}",
                               "resourceList":[{"resourceName":"file:/dolphinscheduler/default/resources/lib.sh"}]},
                 "flag":"YES","taskPriority":"MEDIUM","workerGroup":"default","environmentCode":-1,"failRetryTimes":0,"failRetryInterval":1,
                 "timeoutFlag":"CLOSE","timeoutNotifyStrategy":"","timeout":0,"delayTime":0,"taskGroupId":0,"taskGroupPriority":0,
                 "cpuQuota":-1,"memoryMax":-1,"taskExecuteType":"BATCH"}
                """;
            Assert.Equal(Minify(expected), TaskJson(spec, 15214578212345));
        }

        [Fact]
        public void Python_task()
        {
            var spec = new DsTaskSpec { Name = "py", Type = "PYTHON", Script = "print('hi')" };
            var expected = "{\"code\":2,\"version\":0,\"name\":\"py\",\"description\":\"\",\"taskType\":\"PYTHON\"," +
                "\"taskParams\":{\"localParams\":[],\"rawScript\":\"print('hi')\",\"resourceList\":[]}," + DefaultEnvelopeTail + "}";
            Assert.Equal(Minify(expected), TaskJson(spec, 2));
        }

        [Fact]
        public void Sql_task_puts_the_script_in_sql_and_detects_queries()
        {
            var spec = new DsTaskSpec { Name = "q", Type = "SQL", Script = "select * from t", TaskParameter = Map(("type", "mysql"), ("datasource", 3)) };
            var expected = "{\"code\":3,\"version\":0,\"name\":\"q\",\"description\":\"\",\"taskType\":\"SQL\"," +
                "\"taskParams\":{\"localParams\":[],\"resourceList\":[],\"type\":\"MYSQL\",\"datasource\":3,\"sql\":\"select * from t\",\"sqlType\":0," +
                "\"sendEmail\":false,\"displayRows\":10,\"title\":\"\",\"groupId\":0,\"preStatements\":[],\"postStatements\":[]}," + DefaultEnvelopeTail + "}";
            Assert.Equal(Minify(expected), TaskJson(spec, 3));

            var update = new DsTaskSpec { Name = "u", Type = "SQL", Script = "-- load\ninsert into t values (1)", TaskParameter = Map(("type", "MYSQL"), ("datasource", 3)) };
            Assert.Contains("\"sqlType\":1", TaskJson(update, 4));
        }

        [Fact]
        public void Http_task()
        {
            var spec = new DsTaskSpec { Name = "ping", Type = "http", TaskParameter = Map(("url", "https://example.com/health?a=1&b=2"), ("httpMethod", "post")) };
            var expected = "{\"code\":5,\"version\":0,\"name\":\"ping\",\"description\":\"\",\"taskType\":\"HTTP\"," +
                "\"taskParams\":{\"localParams\":[],\"resourceList\":[],\"url\":\"https://example.com/health?a=1&b=2\",\"httpMethod\":\"POST\",\"httpParams\":[]," +
                "\"httpBody\":\"\",\"httpCheckCondition\":\"STATUS_CODE_DEFAULT\",\"condition\":\"\",\"connectTimeout\":60000,\"socketTimeout\":60000}," + DefaultEnvelopeTail + "}";
            Assert.Equal(Minify(expected), TaskJson(spec, 5));
        }

        [Fact]
        public void Flink_sql_task_is_the_contract_example()
        {
            var spec = new DsTaskSpec
            {
                Name = "agg",
                Type = "FLINK",
                Script = "INSERT INTO sink SELECT * FROM source;",
                TaskParameter = Map(("appName", "daily-agg"), ("initScript", "SET 'table.exec.mini-batch.enabled' = 'true';")),
            };
            var expected = """
                {"code":6,"version":0,"name":"agg","description":"","taskType":"FLINK",
                 "taskParams":{"localParams":[],"resourceList":[],"programType":"SQL","deployMode":"cluster","flinkVersion":">=1.13",
                   "appName":"daily-agg","jobManagerMemory":"1G","taskManagerMemory":"2G","slot":1,"taskManager":2,"parallelism":1,
                   "mainClass":"","mainArgs":"","others":"","yarnQueue":"",
                   "initScript":"SET 'table.exec.mini-batch.enabled' = 'true';","rawScript":"INSERT INTO sink SELECT * FROM source;"},
                """ + DefaultEnvelopeTail + "}";
            Assert.Equal(Minify(expected), TaskJson(spec, 6));
        }

        [Fact]
        public void Flink_jar_task_resolves_mainJar_and_lowercases_deployMode()
        {
            var spec = new DsTaskSpec { Name = "job", Type = "FLINK", TaskParameter = Map(("mainJar", "/flink/job.jar"), ("mainClass", "com.example.Job"), ("deployMode", "Application")) };
            var json = JsonNode.Parse(TaskJson(spec, 7))!["taskParams"]!;
            Assert.Equal("JAVA", (string?)json["programType"]);
            Assert.Equal("application", (string?)json["deployMode"]);
            Assert.Equal("com.example.Job", (string?)json["mainClass"]);
            Assert.Equal(Base + "/flink/job.jar", (string?)json["mainJar"]!["resourceName"]);
        }

        [Fact]
        public void Spark_task()
        {
            var spec = new DsTaskSpec { Name = "spark1", Type = "SPARK", TaskParameter = Map(("programType", "scala"), ("mainJar", "/spark/app.jar"), ("mainClass", "org.App")) };
            var expected = "{\"code\":8,\"version\":0,\"name\":\"spark1\",\"description\":\"\",\"taskType\":\"SPARK\"," +
                "\"taskParams\":{\"localParams\":[],\"resourceList\":[],\"programType\":\"SCALA\",\"deployMode\":\"client\",\"appName\":\"spark1\"," +
                "\"driverCores\":1,\"driverMemory\":\"512M\",\"numExecutors\":2,\"executorCores\":2,\"executorMemory\":\"2G\",\"mainClass\":\"org.App\"," +
                "\"mainArgs\":\"\",\"others\":\"\",\"yarnQueue\":\"\",\"sqlExecutionType\":\"SCRIPT\",\"rawScript\":\"\"," +
                "\"mainJar\":{\"resourceName\":\"file:/dolphinscheduler/default/resources/spark/app.jar\"}}," + DefaultEnvelopeTail + "}";
            Assert.Equal(Minify(expected), TaskJson(spec, 8));
        }

        [Fact]
        public void Any_other_type_takes_its_parameters_from_TaskParameter()
        {
            var spec = new DsTaskSpec { Name = "sub", Type = "SUB_WORKFLOW", TaskParameter = Map(("workflowDefinitionCode", 123456789L)) };
            var json = JsonNode.Parse(TaskJson(spec, 9))!;
            Assert.Equal("SUB_WORKFLOW", (string?)json["taskType"]);
            Assert.Equal("{\"localParams\":[],\"resourceList\":[],\"workflowDefinitionCode\":123456789}", json["taskParams"]!.ToJsonString());
        }

        [Fact]
        public void Timeout_opens_with_a_strategy_and_settings_map_to_the_envelope()
        {
            var spec = new DsTaskSpec
            {
                Name = "t", Script = "x", TimeoutMinutes = 30, TimeoutStrategy = "failed", RetryTimes = 2, RetryInterval = 5,
                Priority = "high", WorkerGroup = "gpu", Description = "d", Disabled = true, DelayMinutes = 3, EnvironmentCode = 42,
            };
            var json = JsonNode.Parse(TaskJson(spec, 10))!;
            Assert.Equal("OPEN", (string?)json["timeoutFlag"]);
            Assert.Equal("FAILED", (string?)json["timeoutNotifyStrategy"]);
            Assert.Equal(30, (int)json["timeout"]!);
            Assert.Equal(2, (int)json["failRetryTimes"]!);
            Assert.Equal(5, (int)json["failRetryInterval"]!);
            Assert.Equal("HIGH", (string?)json["taskPriority"]);
            Assert.Equal("gpu", (string?)json["workerGroup"]);
            Assert.Equal("d", (string?)json["description"]);
            Assert.Equal("NO", (string?)json["flag"]);
            Assert.Equal(3, (int)json["delayTime"]!);
            Assert.Equal(42, (long)json["environmentCode"]!);
        }

        [Fact]
        public void Relations_hang_roots_off_zero_and_every_task_is_a_post_task()
        {
            var a = new DsTaskSpec { Name = "a", Script = "x" };
            var b = new DsTaskSpec { Name = "b", Script = "x", DependsOn = new[] { "A" } };
            var c = new DsTaskSpec { Name = "c", Script = "x", DependsOn = new[] { "a", "b" } };
            a.Code = 1; b.Code = 2; c.Code = 3;
            var docs = WorkflowDocuments.Build(new[] { a, b, c }, p => p, Map(("bizdate", "${system.biz.date}")));
            const string edge = "\"conditionType\":\"NONE\",\"conditionParams\":{}";
            Assert.Equal(
                "[{\"name\":\"\",\"preTaskCode\":0,\"preTaskVersion\":0,\"postTaskCode\":1,\"postTaskVersion\":0," + edge + "}," +
                "{\"name\":\"\",\"preTaskCode\":1,\"preTaskVersion\":0,\"postTaskCode\":2,\"postTaskVersion\":0," + edge + "}," +
                "{\"name\":\"\",\"preTaskCode\":1,\"preTaskVersion\":0,\"postTaskCode\":3,\"postTaskVersion\":0," + edge + "}," +
                "{\"name\":\"\",\"preTaskCode\":2,\"preTaskVersion\":0,\"postTaskCode\":3,\"postTaskVersion\":0," + edge + "}]",
                docs.TaskRelationJson);
            Assert.Equal("[{\"prop\":\"bizdate\",\"direct\":\"IN\",\"type\":\"VARCHAR\",\"value\":\"${system.biz.date}\"}]", docs.GlobalParams);
            var posts = JsonNode.Parse(docs.TaskRelationJson)!.AsArray().Select(r => (long)r!["postTaskCode"]!).Distinct().OrderBy(x => x);
            Assert.Equal(new long[] { 1, 2, 3 }, posts);
        }

        [Fact]
        public void Resources_given_as_paths_or_full_names_become_resourceName_items_once()
        {
            var spec = new DsTaskSpec { Name = "r", Script = "x", Resource = new[] { "/a/x.sh", Base + "/a/x.sh", "hdfs://nn/other/y.sh" } };
            var list = JsonNode.Parse(TaskJson(spec, 11))!["taskParams"]!["resourceList"]!.ToJsonString();
            Assert.Equal("[{\"resourceName\":\"" + Base + "/a/x.sh\"},{\"resourceName\":\"hdfs://nn/other/y.sh\"}]", list);
        }

        [Fact]
        public void On_3_2_every_task_also_carries_isCache()
        {
            // 3.2.2's transformTask reads isCache.getCode(): without it the create fails with 10001 (Versioning/WorkflowRules).
            var spec = new DsTaskSpec { Name = "a", Script = "x" };
            spec.Code = 1;
            var v32 = WorkflowDocuments.Build(new[] { spec }, p => p, null, familyFields: DolphinScheduler.Client.Versioning.WorkflowRules.V32.TaskDefinitionFields);
            var v33 = WorkflowDocuments.Build(new[] { spec }, p => p, null, familyFields: DolphinScheduler.Client.Versioning.WorkflowRules.V33.TaskDefinitionFields);
            Assert.EndsWith("\"taskExecuteType\":\"BATCH\",\"isCache\":\"NO\"}]", v32.TaskDefinitionJson);
            Assert.EndsWith("\"taskExecuteType\":\"BATCH\"}]", v33.TaskDefinitionJson);
            Assert.DoesNotContain("isCache", v33.TaskDefinitionJson);
        }
    }
}
