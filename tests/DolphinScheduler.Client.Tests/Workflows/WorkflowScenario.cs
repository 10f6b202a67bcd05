using System.Text.Json.Nodes;
using DolphinScheduler.Client.Tests.Fakes;

namespace DolphinScheduler.Client.Tests.Workflows
{
    /// <summary>
    /// A small stateful stand-in for DS's workflow endpoints: gen-task-codes hands out 1000, 1001, ...; create/update
    /// store the posted documents; GET answers DagData built from them in the flavour's key names (3.2:
    /// processDefinition/processTaskRelationList). Enough to test what the client sends and reads, both flavours.
    /// </summary>
    internal sealed class WorkflowScenario
    {
        public const long ProjectCode = 1;
        public const long WorkflowCode = 900;
        public const string BaseDir = "file:/dolphinscheduler/etl/resources";

        public string ReleaseState { get; set; } = "OFFLINE";
        public int Version { get; private set; }
        public WireRequest? Saved { get; private set; }
        public long NextCode { get; set; } = 1000;
        public string SchedulesJson { get; set; } = Page("");
        /// <summary>"after": the create is stored but its answer is lost; "before": it is lost before the server saw it.</summary>
        public string? LoseCreateAnswer { get; set; }

        public static string DefinitionSegment(DsServerVersion v) => v == DsServerVersion.V3_2 ? "process-definition" : "workflow-definition";

        public static ScriptedDsServer Server(DsServerVersion version) => new WorkflowScenario().Attach(new ScriptedDsServer(), version);

        public ScriptedDsServer Attach(ScriptedDsServer server, DsServerVersion version)
        {
            var def = "/projects/{p}/" + DefinitionSegment(version);
            server.On("GET", "/projects/{p}/task-definition/gen-task-codes", r =>
                "[" + string.Join(",", Enumerable.Range(0, int.Parse(r.Param("genNum")!)).Select(_ => NextCode++)) + "]");
            server.On("GET", "/resources/base-dir", "\"" + BaseDir + "\"");
            server.OnRaw("POST", def, r =>
            {
                if (LoseCreateAnswer == "before") throw new HttpRequestException("connection reset before the server read the request");
                Save(r);
                if (LoseCreateAnswer == "after") throw new HttpRequestException("connection reset after the server stored the workflow");
                return ScriptedDsServer.Envelope(0, "success", Definition(version).ToJsonString(), System.Net.HttpStatusCode.Created);
            });
            server.On("PUT", def + "/{code}", r => { Save(r); return Definition(version).ToJsonString(); });
            // Before {code}, which would match "query-by-name" too.
            server.OnRaw("GET", def + "/query-by-name", r => Saved != null && Saved.Param("name") == r.Param("name")
                ? ScriptedDsServer.Envelope(0, "success", Dag(version).ToJsonString())
                : ScriptedDsServer.Envelope(50003, "workflow definition " + r.Param("name") + " does not exist", "null"));
            server.On("GET", def + "/{code}", _ => Dag(version).ToJsonString());
            server.On("POST", def + "/{code}/release", r => { ReleaseState = r.Param("releaseState")!; return "true"; });
            server.On("GET", "/projects/{p}/schedules", _ => SchedulesJson);
            server.On("POST", "/projects/{p}/schedules/{id}/online", "true");
            return server;
        }

        /// <summary>A one-page PageInfo around the given items (JSON objects separated by commas).</summary>
        public static string Page(string items, int total = 0) =>
            "{\"totalList\":[" + items + "],\"total\":" + total + ",\"totalPage\":1,\"currentPage\":1,\"pageSize\":100,\"pageNo\":0}";

        private void Save(WireRequest r)
        {
            Saved = r;
            Version++;
        }

        private JsonObject Definition(DsServerVersion v) => new()
        {
            ["id"] = 7,
            ["code"] = WorkflowCode,
            ["name"] = Saved?.Param("name"),
            ["version"] = Version,
            ["releaseState"] = ReleaseState,
            ["projectCode"] = ProjectCode,
            ["description"] = Saved?.Param("description"),
            ["globalParams"] = Saved?.Param("globalParams"),
            ["locations"] = Saved?.Param("locations"),
            ["timeout"] = int.Parse(Saved?.Param("timeout") ?? "0"),
            ["executionType"] = Saved?.Param("executionType"),
            ["userName"] = "alice",
            ["createTime"] = "2025-01-01 00:00:00",
            ["updateTime"] = "2025-01-01 00:00:00",
        };

        private JsonObject Dag(DsServerVersion v)
        {
            var tasks = JsonNode.Parse(Saved?.Param("taskDefinitionJson") ?? "[]")!.AsArray();
            foreach (var t in tasks) if ((int)t!["version"]! == 0) t["version"] = 1;
            var relations = JsonNode.Parse(Saved?.Param("taskRelationJson") ?? "[]")!.AsArray();
            var prefix = v == DsServerVersion.V3_2 ? "process" : "workflow";
            foreach (var r in relations)
            {
                r![prefix + "DefinitionCode"] = WorkflowCode;
                r[prefix + "DefinitionVersion"] = Version;
                r["projectCode"] = ProjectCode;
            }
            return new JsonObject
            {
                [v == DsServerVersion.V3_2 ? "processDefinition" : "workflowDefinition"] = Definition(v),
                [v == DsServerVersion.V3_2 ? "processTaskRelationList" : "workflowTaskRelationList"] = relations,
                ["taskDefinitionList"] = tasks,
            };
        }
    }
}
