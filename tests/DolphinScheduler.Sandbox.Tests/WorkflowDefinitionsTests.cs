using System.Text.Json;
using System.Text.Json.Nodes;
using static DolphinScheduler.Sandbox.Tests.Infrastructure.Workflows;

namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class WorkflowDefinitionsTests(SandboxPair sandbox)
{
    private static readonly string[] EnvelopeFields =
    [
        "name", "description", "taskType", "flag", "taskPriority", "workerGroup", "environmentCode", "failRetryInterval", "timeoutFlag",
        "timeoutNotifyStrategy", "timeout", "delayTime", "taskGroupId", "taskGroupPriority", "cpuQuota", "memoryMax", "taskExecuteType",
    ];

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Multi_task_workflow_round_trips_every_field(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, projectName) = await sandbox.NewProject(admin);
        var c = await Codes(admin, projectCode, 6);
        Assert.Equal(6, c.Distinct().Count());
        var tasks = new[]
        {
            Task(v, c[0], "extract", "SHELL", Shell()),
            Task(v, c[1], "transform", "PYTHON", Python()),
            Task(v, c[2], "load", "SQL", Sql()),
            Task(v, c[3], "notify", "HTTP", Http()),
            Task(v, c[4], "aggregate", "FLINK", Flink()),
            Task(v, c[5], "train", "SPARK", Spark()),
        };
        var edges = new[] { Edge(0, c[0]), Edge(c[0], c[1]), Edge(c[0], c[2]), Edge(c[1], c[3]), Edge(c[2], c[3]), Edge(c[3], c[4]), Edge(c[3], c[5]) };
        var globalParams = "[{\"prop\":\"bizdate\",\"direct\":\"IN\",\"type\":\"VARCHAR\",\"value\":\"${system.biz.date}\"}]";
        var locations = Locations(c);
        var name = SandboxPair.Unique("wf");

        var created = await Create(admin, v, projectCode, name, Json(tasks), Json(edges), locations, globalParams, "nightly", 15, "SERIAL_WAIT");
        Assert.Equal((HttpStatusCode.Created, 0), (created.Status, created.Code));
        var code = created.Data.GetProperty("code").GetInt64();
        Assert.InRange(code.ToString().Length, 13, 14);
        // DS answers its in-memory object: version and releaseState are only set on the stored rows.
        Assert.Equal(0, created.Data.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, created.Data.GetProperty("releaseState").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.Data.GetProperty("globalParamList").ValueKind);
        Assert.Equal("${system.biz.date}", created.Data.GetProperty("globalParamMap").GetProperty("bizdate").GetString());

        var got = await admin.Get($"/projects/{projectCode}/{Definitions(v)}/{code}");
        Assert.Equal(0, got.Code);
        Assert.Equal([DefinitionKey(v), RelationListKey(v), "taskDefinitionList"], got.Data.EnumerateObject().Select(p => p.Name));

        var d = got.Data.GetProperty(DefinitionKey(v));
        Assert.Equal((code, name, 1, "OFFLINE", projectCode), (d.GetProperty("code").GetInt64(), d.GetProperty("name").GetString(),
            d.GetProperty("version").GetInt32(), d.GetProperty("releaseState").GetString(), d.GetProperty("projectCode").GetInt64()));
        Assert.Equal(("nightly", globalParams, locations, 15, "SERIAL_WAIT", "YES"), (d.GetProperty("description").GetString(),
            d.GetProperty("globalParams").GetString(), d.GetProperty("locations").GetString(), d.GetProperty("timeout").GetInt32(),
            d.GetProperty("executionType").GetString(), d.GetProperty("flag").GetString()));
        var gp = Assert.Single(d.GetProperty("globalParamList").EnumerateArray());
        Assert.Equal(("bizdate", "IN", "VARCHAR"), (gp.GetProperty("prop").GetString(), gp.GetProperty("direct").GetString(), gp.GetProperty("type").GetString()));

        var stored = got.Data.GetProperty("taskDefinitionList").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetInt64());
        Assert.Equal(c.Order(), stored.Keys.Order());
        foreach (var sent in tasks)
        {
            var t = stored[sent["code"]!.GetValue<long>()];
            foreach (var field in EnvelopeFields)
                Assert.Equal(JsonNode.Parse(sent[field]!.ToJsonString())!.ToJsonString(), JsonNode.Parse(t.GetProperty(field).GetRawText())!.ToJsonString());
            Assert.Equal(2, t.GetProperty("failRetryTimes").GetInt32()); // sent as "2", the UI's habit
            Assert.Equal(1, t.GetProperty("version").GetInt32());
            Assert.Equal(projectCode, t.GetProperty("projectCode").GetInt64());
            Assert.True(JsonNode.DeepEquals(sent["taskParams"], JsonNode.Parse(t.GetProperty("taskParams").GetRawText())),
                $"taskParams of {sent["name"]} changed: {t.GetProperty("taskParams").GetRawText()}");
            Assert.Equal(v == "3.2", t.TryGetProperty("isCache", out _));
            Assert.Equal(1, t.GetProperty("operator").GetInt32());
        }
        var shell = stored[c[0]];
        Assert.Equal("dt", Assert.Single(shell.GetProperty("taskParamList").EnumerateArray()).GetProperty("prop").GetString());
        Assert.Equal("${system.biz.date}", shell.GetProperty("taskParamMap").GetProperty("dt").GetString());
        Assert.Equal(JsonValueKind.Null, stored[c[1]].GetProperty("taskParamMap").ValueKind);
        if (v == "3.2")
            Assert.Equal("", shell.GetProperty("dependence").GetString());

        var relations = got.Data.GetProperty(RelationListKey(v)).EnumerateArray().ToList();
        Assert.Equal(edges.Length, relations.Count);
        var codeKey = v == "3.2" ? "processDefinitionCode" : "workflowDefinitionCode";
        var versionKey = v == "3.2" ? "processDefinitionVersion" : "workflowDefinitionVersion";
        foreach (var (edge, stored1) in edges.Zip(relations))
        {
            Assert.Equal(edge["preTaskCode"]!.GetValue<long>(), stored1.GetProperty("preTaskCode").GetInt64());
            Assert.Equal(edge["postTaskCode"]!.GetValue<long>(), stored1.GetProperty("postTaskCode").GetInt64());
            Assert.Equal(edge["preTaskCode"]!.GetValue<long>() == 0 ? 0 : 1, stored1.GetProperty("preTaskVersion").GetInt32());
            Assert.Equal(1, stored1.GetProperty("postTaskVersion").GetInt32());
            Assert.Equal((code, 1), (stored1.GetProperty(codeKey).GetInt64(), stored1.GetProperty(versionKey).GetInt32()));
            Assert.Equal(("NONE", "{}"), (stored1.GetProperty("conditionType").GetString(), stored1.GetProperty("conditionParams").GetRawText()));
        }

        var detail = await admin.Get($"/projects/{projectCode}/task-definition/{c[3]}");
        Assert.Equal((0, "notify"), (detail.Code, detail.Data.GetProperty("name").GetString()));
        Assert.Equal(2, detail.Data.GetProperty(RelationListKey(v)).GetArrayLength()); // the edges into it from other tasks
        Assert.False(detail.Data.TryGetProperty("operator", out _));
        var missingTask = await admin.Get($"/projects/{projectCode}/task-definition/123");
        Assert.Equal((50030, "task definition [123] does not exist"), (missingTask.Code, missingTask.Msg));

        var byName = await admin.Get($"/projects/{projectCode}/{Definitions(v)}/query-by-name", ("name", name));
        Assert.Equal(("admin", projectName), (byName.Data.GetProperty(DefinitionKey(v)).GetProperty("userName").GetString(),
            byName.Data.GetProperty(DefinitionKey(v)).GetProperty("projectName").GetString()));
    }

    public static TheoryData<string, string, int, string> ValidationCases()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var v in new[] { "3.2", "3.4" })
        {
            var node = v == "3.2" ? "process node" : "workflow node";
            data.Add(v, "bad-task-json", 50017, "data [not json not valid");
            data.Add(v, "empty-task-list", 50017, "data [] not valid");
            data.Add(v, "unknown-type", v == "3.2" ? 50020 : 10001, v == "3.2" ? $"{node} a parameter invalid" : "request parameter {0} is not valid");
            data.Add(v, "empty-shell-script", 50020, $"{node} a parameter invalid");
            data.Add(v, "bad-relation-json", 50017, "data {0} not valid");
            data.Add(v, "missing-post-task", 50030, "task definition [123] does not exist");
            data.Add(v, "post-zero-without-task", 50030, "task definition [0] does not exist");
            data.Add(v, "post-zero-with-code-zero-task", 50036, v == "3.2" ? "check process task relation error" : "check workflow task relation error");
            data.Add(v, "pre-without-own-edge", 50019, $"{node} has cycle");
            data.Add(v, "pre-not-in-tasks", 10001, "request parameter {0} is not valid");
            data.Add(v, "cycle", 50019, $"{node} has cycle");
            data.Add(v, "self-loop", 50019, $"{node} has cycle");
            data.Add(v, "duplicate-task-code", 10001, "request parameter {0} is not valid");
            data.Add(v, "foreign-sub-workflow-type", v == "3.2" ? 50020 : 10001, v == "3.2" ? $"{node} a parameter invalid" : "request parameter {0} is not valid");
            data.Add(v, "http-without-timeout", v == "3.2" ? 0 : 50020, v == "3.2" ? "success" : $"{node} a parameter invalid");
            data.Add(v, "no-is-cache", v == "3.2" ? 10001 : 0, v == "3.2" ? "request parameter {0} is not valid" : "success");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidationCases))]
    public async Task Payload_validation_codes(string v, string scenario, int code, string msg)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var c = await Codes(admin, projectCode, 2);
        JsonObject Shell1(long k, string n = "a") => Task(v, k, n, "SHELL", Shell());
        var (tasks, relations) = scenario switch
        {
            "bad-task-json" => ("[not json", Json(Edge(0, c[0]))),
            "empty-task-list" => ("[]", Json(Edge(0, c[0]))),
            "unknown-type" => (Json(Task(v, c[0], "a", "NOPE", Shell())), Json(Edge(0, c[0]))),
            "empty-shell-script" => (Json(Task(v, c[0], "a", "SHELL", Shell(""))), Json(Edge(0, c[0]))),
            "bad-relation-json" => (Json(Shell1(c[0])), "{}"),
            "missing-post-task" => (Json(Shell1(c[0])), Json(Edge(0, c[0]), Edge(c[0], 123))),
            "post-zero-without-task" => (Json(Shell1(c[0])), Json(Edge(0, c[0]), Edge(c[0], 0))),
            "post-zero-with-code-zero-task" => (Json(Shell1(c[0]), Shell1(0, "z")), Json(Edge(0, c[0]), Edge(c[0], 0))),
            "pre-without-own-edge" => (Json(Shell1(c[0]), Shell1(c[1], "b")), Json(Edge(c[1], c[0]))),
            "pre-not-in-tasks" => (Json(Shell1(c[0])), Json(Edge(456, c[0]))),
            "cycle" => (Json(Shell1(c[0]), Shell1(c[1], "b")), Json(Edge(c[1], c[0]), Edge(c[0], c[1]))),
            "self-loop" => (Json(Shell1(c[0])), Json(Edge(c[0], c[0]))),
            "duplicate-task-code" => (Json(Shell1(c[0]), Shell1(c[0], "b")), Json(Edge(0, c[0]))),
            "foreign-sub-workflow-type" => (Json(Task(v, c[0], "a", v == "3.2" ? "SUB_WORKFLOW" : "SUB_PROCESS",
                new JsonObject { ["processDefinitionCode"] = 1, ["workflowDefinitionCode"] = 1 })), Json(Edge(0, c[0]))),
            "http-without-timeout" => (Json(Task(v, c[0], "a", "HTTP", new JsonObject { ["url"] = "https://x", ["httpMethod"] = "GET" })), Json(Edge(0, c[0]))),
            "no-is-cache" => (Json(WithoutIsCache(Shell1(c[0]))), Json(Edge(0, c[0]))),
            _ => throw new ArgumentException(scenario),
        };
        var r = await Create(admin, v, projectCode, SandboxPair.Unique("wf"), tasks, relations);
        Assert.Equal((code, msg), (r.Code, r.Msg));
        Assert.Equal(code == 0 ? HttpStatusCode.Created : HttpStatusCode.OK, r.Status); // thrown errors are HTTP 200
    }

    private static JsonObject WithoutIsCache(JsonObject task)
    {
        task.Remove("isCache");
        return task;
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Name_description_and_project_checks(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (_, _, name) = await CreateSimple(admin, v, projectCode);
        var c = await Codes(admin, projectCode, 1);
        var tasks = Json(Task(v, c[0], "a", "SHELL", Shell()));
        var edges = Json(Edge(0, c[0]));

        var duplicate = await Create(admin, v, projectCode, name, tasks, edges);
        Assert.Equal((HttpStatusCode.OK, 10168, $"{(v == "3.2" ? "process" : "workflow")} definition name {name} already exists"),
            (duplicate.Status, duplicate.Code, duplicate.Msg));
        var tooLong = await Create(admin, v, projectCode, SandboxPair.Unique("wf"), tasks, edges, description: new string('x', 256));
        Assert.Equal((HttpStatusCode.OK, 1400004), (tooLong.Status, tooLong.Code));
        var noProject = await Create(admin, v, 1234567, SandboxPair.Unique("wf"), tasks, edges);
        Assert.Equal((HttpStatusCode.Created, 10018, "project  not found "), (noProject.Status, noProject.Code, noProject.Msg));
        var (_, userName, user) = await sandbox.NewUser(v);
        var denied = await Create(user, v, projectCode, SandboxPair.Unique("wf"), tasks, edges);
        Assert.Equal((HttpStatusCode.Created, 30003), (denied.Status, denied.Code));
        Assert.Contains(userName, denied.Msg);

        var verify = $"/projects/{projectCode}/{Definitions(v)}/verify-name";
        Assert.Equal(0, (await admin.Get(verify, ("name", SandboxPair.Unique("free")))).Code);
        Assert.Equal(10168, (await admin.Get(verify, ("name", " " + name + " "))).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Verify_name_takes_the_flavours_code_parameter(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (code, _, name) = await CreateSimple(admin, v, projectCode);
        var verify = $"/projects/{projectCode}/{Definitions(v)}/verify-name";
        var own = await admin.Get(verify, ("name", name), (v == "3.2" ? "code" : "workflowDefinitionCode", code));
        Assert.Equal(0, own.Code);
        var uiParameter = await admin.Get(verify, ("name", name), ("workflowCode", code)); // the 3.3+ UI's name, ignored
        Assert.Equal(10168, uiParameter.Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Release_rules_update_delete_and_schedule_offline(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (code, taskCode, name) = await CreateSimple(admin, v, projectCode);
        var path = $"/projects/{projectCode}/{Definitions(v)}/{code}";
        var word = v == "3.2" ? "process" : "workflow";

        Assert.True((await Release(admin, v, projectCode, code, "ONLINE")).Data.GetBoolean());
        Assert.Equal(0, (await Release(admin, v, projectCode, code, "ONLINE")).Code); // already online: no-op

        var update = await admin.Put(path, ("name", name), ("taskDefinitionJson", Json(Task(v, taskCode, "only", "SHELL", Shell("echo 2")))),
            ("taskRelationJson", Json(Edge(0, taskCode))));
        Assert.Equal((50008, $"{word} definition {name} does not allow edit"), (update.Code, update.Msg));
        var delete = await admin.Delete(path);
        Assert.Equal((50021, $"{word} definition [{name}] is already online"), (delete.Code, delete.Msg));

        var schedule = await admin.Post($"/projects/{projectCode}/schedules", (CodeParam(v), code),
            ("schedule", "{\"startTime\":\"2030-01-01 00:00:00\",\"endTime\":\"2031-01-01 00:00:00\",\"crontab\":\"0 0 2 * * ? *\",\"timezoneId\":\"UTC\"}"));
        Assert.Equal(0, schedule.Code);
        var scheduleId = schedule.Data.GetProperty("id").GetInt32();
        Assert.Equal(0, (await admin.Post($"/projects/{projectCode}/schedules/{scheduleId}/online")).Code);

        var listed = await admin.Get($"/projects/{projectCode}/{Definitions(v)}", ("pageNo", 1), ("pageSize", 10));
        var item = Assert.Single(listed.Data.GetProperty("totalList").EnumerateArray());
        Assert.Equal(("ONLINE", scheduleId, "admin", "admin"), (item.GetProperty("scheduleReleaseState").GetString(),
            item.GetProperty("schedule").GetProperty("id").GetInt32(), item.GetProperty("userName").GetString(), item.GetProperty("modifyBy").GetString()));

        Assert.Equal(0, (await Release(admin, v, projectCode, code, "OFFLINE")).Code);
        var schedules = await admin.Get($"/projects/{projectCode}/schedules", ("pageNo", 1), ("pageSize", 10));
        Assert.Equal("OFFLINE", Assert.Single(schedules.Data.GetProperty("totalList").EnumerateArray()).GetProperty("releaseState").GetString());

        var (userId, _, user) = await sandbox.NewUser(v);
        Assert.Equal(0, (await admin.Post("/users/grant-project-by-code", ("userId", userId), ("projectCode", projectCode))).Code);
        Assert.Equal(30001, (await user.Delete(path)).Code); // creator or admin only

        Assert.Equal(10137, (await admin.Delete($"/projects/{projectCode}")).Code);
        var project = await admin.Get("/projects", ("pageNo", 1), ("pageSize", 100), ("searchVal", (await admin.Get($"/projects/{projectCode}")).Data.GetProperty("name").GetString()));
        Assert.Equal(1, Assert.Single(project.Data.GetProperty("totalList").EnumerateArray()).GetProperty("defCount").GetInt32());

        Assert.Equal(0, (await admin.Delete(path)).Code); // the OFFLINE schedule goes with it
        Assert.Equal(0, (await admin.Get($"/projects/{projectCode}/schedules", ("pageNo", 1), ("pageSize", 10))).Data.GetProperty("total").GetInt32());
        var gone = await admin.Get(path);
        Assert.Equal((50003, $"{word} definition {code} does not exist"), (gone.Code, gone.Msg));
        Assert.Equal(0, (await admin.Delete($"/projects/{projectCode}")).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Update_saves_a_new_version_and_can_publish(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (code, taskCode, name) = await CreateSimple(admin, v, projectCode);
        var path = $"/projects/{projectCode}/{Definitions(v)}/{code}";
        var extra = (await Codes(admin, projectCode, 1))[0];
        var newName = SandboxPair.Unique("wf");

        var updated = await admin.Put(path, ("name", newName), ("description", "v2"),
            ("taskDefinitionJson", Json(Task(v, taskCode, "only", "SHELL", Shell("echo 2"), version: 1), Task(v, extra, "next", "PYTHON", Python()))),
            ("taskRelationJson", Json(Edge(0, taskCode), Edge(taskCode, extra))), ("releaseState", "ONLINE"));
        Assert.Equal((HttpStatusCode.OK, 0), (updated.Status, updated.Code));
        Assert.Equal((newName, 1, "OFFLINE"), (updated.Data.GetProperty("name").GetString(), updated.Data.GetProperty("version").GetInt32(),
            updated.Data.GetProperty("releaseState").GetString())); // the object read before saving

        var got = await admin.Get(path);
        var d = got.Data.GetProperty(DefinitionKey(v));
        Assert.Equal((2, "ONLINE", newName), (d.GetProperty("version").GetInt32(), d.GetProperty("releaseState").GetString(), d.GetProperty("name").GetString()));
        var tasks = got.Data.GetProperty("taskDefinitionList").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetInt64(), t => t.GetProperty("version").GetInt32());
        Assert.Equal(2, tasks[taskCode]); // changed script: new task version
        Assert.Equal(1, tasks[extra]);
        Assert.Contains(got.Data.GetProperty(RelationListKey(v)).EnumerateArray(),
            e => e.GetProperty("preTaskCode").GetInt64() == taskCode && e.GetProperty("preTaskVersion").GetInt32() == 2);

        Assert.Equal(0, (await Release(admin, v, projectCode, code, "OFFLINE")).Code);
        var missing = await admin.Put($"/projects/{projectCode}/{Definitions(v)}/99", ("name", "x"),
            ("taskDefinitionJson", Json(Task(v, taskCode, "only", "SHELL", Shell()))), ("taskRelationJson", Json(Edge(0, taskCode))));
        Assert.Equal((50003, $"{(v == "3.2" ? "process" : "workflow")} definition 99 does not exist"), (missing.Code, missing.Msg));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Versions_list_switch_and_delete(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (code, taskCode, name) = await CreateSimple(admin, v, projectCode);
        var path = $"/projects/{projectCode}/{Definitions(v)}/{code}";
        var update = await admin.Put(path, ("name", name + "-2"),
            ("taskDefinitionJson", Json(Task(v, taskCode, "only", "SHELL", Shell("echo 2"), version: 1))), ("taskRelationJson", Json(Edge(0, taskCode))));
        Assert.Equal(0, update.Code);

        var versions = await admin.Get(path + "/versions", ("pageNo", 1), ("pageSize", 10));
        Assert.Equal(2, versions.Data.GetProperty("total").GetInt32());
        var list = versions.Data.GetProperty("totalList").EnumerateArray().ToList();
        Assert.Equal([2, 1], list.Select(x => x.GetProperty("version").GetInt32()));
        Assert.Equal(1, list[0].GetProperty("operator").GetInt32());
        Assert.Equal(name, list[1].GetProperty("name").GetString());

        Assert.Equal(50053, (await admin.Delete(path + "/versions/2")).Code);
        var switched = await admin.Get(path + "/versions/1");
        Assert.Equal((0, JsonValueKind.Null), (switched.Code, switched.Data.ValueKind));
        var got = await admin.Get(path);
        Assert.Equal((1, name), (got.Data.GetProperty(DefinitionKey(v)).GetProperty("version").GetInt32(), got.Data.GetProperty(DefinitionKey(v)).GetProperty("name").GetString()));
        Assert.Equal(1, Assert.Single(got.Data.GetProperty("taskDefinitionList").EnumerateArray()).GetProperty("version").GetInt32());

        Assert.Equal(10153, (await admin.Get(path + "/versions/9")).Code);
        Assert.Equal(50022, (await admin.Delete(path + "/versions/9")).Code);
        Assert.Equal(0, (await admin.Delete(path + "/versions/2")).Code);
        Assert.Equal(1, (await admin.Get(path + "/versions", ("pageNo", 1), ("pageSize", 10))).Data.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Flavour_33_cannot_delete_a_version_of_a_workflow_without_lineage()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { ServerVersion = "3.3" });
        var admin = await new DsClient(sandbox.Http, server.BaseUri).Login("admin", SandboxPair.AdminPassword);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (code, taskCode, name) = await CreateSimple(admin, "3.3", projectCode);
        var path = $"/projects/{projectCode}/workflow-definition/{code}";
        Assert.Equal(0, (await admin.Put(path, ("name", name), ("taskDefinitionJson", Json(Task("3.3", taskCode, "only", "SHELL", Shell("echo 2"), 1))),
            ("taskRelationJson", Json(Edge(0, taskCode))))).Code);
        var r = await admin.Delete(path + "/versions/1");
        Assert.Equal((1403003, "delete workflow lineage error"), (r.Code, r.Msg));
        Assert.Equal(2, (await admin.Get(path + "/versions", ("pageNo", 1), ("pageSize", 10))).Data.GetProperty("total").GetInt32());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Lists_tasks_and_variables(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (first, firstTask, firstName) = await CreateSimple(admin, v, projectCode);
        var (second, _, _) = await CreateSimple(admin, v, projectCode);
        var basePath = $"/projects/{projectCode}/{Definitions(v)}";

        var simple = await admin.Get(basePath + "/simple-list");
        Assert.Equal([second, first], simple.Data.EnumerateArray().Select(x => x.GetProperty("code").GetInt64()));
        Assert.Equal(["id", "code", "name", "projectCode"], simple.Data[0].EnumerateObject().Select(p => p.Name));
        foreach (var listPath in new[] { "/list", "/all" })
        {
            var dags = await admin.Get(basePath + listPath);
            Assert.Equal(2, dags.Data.GetArrayLength());
            Assert.True(dags.Data[0].TryGetProperty(DefinitionKey(v), out _));
        }
        var page = await admin.Get(basePath, ("pageNo", 1), ("pageSize", 1), ("searchVal", firstName));
        Assert.Equal((1, first), (page.Data.GetProperty("total").GetInt32(), page.Data.GetProperty("totalList")[0].GetProperty("code").GetInt64()));

        var tasks = await admin.Get($"{basePath}/{first}/tasks");
        Assert.Equal(firstTask, Assert.Single(tasks.Data.EnumerateArray()).GetProperty("code").GetInt64());
        var batch = await admin.Get(basePath + "/batch-query-tasks", ("codes", $"{first},{second}"));
        Assert.Equal(2, batch.Data.EnumerateObject().Count());
        Assert.True(batch.Data.TryGetProperty(first.ToString(), out _));

        var picker = await admin.Get(basePath + (v == "3.2" ? "/query-process-definition-list" : "/query-workflow-definition-list"));
        Assert.Equal(["code", "name", "version"], picker.Data[0].EnumerateObject().Select(p => p.Name));
        var taskPicker = await admin.Get(basePath + "/query-task-definition-list", (CodeParam(v), first));
        Assert.Equal(firstTask, Assert.Single(taskPicker.Data.EnumerateArray()).GetProperty("code").GetInt64());

        var variables = await admin.Get($"{basePath}/{first}/view-variables");
        Assert.Equal(0, variables.Data.GetProperty("globalParams").GetArrayLength());
        var local = variables.Data.GetProperty("localParams").GetProperty("only");
        Assert.Equal("SHELL", local.GetProperty("taskType").GetString());
        Assert.Equal("dt", local.GetProperty("localParamsList")[0].GetProperty("prop").GetString());

        var batchDelete = await admin.Post(basePath + "/batch-delete", ("codes", $"{first},123"));
        Assert.Equal((50026, $"batch delete {(v == "3.2" ? "process" : "workflow")} definition by codes error: 123[{(v == "3.2" ? "process" : "workflow")} definition not exist]"),
            (batchDelete.Code, batchDelete.Msg));
        Assert.Equal(10158, (await admin.Post(basePath + "/batch-delete", ("codes", ""))).Code);
        Assert.Equal(0, (await admin.Post(basePath + "/batch-delete", ("codes", $"{first},{second}"))).Code);
        Assert.Equal(0, (await admin.Get(basePath + "/simple-list")).Data.GetArrayLength());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Sub_workflows_must_be_online_and_cannot_be_deleted_while_used(string v)
    {
        var admin = sandbox.Admin(v);
        var (projectCode, _, _) = await sandbox.NewProject(admin);
        var (child, _, childName) = await CreateSimple(admin, v, projectCode);
        var c = await Codes(admin, projectCode, 1);
        var type = v == "3.2" ? "SUB_PROCESS" : "SUB_WORKFLOW";
        var sub = Task(v, c[0], "call-child", type, new JsonObject { [v == "3.2" ? "processDefinitionCode" : "workflowDefinitionCode"] = child });
        var parentName = SandboxPair.Unique("wf");
        var parent = await Create(admin, v, projectCode, parentName, Json(sub), Json(Edge(0, c[0])));
        Assert.Equal(0, parent.Code);
        var parentCode = parent.Data.GetProperty("code").GetInt64();

        var online = await Release(admin, v, projectCode, parentCode, "ONLINE");
        Assert.Equal((10000, $"Internal Server Error: SubWorkflowDefinition {childName} is not online"), (online.Code, online.Msg));

        var w = await Codes(admin, projectCode, 1);
        var dependence = new JsonObject
        {
            ["dependence"] = new JsonObject
            {
                ["relation"] = "AND", ["checkInterval"] = 10, ["failurePolicy"] = "DEPENDENT_FAILURE_FAILURE",
                ["dependTaskList"] = new JsonArray(new JsonObject
                {
                    ["relation"] = "AND",
                    ["dependItemList"] = new JsonArray(new JsonObject
                    {
                        ["projectCode"] = projectCode, ["definitionCode"] = child, ["depTaskCode"] = 0, ["cycle"] = "day", ["dateValue"] = "today",
                    }),
                }),
            },
        };
        var watcherName = SandboxPair.Unique("wf");
        Assert.Equal(0, (await Create(admin, v, projectCode, watcherName, Json(Task(v, w[0], "wait", "DEPENDENT", dependence)), Json(Edge(0, w[0])))).Code);

        var delete = await admin.Delete($"/projects/{projectCode}/{Definitions(v)}/{child}");
        if (v == "3.2")
        {
            Assert.Equal(10193, delete.Code);
            Assert.StartsWith("delete process definition fail, cause used by other tasks: ", delete.Msg);
            Assert.Contains($"{parentName}:call-child", delete.Msg);
            Assert.Contains($"{watcherName}:wait", delete.Msg);
        }
        else
        {
            // Only DEPENDENT tasks write lineage in 3.3+, and the text names the deleted workflow itself.
            Assert.Equal((10000, "Internal Server Error: workflow definition cannot be deleted because it has dependent, "
                + $"delete task  fail, the reason is that used by other tasks: {childName}:wait"), (delete.Code, delete.Msg));
        }

        Assert.Equal(0, (await Release(admin, v, projectCode, child, "ONLINE")).Code);
        Assert.Equal(0, (await Release(admin, v, projectCode, parentCode, "ONLINE")).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Gen_task_codes_bounds(string v)
    {
        var admin = sandbox.Admin(v);
        var r = await admin.Get("/projects/0/task-definition/gen-task-codes", ("genNum", 100));
        Assert.Equal(100, r.Data.EnumerateArray().Select(x => x.GetInt64()).Distinct().Count());
        Assert.All(r.Data.EnumerateArray(), x => Assert.InRange(x.GetInt64().ToString().Length, 13, 14));
        var zero = await admin.Get("/projects/0/task-definition/gen-task-codes", ("genNum", 0));
        Assert.Equal((50017, "data 0 not valid"), (zero.Code, zero.Msg));
        Assert.Equal((50017, "data 101 not valid"), ((await admin.Get("/projects/0/task-definition/gen-task-codes", ("genNum", 101))).Code,
            (await admin.Get("/projects/0/task-definition/gen-task-codes", ("genNum", 101))).Msg));
    }
}
