using System.Diagnostics;
using System.Text.Json;
using DolphinScheduler.Sandbox.Execution;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Tests.Infrastructure;

/// <summary>
/// A 3.2 and a 3.4 sandbox with fast engine timing (one DS minute = 0.3 s, short pickup delays) for the execution
/// tests. Each execution test class gets its own pair (class fixture) so the classes run in parallel; the tests of a
/// class run one after another.
/// </summary>
public sealed class ExecutionSandboxes : IAsyncLifetime
{
    public const double MinuteSeconds = 0.3;

    private readonly HttpClient http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Dictionary<string, SandboxServer> servers = new();
    private readonly Dictionary<string, DsClient> admins = new();

    public async Task InitializeAsync()
    {
        foreach (var version in new[] { "3.2", "3.4" })
        {
            var server = await SandboxServer.StartAsync(new SandboxOptions
            {
                ServerVersion = version,
                Port = 0,
                Execution = new ExecutionOptions
                {
                    MinuteSeconds = MinuteSeconds,
                    CommandPickupDelay = TimeSpan.FromMilliseconds(150),
                    MasterStartDelay = TimeSpan.FromMilliseconds(30),
                    SimulatedTaskDuration = TimeSpan.FromMilliseconds(100),
                },
            });
            servers[version] = server;
            admins[version] = await new DsClient(http, server.BaseUri).Login("admin", SandboxPair.AdminPassword);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in servers.Values)
            await server.DisposeAsync();
        http.Dispose();
    }

    public SandboxServer Server(string v) => servers[v];

    public DsClient Admin(string v) => admins[v];

    public DsClient Anonymous(string v) => new(http, servers[v].BaseUri);

    public async Task<long> NewProject(string v)
    {
        var r = await Admin(v).Post("/projects", ("projectName", SandboxPair.Unique("p")));
        Assert.Equal(0, r.Code);
        return r.Data.GetProperty("code").GetInt64();
    }

    public async Task<(int Id, string Name, DsClient Client)> NewUser(string v)
    {
        var name = SandboxPair.Unique("u");
        var r = await Admin(v).Post("/users/create", ("userName", name), ("userPassword", "secret123"), ("tenantId", -1),
            ("email", name + "@example.com"), ("state", 1));
        Assert.Equal(0, r.Code);
        return (r.Data.GetProperty("id").GetInt32(), name, await Anonymous(v).Login(name, "secret123"));
    }

    // ---- flavour names ----

    public static string Instances(string v) => v == "3.2" ? "process-instances" : "workflow-instances";
    public static string DefinitionCodeParam(string v) => v == "3.2" ? "processDefinitionCode" : "workflowDefinitionCode";
    public static string InstanceIdParam(string v) => v == "3.2" ? "processInstanceId" : "workflowInstanceId";
    public static string StartPath(string v) => v == "3.2" ? "executors/start-process-instance" : "executors/start-workflow-instance";
    public static string InstanceStateKey(string v) => v == "3.2" ? "processInstanceState" : "workflowInstanceState";

    // ---- workflows ----

    /// <summary>A task of a test workflow (SHELL unless <see cref="Type"/> says otherwise).</summary>
    public sealed record TaskSpec(string Name, string Script = "echo ok")
    {
        public string Type { get; init; } = "SHELL";
        public int Retries { get; init; }
        public int RetryInterval { get; init; } = 1;
        public int Timeout { get; init; }
        public string? TimeoutStrategy { get; init; }
        public bool Enabled { get; init; } = true;
        public string LocalParams { get; init; } = "[]";
        public int DelayTime { get; init; }

        /// <summary>More taskParams fields (a JSON object), e.g. what a non-SHELL type needs to pass validation.</summary>
        public string ExtraParams { get; init; } = "{}";
    }

    public sealed record Workflow(long ProjectCode, long Code, string Name, IReadOnlyDictionary<string, long> Tasks);

