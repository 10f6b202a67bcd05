using System.Collections.Specialized;
using System.Text.Json.Nodes;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Tests.Fakes;
using DolphinScheduler.Client.Workflows;
using Xunit;

namespace DolphinScheduler.Client.Tests.Workflows
{
    public class WorkflowsClientTests
    {
        public static TheoryData<DsServerVersion> Flavors => new() { DsServerVersion.V3_2, DsServerVersion.V3_3, DsServerVersion.V3_4 };

        private static DsTaskSpec[] Tasks() => new[]
        {
            new DsTaskSpec { Name = "prepare", Script = "echo preparing" },
            new DsTaskSpec { Name = "run", Script = "echo run", DependsOn = new[] { "prepare" }, Resource = new[] { "/flink/job.jar" } },
        };

        private static string Def(DsServerVersion v) => WorkflowScenario.DefinitionSegment(v);

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Create_sends_codes_request_then_the_form_to_the_flavours_path(DsServerVersion version)
        {
            var scenario = new WorkflowScenario();
            var server = scenario.Attach(new ScriptedDsServer(), version);
            using var client = TestClient.Create(server, version);

            var wf = await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "nightly", Description = "d", Tasks = Tasks() }, publish: false);

            Assert.Equal(new[]
            {
                "GET /projects/1/task-definition/gen-task-codes",
                "GET /resources/base-dir",
                "POST /projects/1/" + Def(version),
                "GET /projects/1/" + Def(version) + "/900",
            }, server.Requests.Select(r => r.ToString()));
            Assert.Equal("2", server.Requests[0].Param("genNum"));
            Assert.Equal("FILE", server.Requests[1].Param("type"));
            var create = server.Requests[2];
            Assert.Equal("application/x-www-form-urlencoded", create.ContentType);
            Assert.Equal(new[] { "name", "description", "globalParams", "locations", "timeout", "taskRelationJson", "taskDefinitionJson", "executionType" },
                create.Form.Select(p => p.Key));
            Assert.Equal("nightly", create.Param("name"));
            Assert.Equal("PARALLEL", create.Param("executionType"));
            Assert.Equal("0", create.Param("timeout"));
            Assert.Equal("[]", create.Param("globalParams"));

            var defs = JsonNode.Parse(create.Param("taskDefinitionJson")!)!.AsArray();
            Assert.Equal(new long[] { 1000, 1001 }, defs.Select(d => (long)d!["code"]!));
            Assert.All(defs, d => Assert.Equal(version == DsServerVersion.V3_2 ? "NO" : null, (string?)d!["isCache"]));
            Assert.Equal(WorkflowScenario.BaseDir + "/flink/job.jar", (string?)defs[1]!["taskParams"]!["resourceList"]![0]!["resourceName"]);
            var relations = JsonNode.Parse(create.Param("taskRelationJson")!)!.AsArray();
            Assert.Equal(new[] { (0L, 1000L), (1000L, 1001L) }, relations.Select(r => ((long)r!["preTaskCode"]!, (long)r["postTaskCode"]!)));
            var locations = JsonNode.Parse(create.Param("locations")!)!.AsArray();
            Assert.Equal(new[] { (1000L, 60, 60), (1001L, 360, 60) }, locations.Select(l => ((long)l!["taskCode"]!, (int)l["x"]!, (int)l["y"]!)));

