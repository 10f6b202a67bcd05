using System.Text.Json;
using static DolphinScheduler.Sandbox.Tests.Infrastructure.ExecutionSandboxes;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>Starting workflows and the DAG runner: order, failure strategy, retries, timeouts (research Q3/Q4).</summary>
public sealed class ExecutionTests(ExecutionSandboxes sandbox) : IClassFixture<ExecutionSandboxes>
{
    private static string Dir() => Directory.CreateTempSubdirectory("ds-exec-test-").FullName;

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Start_answers_instance_ids_or_a_trigger_code_with_its_lookup(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("only")], []);
        var r = await sandbox.StartRaw(v, wf);
        Assert.Equal((HttpStatusCode.OK, 0), (r.Status, r.Code));
        int id;
        if (v == "3.2")
        {
            Assert.Equal(JsonValueKind.Number, r.Data.ValueKind);
            var trigger = r.Data.GetInt64();
            // The instance appears only when the "master" takes the command.
            var early = await sandbox.Admin(v).Get($"/projects/{wf.ProjectCode}/process-instances/trigger", ("triggerCode", trigger));
            Assert.Equal(0, early.Code);
            Assert.Empty(early.Data.EnumerateArray());
            id = (await sandbox.TriggerInstances(v, wf.ProjectCode, trigger, 1)).Single();
            var first = await sandbox.Instance(v, wf.ProjectCode, id);
            Assert.StartsWith(wf.Name + "-1-", first.GetProperty("name").GetString());
            Assert.Contains("init running", first.GetProperty("stateHistory").GetString());
        }
        else
        {
            id = Assert.Single(r.Data.EnumerateArray()).GetInt32();
            var first = await sandbox.Instance(v, wf.ProjectCode, id);
            Assert.Contains(StateOf(first), new[] { "SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "SUCCESS" });
            Assert.Matches($"^{wf.Name}-\\d{{17}}$", first.GetProperty("name").GetString());
        }
        var done = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.Equal("SUCCESS", StateOf(done));
        Assert.Equal(1, done.GetProperty("runTimes").GetInt32());
        Assert.Equal("127.0.0.1:5678", done.GetProperty("host").GetString());
        Assert.Equal("START_PROCESS", done.GetProperty("commandType").GetString());
        Assert.Equal(JsonValueKind.String, done.GetProperty("endTime").ValueKind);
        Assert.Equal(wf.Code, done.GetProperty(v == "3.2" ? "processDefinitionCode" : "workflowDefinitionCode").GetInt64());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task A_three_task_shell_workflow_runs_in_DAG_order_and_logs_the_output(string v)
    {
        var dir = Dir();
        var file = Path.Combine(dir, "order.txt");
        var wf = await sandbox.NewWorkflow(v,
        [
            new TaskSpec("extract", $"echo extract >> {file}; echo extracted ${{system.task.definition.name}}"),
            new TaskSpec("transform", $"sleep 0.2; echo transform >> {file}; echo transformed"),
            new TaskSpec("load", $"echo load >> {file}; echo loaded ${{target}}") { LocalParams = """[{"prop":"target","direct":"IN","type":"VARCHAR","value":"warehouse"}]""" },
        ],
        [("extract", "transform"), ("transform", "load")]);

        var id = await sandbox.Start(v, wf);
        var done = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.Equal("SUCCESS", StateOf(done));
        Assert.Equal(["extract", "transform", "load"], File.ReadAllLines(file));

        var tasks = await sandbox.Tasks(v, wf.ProjectCode, id);
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t =>
        {
            Assert.Equal("SUCCESS", StateOf(t));
            Assert.Equal("127.0.0.1:1234", t.GetProperty("host").GetString());
            Assert.Equal("YES", t.GetProperty("flag").GetString());
            Assert.Equal(JsonValueKind.Null, t.GetProperty("duration").ValueKind); // only lists fill duration
        });
        var logs = new Dictionary<string, string>();
        foreach (var t in tasks)
            logs[t.GetProperty("name").GetString()!] = await sandbox.Log(v, t.GetProperty("id").GetInt32());
        Assert.Contains(" -> extracted extract", logs["extract"]);
        Assert.Contains(" -> transformed", logs["transform"]);
        Assert.Contains(" -> loaded warehouse", logs["load"]);

        var list = await sandbox.TaskInstances(v, wf.ProjectCode, id);
        Assert.Equal(3, list.Count);
        Assert.All(list, t => Assert.Matches(@"^(\d+d )?(\d+h )?(\d+m )?(\d+s)?$", t.GetProperty("duration").GetString()));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task A_failing_task_fails_the_instance_and_its_successors_never_run(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("bad", "echo about to fail; exit 3"), new TaskSpec("after")], [("bad", "after")]);
        var id = await sandbox.Start(v, wf);
        var done = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.Equal("FAILURE", StateOf(done));
        var tasks = await sandbox.Tasks(v, wf.ProjectCode, id);
        var bad = Assert.Single(tasks);
        Assert.Equal(("bad", "FAILURE"), (bad.GetProperty("name").GetString(), StateOf(bad)));
        var log = await sandbox.Log(v, bad.GetProperty("id").GetInt32());
        Assert.Contains("about to fail", log);
        Assert.Contains("exitStatusCode:3", log);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Failure_strategy_END_kills_the_other_branch_CONTINUE_lets_it_finish(string v)
    {
        TaskSpec[] tasks = [new TaskSpec("fails", "sleep 0.2; exit 1"), new TaskSpec("slow", "sleep 2; echo slow done"), new TaskSpec("next")];
        (string, string)[] edges = [("slow", "next")];

        var endWf = await sandbox.NewWorkflow(v, tasks, edges);
        var endId = await sandbox.Start(v, endWf, ("failureStrategy", "END"));
        Assert.Equal("FAILURE", StateOf(await sandbox.Wait(v, endWf.ProjectCode, endId)));
        var endTasks = await sandbox.Tasks(v, endWf.ProjectCode, endId);
        Assert.Equal("FAILURE", StateOf(TaskNamed(endTasks, "fails")));
        Assert.Equal("KILL", StateOf(TaskNamed(endTasks, "slow")));
        Assert.DoesNotContain(endTasks, t => t.GetProperty("name").GetString() == "next");

        var continueWf = await sandbox.NewWorkflow(v, tasks, edges);
        var continueId = await sandbox.Start(v, continueWf, ("failureStrategy", "CONTINUE"));
        Assert.Equal("FAILURE", StateOf(await sandbox.Wait(v, continueWf.ProjectCode, continueId)));
        var continueTasks = await sandbox.Tasks(v, continueWf.ProjectCode, continueId);
        Assert.Equal("FAILURE", StateOf(TaskNamed(continueTasks, "fails")));
        Assert.Equal("SUCCESS", StateOf(TaskNamed(continueTasks, "slow")));
        Assert.Equal("SUCCESS", StateOf(TaskNamed(continueTasks, "next")));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Retries_create_new_task_instance_rows_and_can_succeed(string v)
    {
        var dir = Dir();
        var counter = Path.Combine(dir, "attempts");
        // Fails on the first two attempts, succeeds on the third.
        var script = $"echo x >> {counter}; n=$(wc -l < {counter}); echo attempt $n; [ $n -ge 3 ]";
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("flaky", script) { Retries = 2, RetryInterval = 1 }], []);
        var id = await sandbox.Start(v, wf);
        var done = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.Equal("SUCCESS", StateOf(done));

        var valid = Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id));
        Assert.Equal(("SUCCESS", 2), (StateOf(valid), valid.GetProperty("retryTimes").GetInt32()));
        var all = (await sandbox.TaskInstances(v, wf.ProjectCode, id)).OrderBy(t => t.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(3, all.Count);
        Assert.Equal(["FAILURE", "FAILURE", "SUCCESS"], all.Select(StateOf));
        Assert.Equal(["NO", "NO", "YES"], all.Select(t => t.GetProperty("flag").GetString()));
        Assert.Equal([0, 1, 2], all.Select(t => t.GetProperty("retryTimes").GetInt32()));
        Assert.All(all, t => Assert.Equal(all[0].GetProperty("firstSubmitTime").GetString(), t.GetProperty("firstSubmitTime").GetString()));
        Assert.Equal(3, all.Select(t => t.GetProperty("id").GetInt32()).Distinct().Count());

        // Out of retries: the instance fails with the last attempt.
        var never = await sandbox.NewWorkflow(v, [new TaskSpec("never", "exit 1") { Retries = 1, RetryInterval = 1 }], []);
        var neverId = await sandbox.Start(v, never);
        Assert.Equal("FAILURE", StateOf(await sandbox.Wait(v, never.ProjectCode, neverId)));
        Assert.Equal(2, (await sandbox.TaskInstances(v, never.ProjectCode, neverId)).Count);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task A_timeout_kills_the_task_3_2_FAILURE_3_4_KILL(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("long", "echo started; sleep 20") { Timeout = 1, TimeoutStrategy = "FAILED" }], []);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var id = await sandbox.Start(v, wf);
        var done = await sandbox.Wait(v, wf.ProjectCode, id);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal("FAILURE", StateOf(done));
        var task = Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id));
        Assert.Equal(v == "3.2" ? "FAILURE" : "KILL", StateOf(task));
        Assert.Contains("Task timeout", await sandbox.Log(v, task.GetProperty("id").GetInt32()));

        // WARN only logs: the task keeps running and succeeds.
        var warn = await sandbox.NewWorkflow(v, [new TaskSpec("warned", "sleep 0.6; echo finished") { Timeout = 1, TimeoutStrategy = "WARN" }], []);
        var warnId = await sandbox.Start(v, warn);
        Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, warn.ProjectCode, warnId)));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Start_parameters_dry_run_disabled_tasks_and_simulated_types(string v)
    {
        var wf = await sandbox.NewWorkflow(v,
        [
            new TaskSpec("shell", "echo region=${region} biz=${system.biz.date}"),
            new TaskSpec("skipped", "exit 1") { Enabled = false },
            new TaskSpec("sql", "select 1") { Type = "SQL", ExtraParams = """{"type":"MYSQL","datasource":1,"sql":"select 1"}""" },
        ],
        [("shell", "skipped"), ("skipped", "sql")],
        globalParams: """[{"prop":"region","direct":"IN","type":"VARCHAR","value":"eu"}]""");

        var startParams = v == "3.2" ? """{"region":"us"}""" : """[{"prop":"region","direct":"IN","type":"VARCHAR","value":"us"}]""";
        var id = await sandbox.Start(v, wf, ("startParams", startParams));
        Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, wf.ProjectCode, id)));
        var tasks = await sandbox.Tasks(v, wf.ProjectCode, id);
        Assert.Equal(["shell", "sql"], tasks.Select(t => t.GetProperty("name").GetString()).Order());
        var bizDate = DateTime.UtcNow.AddDays(-1).ToString("yyyyMMdd");
        Assert.Contains($"region=us biz={bizDate}", await sandbox.Log(v, TaskNamed(tasks, "shell").GetProperty("id").GetInt32()));
        Assert.Contains("simulates", await sandbox.Log(v, TaskNamed(tasks, "sql").GetProperty("id").GetInt32()));

        // Dry run: nothing executes, everything succeeds.
        var dry = await sandbox.NewWorkflow(v, [new TaskSpec("boom", "exit 9")], []);
        var dryId = await sandbox.Start(v, dry, ("dryRun", 1));
        Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, dry.ProjectCode, dryId)));
        Assert.Equal(1, (await sandbox.Instance(v, dry.ProjectCode, dryId)).GetProperty("dryRun").GetInt32());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Start_node_list_and_depend_type_select_the_tasks(string v)
    {
        TaskSpec[] tasks = [new TaskSpec("a"), new TaskSpec("b"), new TaskSpec("c")];
        (string, string)[] edges = [("a", "b"), ("b", "c")];
        var wf = await sandbox.NewWorkflow(v, tasks, edges);
        async Task<string[]> Run(string dependType)
        {
            var id = await sandbox.Start(v, wf, ("startNodeList", wf.Tasks["b"].ToString()), ("taskDependType", dependType));
            Assert.Equal("SUCCESS", StateOf(await sandbox.Wait(v, wf.ProjectCode, id)));
            return (await sandbox.Tasks(v, wf.ProjectCode, id)).Select(t => t.GetProperty("name").GetString()!).Order().ToArray();
        }
        Assert.Equal(["b"], await Run("TASK_ONLY"));
        Assert.Equal(["a", "b"], await Run("TASK_PRE"));
        Assert.Equal(["b", "c"], await Run("TASK_POST"));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Complement_data_creates_one_instance_per_date(string v)
    {
        var wf = await sandbox.NewWorkflow(v, [new TaskSpec("day", "echo running for ${system.biz.curdate}")], []);
        var r = await sandbox.StartRaw(v, wf, ("execType", "COMPLEMENT_DATA"),
            ("scheduleTime", """{"complementStartDate":"2025-01-01 00:00:00","complementEndDate":"2025-01-03 00:00:00"}"""),
            ("runMode", "RUN_MODE_PARALLEL"));
        Assert.True(r.Code == 0, r.ToString());
        List<int> ids = v == "3.2"
            ? await sandbox.TriggerInstances(v, wf.ProjectCode, r.Data.GetInt64(), 3)
            : r.Data.EnumerateArray().Select(x => x.GetInt32()).ToList();
        Assert.Equal(3, ids.Count);
        var schedules = new List<string>();
        foreach (var id in ids)
        {
            var done = await sandbox.Wait(v, wf.ProjectCode, id);
            Assert.Equal("SUCCESS", StateOf(done));
            Assert.Equal("COMPLEMENT_DATA", done.GetProperty("commandType").GetString());
            Assert.True(done.GetProperty("complementData").GetBoolean());
            schedules.Add(done.GetProperty("scheduleTime").GetString()!);
            var task = Assert.Single(await sandbox.Tasks(v, wf.ProjectCode, id));
            Assert.Contains("running for " + done.GetProperty("scheduleTime").GetString()![..10].Replace("-", ""), await sandbox.Log(v, task.GetProperty("id").GetInt32()));
        }
        Assert.Equal(["2025-01-01 00:00:00", "2025-01-02 00:00:00", "2025-01-03 00:00:00"], schedules.Order());
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Start_is_refused_for_offline_missing_or_foreign_definitions(string v)
    {
        var offline = await sandbox.NewWorkflow(v, [new TaskSpec("t")], [], online: false);
        var r = await sandbox.StartRaw(v, offline);
        Assert.Equal(50004, r.Code);
        Assert.Equal(v == "3.2"
            ? $"process definition {offline.Code:#,##0} process version 1 not online"
            : $"workflow definition {offline.Code:#,##0} workflow version 1 not online", r.Msg);

        var missing = await sandbox.StartRaw(v, offline with { Code = 123 });
        if (v == "3.2")
            Assert.Equal((50014, "start process instance error"), (missing.Code, missing.Msg));
        else
            Assert.Equal((10000, "Internal Server Error: Cannot find the workflow: 123"), (missing.Code, missing.Msg));

        var (_, userName, user) = await sandbox.NewUser(v);
        var online = await sandbox.NewWorkflow(v, [new TaskSpec("t")], []);
        var denied = await user.Post($"/projects/{online.ProjectCode}/{StartPath(v)}", (DefinitionCodeParam(v), online.Code),
            ("scheduleTime", ""), ("failureStrategy", "CONTINUE"), ("warningType", "NONE"));
        Assert.Equal((30002, $"user {userName} is not has project {online.ProjectCode:#,##0} permission"), (denied.Code, denied.Msg));

        if (v != "3.2")
        {
            var badExec = await sandbox.StartRaw(v, online, ("execType", "REPEAT_RUNNING"));
            Assert.Equal((10000, "Internal Server Error: The execType: REPEAT_RUNNING is invalid"), (badExec.Code, badExec.Msg));
        }
    }
}
