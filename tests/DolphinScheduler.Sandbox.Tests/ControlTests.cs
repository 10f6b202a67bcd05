using System.Diagnostics;
using System.Text.Json;
using DolphinScheduler.Sandbox.State;
using static DolphinScheduler.Sandbox.Tests.Infrastructure.ExecutionSandboxes;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>executors/execute and friends: recover, repeat, pause, stop, the state table (research Q3).</summary>
public sealed class ControlTests(ExecutionSandboxes sandbox) : IClassFixture<ExecutionSandboxes>
{
    private static string Dir() => Directory.CreateTempSubdirectory("ds-control-test-").FullName;

    private static List<int> Ids(IEnumerable<JsonElement> tasks) => tasks.Select(t => t.GetProperty("id").GetInt32()).Order().ToList();

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Start_failure_task_process_reruns_only_failed_tasks_in_the_same_instance(string v)
    {
        var marker = Path.Combine(Dir(), "fixed");
        var wf = await sandbox.NewWorkflow(v,
            [new TaskSpec("prepare", "echo prepared"), new TaskSpec("check", $"test -f {marker} && echo fixed"), new TaskSpec("publish", "echo published")],
            [("prepare", "check"), ("check", "publish")]);
        var id = await sandbox.Start(v, wf);
        Assert.Equal("FAILURE", StateOf(await sandbox.Wait(v, wf.ProjectCode, id)));
        var before = await sandbox.Tasks(v, wf.ProjectCode, id);
        Assert.Equal(["check", "prepare"], before.Select(t => t.GetProperty("name").GetString()).Order());
        var prepareId = TaskNamed(before, "prepare").GetProperty("id").GetInt32();
        var failedCheckId = TaskNamed(before, "check").GetProperty("id").GetInt32();

        File.WriteAllText(marker, "");
        var r = await sandbox.Execute(v, wf.ProjectCode, id, "START_FAILURE_TASK_PROCESS");
        Assert.True(r.Code == 0, r.ToString());
        var done = await sandbox.Wait(v, wf.ProjectCode, id, i => i.GetProperty("runTimes").GetInt32() == 2 && FinalStates.Contains(StateOf(i)));
        Assert.Equal("SUCCESS", StateOf(done));
        Assert.Equal("START_FAILURE_TASK_PROCESS", done.GetProperty("commandType").GetString());
        Assert.Equal("START_PROCESS,START_FAILURE_TASK_PROCESS", done.GetProperty("historyCmd").GetString());

        var after = await sandbox.Tasks(v, wf.ProjectCode, id);
        Assert.Equal(3, after.Count);
        Assert.All(after, t => Assert.Equal("SUCCESS", StateOf(t)));
        Assert.Equal(prepareId, TaskNamed(after, "prepare").GetProperty("id").GetInt32()); // kept
        Assert.NotEqual(failedCheckId, TaskNamed(after, "check").GetProperty("id").GetInt32()); // re-created
        var all = await sandbox.TaskInstances(v, wf.ProjectCode, id);
        var old = all.Single(t => t.GetProperty("id").GetInt32() == failedCheckId);
        Assert.Equal(("FAILURE", "NO"), (StateOf(old), old.GetProperty("flag").GetString()));
        Assert.Equal(4, all.Count);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Repeat_running_reruns_every_task_with_new_rows(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("a"), new TaskSpec("b")], [("a", "b")]);
        var id = await sandbox.Start(v, wf);
        var first = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.Equal("SUCCESS", StateOf(first));
        var firstIds = Ids(await sandbox.Tasks(v, wf.ProjectCode, id));

        var r = await sandbox.Execute(v, wf.ProjectCode, id, "REPEAT_RUNNING");
        Assert.True(r.Code == 0, r.ToString());
        // Until the master takes the command the instance keeps its final state.
        Assert.Equal(1, (await sandbox.Instance(v, wf.ProjectCode, id)).GetProperty("runTimes").GetInt32());
        var done = await sandbox.Wait(v, wf.ProjectCode, id, i => i.GetProperty("runTimes").GetInt32() == 2 && FinalStates.Contains(StateOf(i)));
        Assert.Equal(("SUCCESS", "REPEAT_RUNNING"), (StateOf(done), done.GetProperty("commandType").GetString()));
        Assert.Equal(JsonValueKind.String, done.GetProperty("restartTime").ValueKind);

