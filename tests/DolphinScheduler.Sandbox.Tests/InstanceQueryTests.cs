using System.Diagnostics;
using System.Text.Json;
using static DolphinScheduler.Sandbox.Tests.Infrastructure.ExecutionSandboxes;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>Workflow-instance and task-instance queries: filters, JSON per flavour, errors, seeding at scale.</summary>
public sealed class InstanceQueryTests(ExecutionSandboxes sandbox) : IClassFixture<ExecutionSandboxes>
{
    private static List<int> Ids(DsResponse page) => page.Data.GetProperty("totalList").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Instance_list_filters(string v)
    {
        var project = await sandbox.NewProject(v);
        var good = await sandbox.CreateWorkflow(v, project, [new TaskSpec("ok")], []);
        var bad = await sandbox.CreateWorkflow(v, project, [new TaskSpec("ko", "exit 1")], []);
        var (userId, userName, user) = await sandbox.NewUser(v);
        var projectId = (await sandbox.Admin(v).Get($"/projects/{project}")).Data.GetProperty("id").GetInt32();
        Assert.Equal(0, (await sandbox.Admin(v).Post("/users/grant-project", ("userId", userId), ("projectIds", projectId.ToString()))).Code);

        var before = DateTime.UtcNow.AddSeconds(-2).ToString("yyyy-MM-dd HH:mm:ss");
        var ok1 = await sandbox.Start(v, good);
        var ko = await sandbox.Start(v, bad);
        var byUser = await user.Post($"/projects/{project}/{StartPath(v)}", (DefinitionCodeParam(v), good.Code), ("scheduleTime", ""),
            ("failureStrategy", "CONTINUE"), ("warningType", "NONE"));
        Assert.True(byUser.Code == 0, byUser.ToString());
        var ok2 = v == "3.2" ? (await sandbox.TriggerInstances(v, project, byUser.Data.GetInt64(), 1)).Single() : byUser.Data[0].GetInt32();
        foreach (var id in new[] { ok1, ko, ok2 })
            await sandbox.Wait(v, project, id);

        var path = $"/projects/{project}/{Instances(v)}";
        var codeParam = v == "3.2" ? "processDefineCode" : "workflowDefinitionCode";
        async Task<DsResponse> Page(params (string, object?)[] p)
        {
            var r = await sandbox.Admin(v).Get(path, [("pageNo", 1), ("pageSize", 10), .. p]);
            Assert.True(r.Code == 0, r.ToString());
            return r;
        }

        var all = await Page();
        Assert.Equal([ok2, ko, ok1], Ids(all)); // start_time desc (ids break ties)
        Assert.Equal(3, all.Data.GetProperty("total").GetInt32());
        Assert.Equal(1, all.Data.GetProperty("totalPage").GetInt32());
        var first = all.Data.GetProperty("totalList")[0];
        Assert.Matches(@"^(\d+m )?\d+s$", first.GetProperty("duration").GetString());
        Assert.Equal(userName, first.GetProperty("executorName").GetString());

        Assert.Equal([ko], Ids(await Page(("stateType", "FAILURE"))));
        Assert.Equal([ok2, ok1], Ids(await Page((codeParam, good.Code))));
        Assert.Equal([ko], Ids(await Page(("searchVal", bad.Name))));
        Assert.Equal([ok2], Ids(await Page(("executorName", userName))));
        Assert.Equal(3, Ids(await Page(("host", "5678"))).Count);
        Assert.Empty(Ids(await Page(("host", "9999"))));
        Assert.Equal(3, Ids(await Page(("startDate", before))).Count);
        Assert.Empty(Ids(await Page(("startDate", DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd HH:mm:ss")))));
        Assert.Empty(Ids(await Page(("endDate", before))));

        var paged = await sandbox.Admin(v).Get(path, ("pageNo", 2), ("pageSize", 2));
        Assert.Equal([ok1], Ids(paged));
        Assert.Equal((2, 2, 2), (paged.Data.GetProperty("currentPage").GetInt32(), paged.Data.GetProperty("pageNo").GetInt32(), paged.Data.GetProperty("totalPage").GetInt32()));

        var badDate = await sandbox.Admin(v).Get(path, ("pageNo", 1), ("pageSize", 10), ("startDate", "yesterday"));
        Assert.Equal((10001, "request parameter startDate,endDate is not valid"), (badDate.Code, badDate.Msg));
        var badPage = await sandbox.Admin(v).Get(path, ("pageNo", 0), ("pageSize", 10));
        Assert.Equal(10001, badPage.Code);

        // Task-instance list filters.
        var tasksPath = $"/projects/{project}/task-instances";
        async Task<List<string>> TaskNames(params (string, object?)[] p)
        {
            var r = await sandbox.Admin(v).Get(tasksPath, [("pageNo", 1), ("pageSize", 50), .. p]);
            Assert.True(r.Code == 0, r.ToString());
            return r.Data.GetProperty("totalList").EnumerateArray().Select(x => x.GetProperty("name").GetString()!).ToList();
        }
        Assert.Equal(3, (await TaskNames()).Count);
        Assert.Equal(["ko"], await TaskNames(("stateType", "FAILURE")));
        Assert.Equal(["ok", "ok"], await TaskNames(("taskName", "ok")));
        Assert.Equal(["ko"], await TaskNames(("taskCode", bad.Tasks["ko"])));
        Assert.Equal(["ko"], await TaskNames(("searchVal", "ko")));
        Assert.Equal(["ok"], await TaskNames((InstanceIdParam(v), ok1)));
        Assert.Equal(["ko"], await TaskNames((v == "3.2" ? "processInstanceName" : "workflowInstanceName", bad.Name)));
        Assert.Equal(["ok"], await TaskNames(("executorName", userName)));
        Assert.Equal(3, (await TaskNames(("host", "1234"))).Count);
        Assert.Empty(await TaskNames(("taskExecuteType", "STREAM")));
        Assert.Empty(await TaskNames(("startDate", DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd HH:mm:ss"))));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Instance_detail_and_tasks_json_per_flavour(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("a"), new TaskSpec("b")], [("a", "b")]);
        var id = await sandbox.Start(v, wf);
        await sandbox.Wait(v, wf.ProjectCode, id);
        var detail = await sandbox.Instance(v, wf.ProjectCode, id);
        var fields = detail.EnumerateObject().Select(p => p.Name).ToList();
        var code = v == "3.2" ? "processDefinitionCode" : "workflowDefinitionCode";
        Assert.Equal(["id", code, v == "3.2" ? "processDefinitionVersion" : "workflowDefinitionVersion", "projectCode", "state", "stateHistory", "stateDescList", "recovery"], fields.Take(8));
        Assert.Equal(v == "3.2", fields.Contains("blocked"));
        Assert.Equal(v == "3.2", fields.Contains("testFlag"));
        Assert.Contains(v == "3.2" ? "isSubProcess" : "isSubWorkflow", fields);
        Assert.Contains(v == "3.2" ? "processInstancePriority" : "workflowInstancePriority", fields);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("duration").ValueKind); // only lists fill it
        Assert.Equal("[]", detail.GetProperty("locations").GetString());
        var dag = detail.GetProperty("dagData");
        Assert.Equal(wf.Code, dag.GetProperty(v == "3.2" ? "processDefinition" : "workflowDefinition").GetProperty("code").GetInt64());
        Assert.Equal(2, dag.GetProperty(v == "3.2" ? "processTaskRelationList" : "workflowTaskRelationList").GetArrayLength());
        Assert.Equal(2, dag.GetProperty("taskDefinitionList").GetArrayLength());
        var history = JsonDocument.Parse(detail.GetProperty("stateHistory").GetString()!).RootElement.EnumerateArray().ToList();
        Assert.Equal(v == "3.2"
            ? ["RUNNING_EXECUTION:init running", "RUNNING_EXECUTION:start a new process", "SUCCESS:update by workflow executor"]
            : ["SUBMITTED_SUCCESS:START_PROCESS", "RUNNING_EXECUTION:START_PROCESS"],
            history.Select(h => h.GetProperty("state").GetString() + ":" + h.GetProperty("desc").GetString()));

        var tasks = await sandbox.Admin(v).Get($"/projects/{wf.ProjectCode}/{Instances(v)}/{id}/tasks");
        Assert.Equal(v == "3.2" ? "WorkflowExecutionStatus{code=7, desc='success'}" : "SUCCESS", tasks.Data.GetProperty(InstanceStateKey(v)).GetString());
        var item = tasks.Data.GetProperty("taskList")[0];
        var taskFields = item.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(v == "3.2" ? "processInstanceId" : "workflowInstanceId", taskFields[3]);
        Assert.Contains("processDefinitionName", taskFields); // sic, also in 3.3+
        Assert.Equal(v == "3.2", taskFields.Contains("isCache"));
        Assert.Equal(v == "3.2", taskFields.Contains("firstRun"));
        Assert.Equal(v != "3.2", taskFields[^1] == "taskInstanceDependentResult");
        Assert.Equal(wf.Name, item.GetProperty("processDefinitionName").GetString());
        // Tasks come newest start first.
        Assert.Equal("b", item.GetProperty("name").GetString());

        // Errors.
        var path = $"/projects/{wf.ProjectCode}/{Instances(v)}";
        var missing = await sandbox.Admin(v).Get($"{path}/424242");
        Assert.Equal((50001, v == "3.2" ? "process instance 424,242 does not exist" : "workflow instance 424,242 does not exist"), (missing.Code, missing.Msg));
        var other = await sandbox.NewProject(v);
        var foreign = await sandbox.Admin(v).Get($"/projects/{other}/{Instances(v)}/{id}");
        Assert.Equal(50003, foreign.Code);
        Assert.Equal(10190, (await sandbox.Admin(v).Get($"/projects/1/{Instances(v)}/{id}")).Code);
        var (_, userName, user) = await sandbox.NewUser(v);
        var denied = await user.Get($"{path}/{id}");
        Assert.Equal((30002, $"user {userName} is not has project {wf.ProjectCode:#,##0} permission"), (denied.Code, denied.Msg));
        Assert.Equal(30002, (await user.Get(path, ("pageNo", 1), ("pageSize", 10))).Code);
        Assert.Equal(30002, (await user.Get($"/projects/{wf.ProjectCode}/task-instances", ("pageNo", 1), ("pageSize", 10))).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Variables_gantt_top_n_and_sub_workflows(string v)
    {
        var project = await sandbox.NewProject(v);
        var child = await sandbox.CreateWorkflow(v, project, [new TaskSpec("inner", "echo inner")], []);
        var (subType, subField) = v == "3.2" ? ("SUB_PROCESS", "processDefinitionCode") : ("SUB_WORKFLOW", "workflowDefinitionCode");
        var parent = await sandbox.CreateWorkflow(v, project,
        [
            new TaskSpec("local", "echo ${greeting}") { LocalParams = """[{"prop":"greeting","direct":"IN","type":"VARCHAR","value":"hi ${system.biz.curdate}"}]""" },
            new TaskSpec("sub", "") { Type = subType, ExtraParams = $$"""{"{{subField}}":{{child.Code}}}""" },
        ],
        [("local", "sub")], globalParams: """[{"prop":"env","direct":"IN","type":"VARCHAR","value":"test"}]""");
        var id = await sandbox.Start(v, parent);
        Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, project, id)));
        var path = $"/projects/{project}/{Instances(v)}";

        var vars = await sandbox.Admin(v).Get($"{path}/{id}/view-variables");
        Assert.Equal(0, vars.Code);
        Assert.Equal("env", vars.Data.GetProperty("globalParams")[0].GetProperty("prop").GetString());
        var local = vars.Data.GetProperty("localParams").GetProperty("local");
        Assert.Equal("SHELL", local.GetProperty("taskType").GetString());
        Assert.Equal("hi " + DateTime.UtcNow.ToString("yyyyMMdd"), local.GetProperty("localParamsList")[0].GetProperty("value").GetString());

        var gantt = await sandbox.Admin(v).Get($"{path}/{id}/view-gantt");
        Assert.Equal(0, gantt.Code);
        Assert.Equal([parent.Tasks["local"], parent.Tasks["sub"]], gantt.Data.GetProperty("taskNames").EnumerateArray().Select(x => x.GetInt64()));
        Assert.Equal(["local", "sub"], gantt.Data.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("taskName").GetString()));

        // The sub-workflow ran as its own (sub) instance, hidden from the list.
        var subTask = TaskNamed(await sandbox.Tasks(v, project, id), "sub");
        Assert.Equal("127.0.0.1:5678", subTask.GetProperty("host").GetString()); // logic tasks run on the master
        var sub = await sandbox.Admin(v).Get($"{path}/query-sub-by-parent", ("taskId", subTask.GetProperty("id").GetInt32()));
        Assert.True(sub.Code == 0, sub.ToString());
        var subId = sub.Data.GetProperty(v == "3.2" ? "subProcessInstanceId" : "subWorkflowInstanceId").GetInt32();
        var subInstance = await sandbox.Instance(v, project, subId);
        Assert.Equal("YES", subInstance.GetProperty(v == "3.2" ? "isSubProcess" : "isSubWorkflow").GetString());
        Assert.Equal("SUCCESS", StateOf(subInstance));
        var back = await sandbox.Admin(v).Get($"{path}/query-parent-by-sub", ("subId", subId));
        Assert.Equal(id, back.Data.GetProperty("parentWorkflowInstance").GetInt32());
        var notSub = await sandbox.Admin(v).Get($"{path}/query-parent-by-sub", ("subId", id));
        Assert.Equal(50010, notSub.Code);
        var notSubTask = await sandbox.Admin(v).Get($"{path}/query-sub-by-parent", ("taskId", TaskNamed(await sandbox.Tasks(v, project, id), "local").GetProperty("id").GetInt32()));
        Assert.Equal(10021, notSubTask.Code);
        var list = await sandbox.Admin(v).Get(path, ("pageNo", 1), ("pageSize", 10));
        Assert.Equal([id], Ids(list));

        var from = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd HH:mm:ss");
        var to = DateTime.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd HH:mm:ss");
        var top = await sandbox.Admin(v).Get($"{path}/top-n", ("size", 5), ("startTime", from), ("endTime", to));
        Assert.Equal(0, top.Code);
        Assert.Contains(id, top.Data.EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
        Assert.Equal(80003, (await sandbox.Admin(v).Get($"{path}/top-n", ("size", 5), ("startTime", to), ("endTime", from))).Code);
        Assert.Equal(80002, (await sandbox.Admin(v).Get($"{path}/top-n", ("size", -1), ("startTime", from), ("endTime", to))).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Update_instance_saves_a_new_definition_version(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("t", "echo one")], []);
        var id = await sandbox.Start(v, wf);
        await sandbox.Wait(v, wf.ProjectCode, id);
        var dag = (await sandbox.Instance(v, wf.ProjectCode, id)).GetProperty("dagData");
        var taskJson = JsonSerializer.Serialize(dag.GetProperty("taskDefinitionList").EnumerateArray().Select(t =>
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(t.GetRawText())!;
            map["taskParams"] = JsonDocument.Parse("""{"localParams":[],"rawScript":"echo two","resourceList":[]}""").RootElement;
            return map;
        }));
        var relationJson = dag.GetProperty(v == "3.2" ? "processTaskRelationList" : "workflowTaskRelationList").GetRawText();
        var path = $"/projects/{wf.ProjectCode}/{Instances(v)}/{id}";
        var r = await sandbox.Admin(v).Put(path, ("taskRelationJson", relationJson), ("taskDefinitionJson", taskJson), ("syncDefine", false),
            ("globalParams", "[]"), ("locations", "[]"), ("timeout", 0));
        Assert.True(r.Code == 0, r.ToString());
        var updated = await sandbox.Instance(v, wf.ProjectCode, id);
        Assert.Equal(2, updated.GetProperty(v == "3.2" ? "processDefinitionVersion" : "workflowDefinitionVersion").GetInt32());
        var definition = await sandbox.Admin(v).Get($"/projects/{wf.ProjectCode}/{(v == "3.2" ? "process-definition" : "workflow-definition")}/{wf.Code}");
        Assert.Equal(1, definition.Data.GetProperty(v == "3.2" ? "processDefinition" : "workflowDefinition").GetProperty("version").GetInt32());

        // Rerunning the instance uses its (new) version.
        Assert.Equal(0, (await sandbox.Execute(v, wf.ProjectCode, id, "REPEAT_RUNNING")).Code);
        await sandbox.Wait(v, wf.ProjectCode, id, i => i.GetProperty("runTimes").GetInt32() == 2 && FinalStates.Contains(StateOf(i)));
        var task = Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id));
        Assert.Contains(" -> two", await sandbox.Log(v, task.GetProperty("id").GetInt32()));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Seeding_ten_thousand_instances_and_paging_through_them(string v)
    {
        var server = sandbox.Server(v);
        var control = new Uri(server.BaseUri.GetLeftPart(UriPartial.Authority));
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();
        var seeded = await http.PostAsync(new Uri(control, $"/_sandbox/seed?instances=10000&project={SandboxPair.Unique("bench")}"), null);
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        var info = JsonDocument.Parse(await seeded.Content.ReadAsStringAsync()).RootElement;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"seeding took {watch.Elapsed}");
        var project = info.GetProperty("projectCode").GetInt64();

        watch.Restart();
        var ids = new HashSet<int>();
        var states = new HashSet<string>();
        string? previousStart = null;
        for (var page = 1; page <= 10; page++)
        {
            var r = await sandbox.Admin(v).Get($"/projects/{project}/{Instances(v)}", ("pageNo", page), ("pageSize", 1000));
            Assert.Equal(0, r.Code);
            Assert.Equal(10000, r.Data.GetProperty("total").GetInt32());
            foreach (var row in r.Data.GetProperty("totalList").EnumerateArray())
            {
                Assert.True(ids.Add(row.GetProperty("id").GetInt32()));
                states.Add(StateOf(row));
                var start = row.GetProperty("startTime").GetString()!;
                Assert.True(previousStart is null || string.CompareOrdinal(previousStart, start) >= 0, "start_time desc");
                previousStart = start;
                Assert.NotNull(row.GetProperty("duration").GetString());
            }
        }
        Assert.Equal(10000, ids.Count);
        Assert.Superset(new HashSet<string> { "SUCCESS", "FAILURE", "STOP", "PAUSE" }, states);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"paging took {watch.Elapsed}");

        var filtered = await sandbox.Admin(v).Get($"/projects/{project}/{Instances(v)}", ("pageNo", 1), ("pageSize", 10), ("stateType", "FAILURE"));
        Assert.InRange(filtered.Data.GetProperty("total").GetInt32(), 500, 3000);

        // A seeded instance can be rerun: its definition exists.
        var one = ids.Max();
        Assert.Equal(0, (await sandbox.Execute(v, project, one, "REPEAT_RUNNING")).Code);
        Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, project, one, i => i.GetProperty("runTimes").GetInt32() == 2 && FinalStates.Contains(StateOf(i)))));
    }
}