    /// <summary>
    /// Creates a workflow through the definition API (gen-task-codes, create, release ONLINE unless told otherwise).
    /// Edges name tasks; tasks without an incoming edge become roots (<c>preTaskCode: 0</c>).
    /// </summary>
    public async Task<Workflow> CreateWorkflow(string v, long projectCode, TaskSpec[] tasks, (string Pre, string Post)[] edges, bool online = true,
        string globalParams = "[]")
    {
        var admin = Admin(v);
        var gen = await admin.Get($"/projects/{projectCode}/task-definition/gen-task-codes", ("genNum", tasks.Length));
        Assert.True(gen.Code == 0, gen.ToString());
        var codeList = gen.Data.EnumerateArray().Select(c => c.GetInt64()).ToList();
        var codes = tasks.Select((t, i) => (t.Name, Code: codeList[i])).ToDictionary(x => x.Name, x => x.Code);
        var definitions = tasks.Select(t => new Dictionary<string, object?>
        {
            ["code"] = codes[t.Name],
            ["version"] = 0,
            ["name"] = t.Name,
            ["description"] = "",
            ["taskType"] = t.Type,
            ["taskParams"] = new Dictionary<string, object>
            {
                ["localParams"] = JsonDocument.Parse(t.LocalParams).RootElement,
                ["rawScript"] = t.Script,
                ["resourceList"] = Array.Empty<object>(),
            }.Concat(JsonDocument.Parse(t.ExtraParams).RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (object)p.Value.Clone())))
                .ToDictionary(kv => kv.Key, kv => kv.Value),
            ["flag"] = t.Enabled ? "YES" : "NO",
            ["taskPriority"] = "MEDIUM",
            ["workerGroup"] = "default",
            ["environmentCode"] = -1,
            ["failRetryTimes"] = t.Retries,
            ["failRetryInterval"] = t.RetryInterval,
            ["timeoutFlag"] = t.Timeout > 0 ? "OPEN" : "CLOSE",
            ["timeoutNotifyStrategy"] = t.TimeoutStrategy ?? "",
            ["timeout"] = t.Timeout,
            ["delayTime"] = t.DelayTime,
            ["taskGroupId"] = 0,
            ["taskGroupPriority"] = 0,
            ["cpuQuota"] = -1,
            ["memoryMax"] = -1,
            ["taskExecuteType"] = "BATCH",
        }).ToList();
        if (v == "3.2")
            definitions.ForEach(d => d["isCache"] = "NO"); // 3.2.2 needs it (getIsCache().getCode())
        var relations = tasks.Where(t => edges.All(e => e.Post != t.Name)).Select(t => (Pre: 0L, Post: codes[t.Name]))
            .Concat(edges.Select(e => (Pre: codes[e.Pre], Post: codes[e.Post])))
            .Select(r => new Dictionary<string, object>
            {
                ["name"] = "", ["preTaskCode"] = r.Pre, ["preTaskVersion"] = 0, ["postTaskCode"] = r.Post, ["postTaskVersion"] = 0,
                ["conditionType"] = "NONE", ["conditionParams"] = new Dictionary<string, object>(),
            }).ToList();
        var name = SandboxPair.Unique("wf");
        var definitionPath = v == "3.2" ? "process-definition" : "workflow-definition";
        var created = await admin.Post($"/projects/{projectCode}/{definitionPath}",
            ("name", name), ("description", ""), ("globalParams", globalParams), ("locations", "[]"), ("timeout", 0),
            ("taskRelationJson", JsonSerializer.Serialize(relations)), ("taskDefinitionJson", JsonSerializer.Serialize(definitions)),
            ("executionType", "PARALLEL"));
        Assert.True(created.Code == 0, created.ToString());
        var code = created.Data.GetProperty("code").GetInt64();
        if (online)
        {
            var released = await admin.Post($"/projects/{projectCode}/{definitionPath}/{code}/release", ("releaseState", "ONLINE"));
            Assert.True(released.Code == 0, released.ToString());
        }
        return new Workflow(projectCode, code, name, codes);
    }

    public async Task<Workflow> NewWorkflow(string v, TaskSpec[] tasks, (string Pre, string Post)[] edges, bool online = true, string globalParams = "[]")
        => await CreateWorkflow(v, await NewProject(v), tasks, edges, online, globalParams);

    // ---- running ----

    /// <summary>POST start; the raw answer (3.2: trigger code, 3.4: [ids]).</summary>
    public Task<DsResponse> StartRaw(string v, Workflow wf, params (string Name, object? Value)[] extra)
    {
        var parameters = new List<(string, object?)>
        {
            (DefinitionCodeParam(v), wf.Code), ("scheduleTime", ""), ("failureStrategy", "CONTINUE"), ("warningType", "NONE"),
        };
        foreach (var e in extra)
        {
            parameters.RemoveAll(p => p.Item1 == e.Name);
            parameters.Add(e);
        }
        return Admin(v).Post($"/projects/{wf.ProjectCode}/{StartPath(v)}", parameters.ToArray());
    }

    /// <summary>Starts and returns the instance id (3.2: waits for the trigger lookup).</summary>
    public async Task<int> Start(string v, Workflow wf, params (string Name, object? Value)[] extra)
    {
        var r = await StartRaw(v, wf, extra);
        Assert.True(r.Code == 0, r.ToString());
        if (v != "3.2")
            return Assert.Single(r.Data.EnumerateArray()).GetInt32();
        var trigger = r.Data.GetInt64();
        var ids = await TriggerInstances(v, wf.ProjectCode, trigger, 1);
        return ids[0];
    }

    public async Task<List<int>> TriggerInstances(string v, long projectCode, long trigger, int expected)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var found = await Admin(v).Get($"/projects/{projectCode}/{Instances(v)}/trigger", ("triggerCode", trigger));
            Assert.Equal(0, found.Code);
            var ids = found.Data.EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
            if (ids.Count >= expected)
                return ids;
            if (watch.Elapsed > TimeSpan.FromSeconds(20))
                throw new TimeoutException($"trigger {trigger} found {ids.Count} instances");
            await Task.Delay(50);
        }
    }

    public async Task<JsonElement> Instance(string v, long projectCode, int id)
    {
        var r = await Admin(v).Get($"/projects/{projectCode}/{Instances(v)}/{id}");
        Assert.True(r.Code == 0, r.ToString());
        return r.Data;
    }

    public static readonly string[] FinalStates = ["SUCCESS", "FAILURE", "STOP", "PAUSE"];

    /// <summary>Polls the instance until <paramref name="until"/> holds (default: a final state) and returns it.</summary>
    public async Task<JsonElement> Wait(string v, long projectCode, int id, Func<JsonElement, bool>? until = null, double seconds = 30)
    {
        until ??= i => FinalStates.Contains(i.GetProperty("state").GetString());
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var instance = await Instance(v, projectCode, id);
            if (until(instance))
                return instance;
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"instance {id} is still {instance.GetProperty("state")} (runTimes {instance.GetProperty("runTimes")})");
            await Task.Delay(40);
        }
    }

    public async Task<JsonElement> WaitState(string v, long projectCode, int id, string state, double seconds = 30)
        => await Wait(v, projectCode, id, i => i.GetProperty("state").GetString() == state, seconds);

    /// <summary>Waits until a task of the instance has reached a state (e.g. RUNNING_EXECUTION).</summary>
    public async Task<JsonElement> WaitTask(string v, long projectCode, int id, string taskName, string state, double seconds = 30)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var tasks = await Tasks(v, projectCode, id);
            var t = tasks.FirstOrDefault(x => x.GetProperty("name").GetString() == taskName && x.GetProperty("state").GetString() == state);
            if (t.ValueKind == JsonValueKind.Object)
                return t;
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
                throw new TimeoutException($"task {taskName} of instance {id} did not reach {state}");
            await Task.Delay(30);
        }
    }

    /// <summary>GET …/{id}/tasks: the valid task instances.</summary>
    public async Task<List<JsonElement>> Tasks(string v, long projectCode, int id)
    {
        var r = await Admin(v).Get($"/projects/{projectCode}/{Instances(v)}/{id}/tasks");
        Assert.True(r.Code == 0, r.ToString());
        return r.Data.GetProperty("taskList").EnumerateArray().ToList();
    }

    /// <summary>GET /projects/{p}/task-instances for one workflow instance (every attempt).</summary>
    public async Task<List<JsonElement>> TaskInstances(string v, long projectCode, int id)
    {
        var r = await Admin(v).Get($"/projects/{projectCode}/task-instances", (InstanceIdParam(v), id), ("pageNo", 1), ("pageSize", 100));
        Assert.True(r.Code == 0, r.ToString());
        return r.Data.GetProperty("totalList").EnumerateArray().ToList();
    }

    public Task<DsResponse> Execute(string v, long projectCode, int id, string executeType)
        => Admin(v).Post($"/projects/{projectCode}/executors/execute", (InstanceIdParam(v), id), ("executeType", executeType));

    /// <summary>The whole log text of a task instance (via /log/detail from line 0, without the header).</summary>
    public async Task<string> Log(string v, int taskInstanceId)
    {
        var r = await Admin(v).Get("/log/detail", ("taskInstanceId", taskInstanceId), ("skipLineNum", 0), ("limit", 10000));
        Assert.True(r.Code == 0, r.ToString());
        return r.Data.GetProperty("message").GetString()!;
    }

    public static JsonElement TaskNamed(IEnumerable<JsonElement> tasks, string name) => tasks.Single(t => t.GetProperty("name").GetString() == name);

    public static string StateOf(JsonElement e) => e.GetProperty("state").GetString()!;
}