        var secondIds = Ids(await sandbox.Tasks(v, wf.ProjectCode, id));
        Assert.Equal(2, secondIds.Count);
        Assert.Empty(secondIds.Intersect(firstIds));
        var all = await sandbox.TaskInstances(v, wf.ProjectCode, id);
        Assert.Equal(4, all.Count);
        Assert.All(all.Where(t => firstIds.Contains(t.GetProperty("id").GetInt32())), t => Assert.Equal("NO", t.GetProperty("flag").GetString()));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Pause_lets_the_running_task_finish_then_recover_suspended_resumes(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("first", "sleep 1.5; echo first"), new TaskSpec("second", "echo second")], [("first", "second")]);
        var id = await sandbox.Start(v, wf);
        await sandbox.WaitTask(v, wf.ProjectCode, id, "first", "RUNNING_EXECUTION");
        var r = await sandbox.Execute(v, wf.ProjectCode, id, "PAUSE");
        Assert.True(r.Code == 0, r.ToString());
        if (v == "3.2")
        {
            // 3.2 writes READY_PAUSE in the API call.
            var now = await sandbox.Instance(v, wf.ProjectCode, id);
            Assert.Equal("READY_PAUSE", StateOf(now));
            Assert.Contains("pause a process by admin", now.GetProperty("stateHistory").GetString());
        }
        var paused = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.Equal("PAUSE", StateOf(paused));
        var tasks = await sandbox.Tasks(v, wf.ProjectCode, id);
        Assert.Equal("SUCCESS", StateOf(TaskNamed(tasks, "first")));
        var second = TaskNamed(tasks, "second");
        Assert.Equal("PAUSE", StateOf(second));

        var recover = await sandbox.Execute(v, wf.ProjectCode, id, "RECOVER_SUSPENDED_PROCESS");
        Assert.True(recover.Code == 0, recover.ToString());
        var done = await sandbox.Wait(v, wf.ProjectCode, id, i => i.GetProperty("runTimes").GetInt32() == 2 && FinalStates.Contains(StateOf(i)));
        Assert.Equal("SUCCESS", StateOf(done));
        var after = await sandbox.Tasks(v, wf.ProjectCode, id);
        Assert.Equal(second.GetProperty("id").GetInt32(), TaskNamed(after, "second").GetProperty("id").GetInt32()); // reset in place
        Assert.Equal("SUCCESS", StateOf(TaskNamed(after, "second")));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Stop_kills_a_long_running_task_and_its_process_tree(string v)
    {
        var dir = Dir();
        var pidFile = Path.Combine(dir, "child.pid");
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("long", $"sleep 30 & echo $! > {pidFile}; echo waiting; wait"), new TaskSpec("never")],
            [("long", "never")]);
        var id = await sandbox.Start(v, wf);
        await sandbox.WaitTask(v, wf.ProjectCode, id, "long", "RUNNING_EXECUTION");
        var watch = Stopwatch.StartNew();
        while (!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the task never started its child");
            await Task.Delay(20);
        }
        var childPid = int.Parse(File.ReadAllText(pidFile).Trim());

        watch.Restart();
        var r = await sandbox.Execute(v, wf.ProjectCode, id, "STOP");
        Assert.True(r.Code == 0, r.ToString());
        var stopped = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stop took {watch.Elapsed}");
        Assert.Equal("STOP", StateOf(stopped));
        var task = Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id));
        Assert.Equal("KILL", StateOf(task));
        Assert.True(task.GetProperty("pid").GetInt32() > 0);
        await Task.Delay(200);
        Assert.False(IsAlive(childPid), $"child process {childPid} survived the stop");

        // A stopped instance can be recovered.
        var recover = await sandbox.Execute(v, wf.ProjectCode, id, "RECOVER_SUSPENDED_PROCESS");
        Assert.True(recover.Code == 0, recover.ToString());
        var again = await sandbox.Wait(v, wf.ProjectCode, id, i => i.GetProperty("runTimes").GetInt32() == 2 && StateOf(i) == "RUNNING_EXECUTION");
        Assert.Equal(0, (await sandbox.Execute(v, wf.ProjectCode, id, "STOP")).Code);
        Assert.Equal("STOP", StateOf(await sandbox.Wait(v, wf.ProjectCode, id)));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    // research Q3 state table, per flavour.
    private static readonly Dictionary<string, string[]> Allowed32 = new()
    {
        ["PAUSE"] = ["RUNNING_EXECUTION"],
        ["STOP"] = ["RUNNING_EXECUTION", "READY_PAUSE"],
        ["REPEAT_RUNNING"] = ["SUCCESS", "FAILURE", "STOP", "PAUSE"],
        ["START_FAILURE_TASK_PROCESS"] = ["FAILURE"],
        ["RECOVER_SUSPENDED_PROCESS"] = ["PAUSE", "STOP"],
        ["NONE"] = [],
        ["EXECUTE_TASK"] = [],
    };

    private static readonly Dictionary<string, string[]> Allowed34 = new()
    {
        ["PAUSE"] = ["RUNNING_EXECUTION", "READY_PAUSE", "SERIAL_WAIT"],
        ["STOP"] = ["RUNNING_EXECUTION", "READY_PAUSE", "READY_STOP", "SERIAL_WAIT"],
        ["REPEAT_RUNNING"] = ["SUCCESS", "FAILURE", "STOP", "PAUSE"],
        ["START_FAILURE_TASK_PROCESS"] = ["FAILURE"],
        ["RECOVER_SUSPENDED_PROCESS"] = ["PAUSE", "STOP"],
        ["NONE"] = [],
        ["EXECUTE_TASK"] = [],
    };

    private static readonly string[] States =
        ["SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "READY_PAUSE", "PAUSE", "READY_STOP", "STOP", "FAILURE", "SUCCESS", "SERIAL_WAIT"];

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Every_execute_type_against_every_state(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("t")], []);
        var store = sandbox.Server(v).Store;
        var allowed = v == "3.2" ? Allowed32 : Allowed34;
        var failures = new List<string>();
        foreach (var (type, states) in allowed)
        {
            foreach (var state in States)
            {
                int id;
                string name;
                lock (store.Gate)
                {
                    var now = store.Now;
                    var row = store.WorkflowInstances.Insert(new WorkflowInstanceRow
                    {
                        Name = SandboxPair.Unique("table-"),
                        WorkflowDefinitionCode = wf.Code,
                        WorkflowDefinitionVersion = 1,
                        ProjectCode = wf.ProjectCode,
                        State = Enum.Parse<WorkflowExecutionStatus>(state),
                        StartTime = now,
                        EndTime = now,
                        RunTimes = 1,
                        Host = "127.0.0.1:5678",
                        ExecutorId = 1,
                        ExecutorName = "admin",
                        TenantCode = "default",
                        FailureStrategy = "CONTINUE",
                    });
                    id = row.Id;
                    name = row.Name;
                }
                var r = await sandbox.Execute(v, wf.ProjectCode, id, type);
                var expectOk = states.Contains(state);
                var expected = expectOk ? (0, "success") : v == "3.2" ? (50015, "execute process instance error") : (10000, Refusal(type, name, state));
                if ((r.Code, r.Msg) != expected)
                    failures.Add($"{type} on {state}: expected {expected}, got {r.Code} {r.Msg}");
            }
        }
        Assert.Empty(failures);
    }

    private static string Refusal(string type, string name, string state) => "Internal Server Error: " + type switch
    {
        "PAUSE" => $"The workflow instance: {name} status is {state}, can not pause",
        "STOP" => $"The workflow instance: {name} status is {state}, can not stop",
        "REPEAT_RUNNING" => $"The workflow instance: {name} status is {state}, cannot repeat running",
        "START_FAILURE_TASK_PROCESS" => $"The workflow instance: {name} status is {state}, can not be recovered",
        "RECOVER_SUSPENDED_PROCESS" => $"The workflow instance: {name} state is {state}, cannot recovery",
        _ => $"Unsupported executeType: {type}",
    };

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Execute_errors_unknown_instance_project_and_batches(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("t")], []);
        var missing = await sandbox.Execute(v, wf.ProjectCode, 987654, "STOP");
        Assert.Equal((50001, v == "3.2" ? "process instance 987,654 does not exist" : "workflow instance 987,654 does not exist"), (missing.Code, missing.Msg));

        var id = await sandbox.Start(v, wf);
        Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, wf.ProjectCode, id)));
        var otherProject = await sandbox.NewProject(v);
        var wrongPath = await sandbox.Execute(v, otherProject, id, "REPEAT_RUNNING");
        if (v == "3.2")
            Assert.Equal(50015, wrongPath.Code); // the instance must belong to the path's project
        else
            Assert.Equal(0, wrongPath.Code); // 3.3+ ignores the path segment (README §10.10)

        var (_, userName, user) = await sandbox.NewUser(v);
        var denied = await user.Post($"/projects/{wf.ProjectCode}/executors/execute", (InstanceIdParam(v), id), ("executeType", "STOP"));
        Assert.Equal((30002, $"user {userName} is not has project {wf.ProjectCode:#,##0} permission"), (denied.Code, denied.Msg));

        await sandbox.Wait(v, wf.ProjectCode, id, i => FinalStates.Contains(StateOf(i)) && (v == "3.2" || i.GetProperty("runTimes").GetInt32() == 2));
        var batch = await sandbox.Admin(v).Post($"/projects/{wf.ProjectCode}/executors/batch-execute",
            (v == "3.2" ? "processInstanceIds" : "workflowInstanceIds", $"{id},987654"), ("executeType", "PAUSE"));
        if (v == "3.2")
            Assert.Equal((50058, $"change process instance status error: process instance delete error: {id}\nprocess instance delete error: 987654"), (batch.Code, batch.Msg));
        else
        {
            Assert.Equal(10000, batch.Code);
            Assert.StartsWith($"Internal Server Error: Failed do action PAUSE on workflowInstance: {id}reason: Internal Server Error: The workflow instance:", batch.Msg);
            Assert.Contains("Failed do action PAUSE on workflowInstance: 987654reason: workflow instance 987,654 does not exist", batch.Msg);
        }
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Force_success_delete_and_task_stop(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("bad", "exit 1"), new TaskSpec("after")], [("bad", "after")]);
        var id = await sandbox.Start(v, wf);
        Assert.Equal("FAILURE", StateOf(await sandbox.Wait(v, wf.ProjectCode, id)));
        var bad = Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id));
        var badId = bad.GetProperty("id").GetInt32();
        var forced = await sandbox.Admin(v).Post($"/projects/{wf.ProjectCode}/task-instances/{badId}/force-success");
        Assert.True(forced.Code == 0, forced.ToString());
        Assert.Equal("FORCED_SUCCESS", StateOf(Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id))));
        var again = await sandbox.Admin(v).Post($"/projects/{wf.ProjectCode}/task-instances/{badId}/force-success");
        Assert.Equal(10166, again.Code);
        Assert.Equal(v == "3.2"
            ? $"the status of task instance {badId:#,##0} is TaskExecutionStatus{{code=13, desc='forced success'}},Cannot perform force success operation"
            : $"the status of task instance {badId:#,##0} is FORCED_SUCCESS,Cannot perform force success operation", again.Msg);

        // Recovering from failure keeps the forced task and runs its successor.
        Assert.Equal(0, (await sandbox.Execute(v, wf.ProjectCode, id, "START_FAILURE_TASK_PROCESS")).Code);
        Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, wf.ProjectCode, id, i => i.GetProperty("runTimes").GetInt32() == 2 && FinalStates.Contains(StateOf(i)))));

        // Delete: running instances are refused, finished ones go with their task instances.
        var longWf = await sandbox.NewWorkflow(v, [new TaskSpec("long", "sleep 30")], []);
        var runningId = await sandbox.Start(v, longWf);
        var longTask = await sandbox.WaitTask(v, longWf.ProjectCode, runningId, "long", "RUNNING_EXECUTION");
        var instances = Instances(v);
        var refused = await sandbox.Admin(v).Delete($"/projects/{longWf.ProjectCode}/{instances}/{runningId}");
        Assert.Equal(50006, refused.Code);
        Assert.EndsWith(v == "3.2"
            ? "is WorkflowExecutionStatus{code=1, desc='running'},Cannot perform delete operation"
            : "is RUNNING_EXECUTION,Cannot perform delete operation", refused.Msg);

        // task-instances/{id}/stop kills the attempt; the workflow ends FAILURE.
        var stop = await sandbox.Admin(v).Post($"/projects/{longWf.ProjectCode}/task-instances/{longTask.GetProperty("id").GetInt32()}/stop");
        Assert.Equal(0, stop.Code);
        Assert.Equal("FAILURE", StateOf(await sandbox.Wait(v, longWf.ProjectCode, runningId)));
        Assert.Equal("KILL", StateOf(Assert.Single(await sandbox.Tasks(v, longWf.ProjectCode, runningId))));

        var deleted = await sandbox.Admin(v).Delete($"/projects/{longWf.ProjectCode}/{instances}/{runningId}");
        Assert.Equal(0, deleted.Code);
        Assert.Equal(50001, (await sandbox.Admin(v).Get($"/projects/{longWf.ProjectCode}/{instances}/{runningId}")).Code);
        Assert.Empty(await sandbox.TaskInstances(v, longWf.ProjectCode, runningId));
        Assert.Equal(10008, (await sandbox.Admin(v).Get("/log/detail", ("taskInstanceId", longTask.GetProperty("id").GetInt32()), ("skipLineNum", 0), ("limit", 10))).Code);

        var batch = await sandbox.Admin(v).Post($"/projects/{wf.ProjectCode}/{instances}/batch-delete",
            (v == "3.2" ? "processInstanceIds" : "workflowInstanceIds", $"{id},424242"));
        Assert.Equal(10117, batch.Code);
        Assert.Equal(v == "3.2"
            ? "batch delete process instance by ids process instance delete error: 424242 error"
            : "batch delete workflow instance by ids workflow instance delete error: 424242 error", batch.Msg);
        Assert.Equal(50001, (await sandbox.Admin(v).Get($"/projects/{wf.ProjectCode}/{instances}/{id}")).Code);
    }
}