            // Read back: codes, versions and DependsOn from the relations, resources as folder-relative paths.
            Assert.Equal(900, wf.Code);
            Assert.Equal("OFFLINE", wf.ReleaseState);
            Assert.Equal(new[] { "prepare", "run" }, wf.Tasks.Select(t => t.Name));
            Assert.Equal(new[] { "prepare" }, wf.Tasks[1].DependsOn);
            Assert.Equal(1001, wf.Tasks[1].Code);
            Assert.Equal(1, wf.Tasks[1].Version);
            Assert.Equal(new[] { "/flink/job.jar" }, wf.Tasks[1].Resource);
            Assert.Equal("echo run", wf.Tasks[1].Script);
            Assert.Same(client.Connection, wf.Connection);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Publish_releases_online_on_the_flavours_path(DsServerVersion version)
        {
            var scenario = new WorkflowScenario();
            var server = scenario.Attach(new ScriptedDsServer(), version);
            using var client = TestClient.Create(server, version);

            var wf = await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "nightly", Tasks = new[] { new DsTaskSpec { Name = "a", Script = "x" } } }, publish: true);

            var release = Assert.Single(server.Matching("POST", "/projects/1/" + Def(version) + "/900/release"));
            Assert.Equal("ONLINE", release.Param("releaseState"));
            Assert.Equal("ONLINE", wf.ReleaseState);
            Assert.Empty(server.Matching("GET", "/resources/base-dir")); // no resources, no base-dir lookup
        }

        [Fact]
        public async Task A_failed_publish_reports_the_workflow_that_exists_offline()
        {
            var server = new ScriptedDsServer().OnError("POST", "/projects/1/workflow-definition/900/release", 50004, "exist sub workflow definition not online");
            new WorkflowScenario().Attach(server, DsServerVersion.V3_4);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);

            var ex = await Assert.ThrowsAsync<DsWorkflowIncompleteException>(() =>
                client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "nightly", Tasks = new[] { new DsTaskSpec { Name = "a", Script = "x" } } }, publish: true));

            Assert.Equal(50004, ex.Code);
            Assert.Contains("was created", ex.Message);
            Assert.Contains("OFFLINE", ex.Message);
            Assert.Equal(900, ex.Workflow.Code);
            Assert.Equal("OFFLINE", ex.Workflow.ReleaseState);
        }

        [Fact]
        public async Task More_than_a_hundred_tasks_get_their_codes_in_batches()
        {
            var server = WorkflowScenario.Server(DsServerVersion.V3_4);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var tasks = Enumerable.Range(0, 150).Select(i => new DsTaskSpec { Name = "t" + i, Script = "x", DependsOn = i == 0 ? Array.Empty<string>() : new[] { "t" + (i / 2) } }).ToArray();

            await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "big", Tasks = tasks }, publish: false);

            Assert.Equal(new[] { "100", "50" }, server.Matching("GET", "/projects/1/task-definition/gen-task-codes").Select(r => r.Param("genNum")));
            var codes = JsonNode.Parse(server.Matching("POST", "/projects/1/workflow-definition")[0].Param("taskDefinitionJson")!)!.AsArray().Select(d => (long)d!["code"]!);
            Assert.Equal(150, codes.Distinct().Count());
        }

        [Fact]
        public async Task The_callers_task_objects_are_not_modified()
        {
            var server = WorkflowScenario.Server(DsServerVersion.V3_4);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var tasks = Tasks();
            await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "w", Tasks = tasks }, publish: false);
            Assert.All(tasks, t => Assert.Equal(0, t.Code));
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Updating_an_online_workflow_is_refused_before_anything_changes(DsServerVersion version)
        {
            var scenario = new WorkflowScenario();
            var server = scenario.Attach(new ScriptedDsServer(), version);
            using var client = TestClient.Create(server, version);
            var wf = await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "w", Tasks = Tasks() }, publish: true);
            server.Requests.Clear();

            var spec = WorkflowSpec.From(wf);
            var ex = await Assert.ThrowsAsync<DsApiException>(() => client.Workflows.UpdateAsync(1, wf.Code, spec, republish: false, publish: false));

            Assert.Equal(50008, ex.Code);
            Assert.Equal(DsErrorKind.InvalidState, ex.Kind);
            Assert.Contains("-Republish", ex.Message);
            Assert.Equal(new[] { "GET /projects/1/" + Def(version) + "/900" }, server.Requests.Select(r => r.ToString()));
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Republish_takes_offline_updates_publishes_and_re_enables_the_schedule(DsServerVersion version)
        {
            var scenario = new WorkflowScenario();
            var server = scenario.Attach(new ScriptedDsServer(), version);
            using var client = TestClient.Create(server, version);
            var wf = await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "w", Tasks = Tasks() }, publish: true);
            var codeField = version == DsServerVersion.V3_2 ? "processDefinitionCode" : "workflowDefinitionCode";
            scenario.SchedulesJson = WorkflowScenario.Page("{\"id\":5,\"" + codeField + "\":900,\"crontab\":\"0 0 2 * * ?\",\"releaseState\":\"ONLINE\"}", 1);
            server.Requests.Clear();

            wf.Tasks[1].Script = "echo v2";
            var added = new DsTaskSpec { Name = "report", Script = "echo done", DependsOn = new[] { "run" } };
            wf.Tasks = wf.Tasks.Append(added).ToArray();
            var updated = await client.Workflows.UpdateAsync(1, wf.Code, WorkflowSpec.From(wf), republish: true, publish: false);

            var def = "/projects/1/" + Def(version) + "/900";
            Assert.Equal(new[]
            {
                "GET " + def,
                "GET /projects/1/task-definition/gen-task-codes",
                "GET /projects/1/schedules",
                "POST " + def + "/release",
                "PUT " + def,
                "POST " + def + "/release",
                "POST /projects/1/schedules/5/online",
                "GET " + def,
            }, server.Requests.Select(r => r.ToString()));
            Assert.Equal("900", server.Requests[2].Param(codeField));
            Assert.Equal(new[] { "OFFLINE", "ONLINE" }, server.Matching("POST", def + "/release").Select(r => r.Param("releaseState")));
            Assert.Equal("1", server.Requests[1].Param("genNum")); // only the new task needs a code

            var put = server.Matching("PUT", def).Single();
            var defs = JsonNode.Parse(put.Param("taskDefinitionJson")!)!.AsArray();
            Assert.Equal(new long[] { 1000, 1001, 1002 }, defs.Select(d => (long)d!["code"]!));
            Assert.Equal(new[] { 1, 1, 0 }, defs.Select(d => (int)d!["version"]!));   // existing tasks keep code and version
            Assert.Equal("echo v2", (string?)defs[1]!["taskParams"]!["rawScript"]);
            Assert.Equal(3, JsonNode.Parse(put.Param("locations")!)!.AsArray().Count);     // the DAG changed: laid out again
            Assert.Equal("ONLINE", updated.ReleaseState);
            Assert.Equal(3, updated.Tasks.Length);
        }

        [Fact]
        public async Task An_unchanged_DAG_keeps_its_stored_locations()
        {
            var scenario = new WorkflowScenario();
            var server = scenario.Attach(new ScriptedDsServer(), DsServerVersion.V3_4);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var wf = await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "w", Tasks = Tasks() }, publish: false);
            var stored = scenario.Saved!.Param("locations");

            wf.Description = "changed";
            await client.Workflows.UpdateAsync(1, wf.Code, WorkflowSpec.From(wf), republish: false, publish: false);

            var put = server.Matching("PUT", "/projects/1/workflow-definition/900").Single();
            Assert.Equal(stored, put.Param("locations"));
            Assert.Equal("changed", put.Param("description"));
            Assert.Empty(server.Matching("GET", "/projects/1/task-definition/gen-task-codes").Skip(1));
        }

        [Fact]
        public async Task Read_back_tasks_round_trip_to_the_same_documents()
        {
            var scenario = new WorkflowScenario();
            var server = scenario.Attach(new ScriptedDsServer(), DsServerVersion.V3_2);
            using var client = TestClient.Create(server, DsServerVersion.V3_2);
            var flink = new DsTaskSpec { Name = "agg", Type = "FLINK", Script = "INSERT INTO s SELECT 1;", TaskParameter = new OrderedDictionary { ["parallelism"] = 4 }, DependsOn = new[] { "http" } };
            var http = new DsTaskSpec { Name = "http", Type = "HTTP", TaskParameter = new OrderedDictionary { ["url"] = "https://x" }, RetryTimes = 3, TimeoutMinutes = 10 };
            var wf = await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "w", Tasks = new[] { http, flink }, GlobalParameters = new OrderedDictionary { ["dt"] = "${system.biz.date}" } }, publish: false);
            var first = scenario.Saved!.Param("taskDefinitionJson");

            await client.Workflows.UpdateAsync(1, wf.Code, WorkflowSpec.From(wf), republish: false, publish: false);

            var second = JsonNode.Parse(scenario.Saved!.Param("taskDefinitionJson")!)!.AsArray();
            foreach (var t in second) t!["version"] = 0; // the server turned 0 into 1
            Assert.Equal(JsonNode.Parse(first!)!.ToJsonString(), second.ToJsonString());
            Assert.Equal("[{\"prop\":\"dt\",\"direct\":\"IN\",\"type\":\"VARCHAR\",\"value\":\"${system.biz.date}\"}]", scenario.Saved.Param("globalParams"));
            Assert.Equal("${system.biz.date}", wf.GlobalParameter["dt"]);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Get_by_name_delete_and_release_use_the_flavours_paths(DsServerVersion version)
        {
            var scenario = new WorkflowScenario();
            var server = scenario.Attach(new ScriptedDsServer(), version).On("DELETE", "/projects/{p}/" + Def(version) + "/{code}");
            using var client = TestClient.Create(server, version);
            await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "w", Tasks = Tasks() }, publish: false);
            server.Requests.Clear();

            await client.Workflows.GetByNameAsync(1, "w");
            await client.Workflows.ReleaseAsync(1, 900, online: false);
            await client.Workflows.DeleteAsync(1, 900);

            Assert.Equal(new[] { "GET /projects/1/" + Def(version) + "/query-by-name", "POST /projects/1/" + Def(version) + "/900/release", "DELETE /projects/1/" + Def(version) + "/900" },
                server.Requests.Where(r => !r.Path.StartsWith("/resources")).Select(r => r.ToString()));
            Assert.Equal("w", server.Requests[0].Param("name"));
        }

        [Fact]
        public async Task A_create_whose_answer_was_lost_is_found_by_name_and_not_sent_again()
        {
            var scenario = new WorkflowScenario { LoseCreateAnswer = "after" };
            var server = scenario.Attach(new ScriptedDsServer(), DsServerVersion.V3_4);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);

            var wf = await client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "nightly", Tasks = Tasks() }, publish: true);

            Assert.Equal(900, wf.Code);
            Assert.Single(server.Matching("POST", "/projects/1/workflow-definition"));
            Assert.Single(server.Matching("GET", "/projects/1/workflow-definition/query-by-name"));
            Assert.Equal("ONLINE", wf.ReleaseState); // the remaining steps went on
        }

        [Fact]
        public async Task A_create_lost_before_the_server_saw_it_says_nothing_was_created()
        {
            var scenario = new WorkflowScenario { LoseCreateAnswer = "before" };
            var server = scenario.Attach(new ScriptedDsServer(), DsServerVersion.V3_4);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);

            var ex = await Assert.ThrowsAsync<DsConnectionException>(() => client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "nightly", Tasks = Tasks() }, publish: true));

            Assert.Contains("was not created", ex.Message);
            Assert.Single(server.Matching("POST", "/projects/1/workflow-definition"));
            Assert.Empty(server.Matching("POST", "/projects/1/workflow-definition/{code}/release"));
        }
    }
}
