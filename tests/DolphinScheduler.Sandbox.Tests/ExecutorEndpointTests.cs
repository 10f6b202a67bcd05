using System.Text.Json;
using static DolphinScheduler.Sandbox.Tests.Infrastructure.ExecutionSandboxes;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>batch-start, execute-task, the stream task start and definition/tenant hooks.</summary>
public sealed class ExecutorEndpointTests(ExecutionSandboxes sandbox) : IClassFixture<ExecutionSandboxes>
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Batch_start_starts_each_definition(string v)
    {
        var project = await sandbox.NewProject(v);
        var one = await sandbox.CreateWorkflow(v, project, [new TaskSpec("a")], []);
        var two = await sandbox.CreateWorkflow(v, project, [new TaskSpec("b")], []);
        var codesParam = v == "3.2" ? "processDefinitionCodes" : "workflowDefinitionCodes";
        var path = $"/projects/{project}/executors/{(v == "3.2" ? "batch-start-process-instance" : "batch-start-workflow-instance")}";
        var r = await sandbox.Admin(v).Post(path, (codesParam, $"{one.Code},{two.Code}"), ("scheduleTime", ""), ("failureStrategy", "CONTINUE"),
            ("warningType", "NONE"), ("execType", "START_PROCESS"));
        Assert.True(r.Code == 0, r.ToString());
        List<int> ids;
        if (v == "3.2")
        {
            Assert.Equal(JsonValueKind.Number, r.Data.ValueKind); // the last trigger code
            await Task.Delay(1000);
            var page = await sandbox.Admin(v).Get($"/projects/{project}/process-instances", ("pageNo", 1), ("pageSize", 10));
            ids = page.Data.GetProperty("totalList").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
        }
        else
        {
            ids = r.Data.EnumerateArray().Select(x => x.GetInt32()).ToList();
        }
        Assert.Equal(2, ids.Count);
        foreach (var id in ids)
            Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, project, id)));

        // 3.3+ needs execType on batch start (no default, README §10.5).
        if (v != "3.2")
        {
            var noExec = await sandbox.Admin(v).Post(path, (codesParam, one.Code.ToString()), ("scheduleTime", ""), ("failureStrategy", "CONTINUE"), ("warningType", "NONE"));
            Assert.Equal(50014, noExec.Code);
            Assert.StartsWith("batch start workflow instance error: {0}:", noExec.Msg);
        }
        else
        {
            var offline = await sandbox.CreateWorkflow(v, project, [new TaskSpec("c")], [], online: false);
            var refused = await sandbox.Admin(v).Post(path, (codesParam, offline.Code.ToString()), ("scheduleTime", ""), ("failureStrategy", "CONTINUE"), ("warningType", "NONE"));
            Assert.Equal(50004, refused.Code); // thrown by the single start, not collected
        }
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Execute_task_reruns_one_task_of_a_finished_instance(string v)
    {
        var dir = Directory.CreateTempSubdirectory("ds-exec-task-").FullName;
        var counter = Path.Combine(dir, "count");
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("a", $"echo a >> {counter}"), new TaskSpec("b", "echo b")], [("a", "b")]);
        var id = await sandbox.Start(v, wf);
        await sandbox.Wait(v, wf.ProjectCode, id);
        var path = $"/projects/{wf.ProjectCode}/executors/execute-task";
        var r = await sandbox.Admin(v).Post(path, (InstanceIdParam(v), id), ("startNodeList", wf.Tasks["a"]), ("taskDependType", "TASK_ONLY"));
        Assert.True(r.Code == 0, r.ToString());
        var done = await sandbox.Wait(v, wf.ProjectCode, id, i => i.GetProperty("runTimes").GetInt32() == 2 && FinalStates.Contains(StateOf(i)));
        Assert.Equal(("SUCCESS", "EXECUTE_TASK"), (StateOf(done), done.GetProperty("commandType").GetString()));
        Assert.Equal(2, File.ReadAllLines(counter).Length);
        Assert.Equal(3, (await sandbox.TaskInstances(v, wf.ProjectCode, id)).Count);
        Assert.Equal(2, (await sandbox.Tasks(v, wf.ProjectCode, id)).Count);

        var notNumber = await sandbox.Admin(v).Post(path, (InstanceIdParam(v), id), ("startNodeList", "x"), ("taskDependType", "TASK_ONLY"));
        Assert.Equal((10001, "request parameter x is not valid"), (notNumber.Code, notNumber.Msg));
        var unknown = await sandbox.Admin(v).Post(path, (InstanceIdParam(v), id), ("startNodeList", "123"), ("taskDependType", "TASK_ONLY"));
        Assert.Equal((10206, "please save and try again"), (unknown.Code, unknown.Msg));

        var longWf = await sandbox.NewWorkflow(v, [new TaskSpec("long", "sleep 20")], []);
        var running = await sandbox.Start(v, longWf);
        await sandbox.WaitTask(v, longWf.ProjectCode, running, "long", "RUNNING_EXECUTION");
        var notFinished = await sandbox.Admin(v).Post($"/projects/{longWf.ProjectCode}/executors/execute-task", (InstanceIdParam(v), running),
            ("startNodeList", longWf.Tasks["long"]), ("taskDependType", "TASK_ONLY"));
        Assert.Equal(50071, notFinished.Code);
        Assert.Equal(0, (await sandbox.Execute(v, longWf.ProjectCode, running, "STOP")).Code);
        Assert.Equal("STOP", StateOf(await sandbox.Wait(v, longWf.ProjectCode, running)));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task A_stream_task_runs_until_stopped(string v)
    {
        var project = await sandbox.NewProject(v);
        var gen = await sandbox.Admin(v).Get($"/projects/{project}/task-definition/gen-task-codes", ("genNum", 1));
        var code = gen.Data[0].GetInt64();
        var store = sandbox.Server(v).Store;
        lock (store.Gate)
        {
            var now = store.Now;
            var row = new State.TaskDefinitionLogRow
            {
                Code = code, Name = "stream", Version = 1, ProjectCode = project, UserId = 1, TaskType = "FLINK_STREAM",
                TaskParams = """{"programType":"SQL","rawScript":"insert into x select 1"}""", Flag = State.Flag.YES,
                TaskExecuteType = State.TaskExecuteType.STREAM, CreateTime = now, UpdateTime = now, Operator = 1, OperateTime = now,
            };
            store.TaskDefinitionLogs.Insert(row);
            store.TaskDefinitions.Insert(row.ToCurrent());
        }
        var r = await sandbox.Admin(v).Post($"/projects/{project}/executors/task-instance/{code}/start", ("version", 1));
        Assert.True(r.Code == 0, r.ToString());
        Assert.True(r.Data.GetBoolean());

        JsonElement task = default;
        for (var i = 0; i < 100; i++)
        {
            var list = await sandbox.Admin(v).Get($"/projects/{project}/task-instances", ("pageNo", 1), ("pageSize", 10), ("taskExecuteType", "STREAM"));
            var rows = list.Data.GetProperty("totalList").EnumerateArray().ToList();
            if (rows.Count == 1 && StateOf(rows[0]) == "RUNNING_EXECUTION")
            {
                task = rows[0];
                break;
            }
            await Task.Delay(30);
        }
        Assert.Equal(JsonValueKind.Object, task.ValueKind);
        var taskId = task.GetProperty("id").GetInt32();
        Assert.Equal(0, (await sandbox.Admin(v).Post($"/projects/{project}/task-instances/{taskId}/savepoint")).Code);
        Assert.Equal(0, (await sandbox.Admin(v).Post($"/projects/{project}/task-instances/{taskId}/stop")).Code);
        for (var i = 0; i < 100; i++)
        {
            var list = await sandbox.Admin(v).Get($"/projects/{project}/task-instances", ("pageNo", 1), ("pageSize", 10), ("taskExecuteType", "STREAM"));
            if (StateOf(list.Data.GetProperty("totalList")[0]) == "KILL")
                break;
            await Task.Delay(30);
        }
        var log = await sandbox.Log(v, taskId);
        Assert.Contains("savepoint triggered", log);
        Assert.Contains("stream task stopped", log);

        var missing = await sandbox.Admin(v).Post($"/projects/{project}/executors/task-instance/999/start", ("version", 1));
        Assert.Equal(50059, missing.Code);
        Assert.Equal(10008, (await sandbox.Admin(v).Post($"/projects/{project}/task-instances/999999/stop")).Code);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Running_instances_block_definition_and_tenant_deletes(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("long", "sleep 20")], []);
        var id = await sandbox.Start(v, wf);
        await sandbox.WaitTask(v, wf.ProjectCode, id, "long", "RUNNING_EXECUTION");
        var definitionPath = $"/projects/{wf.ProjectCode}/{(v == "3.2" ? "process-definition" : "workflow-definition")}/{wf.Code}";
        Assert.Equal(0, (await sandbox.Admin(v).Post($"{definitionPath}/release", ("releaseState", "OFFLINE"))).Code);
        var refused = await sandbox.Admin(v).Delete(definitionPath);
        Assert.Equal(10163, refused.Code);

        // 3.2's project list counts running instances of current definitions.
        if (v == "3.2")
        {
            var page = await sandbox.Admin(v).Get("/projects", ("pageNo", 1), ("pageSize", 100));
            var row = page.Data.GetProperty("totalList").EnumerateArray().Single(p => p.GetProperty("code").GetInt64() == wf.ProjectCode);
            Assert.Equal(1, row.GetProperty("instRunningCount").GetInt32());
        }

        Assert.Equal(0, (await sandbox.Execute(v, wf.ProjectCode, id, "STOP")).Code);
        Assert.Equal("STOP", StateOf(await sandbox.Wait(v, wf.ProjectCode, id)));
        var deleted = await sandbox.Admin(v).Delete(definitionPath);
        Assert.True(deleted.Code == 0, deleted.ToString());
        Assert.Equal(50001, (await sandbox.Admin(v).Get($"/projects/{wf.ProjectCode}/{Instances(v)}/{id}")).Code); // deleted with it
    }
}
