using System.Text.Json.Nodes;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Tests.Fakes;
using Xunit;

namespace DolphinScheduler.Client.Tests.Schedules
{
    public class SchedulesClientTests
    {
        public static TheoryData<DsServerVersion> Flavors => new() { DsServerVersion.V3_2, DsServerVersion.V3_3, DsServerVersion.V3_4 };

        private static string Prefix(DsServerVersion v) => v == DsServerVersion.V3_2 ? "process" : "workflow";

        private static string ScheduleJson(DsServerVersion v, string releaseState = "OFFLINE") =>
            "{\"id\":5,\"" + Prefix(v) + "DefinitionCode\":900,\"" + Prefix(v) + "DefinitionName\":\"nightly\",\"projectName\":\"etl\"," +
            "\"startTime\":\"2025-01-01 00:00:00\",\"endTime\":\"2125-01-01 00:00:00\",\"timezoneId\":\"Asia/Shanghai\",\"crontab\":\"0 0 2 * * ?\"," +
            "\"failureStrategy\":\"END\",\"warningType\":\"FAILURE\",\"warningGroupId\":2,\"releaseState\":\"" + releaseState + "\"," +
            "\"" + Prefix(v) + "InstancePriority\":\"HIGH\",\"workerGroup\":\"gpu\",\"tenantCode\":\"etl\",\"environmentCode\":-1,\"userName\":\"alice\"}";

        private static ScheduleSpec Spec() => new()
        {
            Cron = "0 0 2 * * ? *",
            StartTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            EndTime = new DateTime(2125, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            TimeZone = "Asia/Shanghai",
            FailureStrategy = "END",
            Priority = "HIGH",
            WorkerGroup = "gpu",
            TenantCode = "etl",
        };

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Create_sends_the_flavours_parameter_names_and_the_schedule_json(DsServerVersion version)
        {
            var server = new ScriptedDsServer().On("POST", "/projects/{p}/schedules", ScheduleJson(version));
            using var client = TestClient.Create(server, version);

            var schedule = await client.Schedules.CreateAsync(1, 900, Spec());

            var r = Assert.Single(server.Requests);
            Assert.Equal("POST /projects/1/schedules", r.ToString());
            var p = Prefix(version);
            Assert.Equal(new[] { p + "DefinitionCode", "schedule", "failureStrategy", "workerGroup", "tenantCode", p + "InstancePriority" }, r.Form.Select(f => f.Key));
            Assert.Equal("900", r.Param(p + "DefinitionCode"));
            Assert.Equal("{\"startTime\":\"2025-01-01 00:00:00\",\"endTime\":\"2125-01-01 00:00:00\",\"crontab\":\"0 0 2 * * ? *\",\"timezoneId\":\"Asia/Shanghai\"}", r.Param("schedule"));

            Assert.Equal(5, schedule.Id);
            Assert.Equal(900, schedule.WorkflowCode);
            Assert.Equal("nightly", schedule.WorkflowName);
            Assert.Equal(1, schedule.ProjectCode);
            Assert.Equal("0 0 2 * * ?", schedule.Cron);
            Assert.Equal("Asia/Shanghai", schedule.TimeZone);
            Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), schedule.StartTime);
            Assert.Equal("HIGH", schedule.Priority);
            Assert.Equal("OFFLINE", schedule.ReleaseState);
        }

        [Theory]
        [InlineData("0 2 * * *")]
        [InlineData("0 0 2 * * *")]
        public async Task An_invalid_cron_is_refused_before_sending(string cron)
        {
            var server = new ScriptedDsServer();
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var spec = Spec();
            spec.Cron = cron;
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Schedules.CreateAsync(1, 900, spec));
            Assert.Equal("cron", ex.ParamName);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task An_end_before_the_start_is_refused_before_sending()
        {
            var server = new ScriptedDsServer();
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var spec = Spec();
            spec.EndTime = spec.StartTime;
            await Assert.ThrowsAsync<ArgumentException>(() => client.Schedules.CreateAsync(1, 900, spec));
            Assert.Empty(server.Requests);
        }

        [Theory]
        [InlineData(DsServerVersion.V3_2, true)]
        [InlineData(DsServerVersion.V3_4, false)]
        public async Task Warning_type_GLOBAL_exists_only_in_3_2(DsServerVersion version, bool accepted)
        {
            var server = new ScriptedDsServer().On("POST", "/projects/{p}/schedules", ScheduleJson(version));
            using var client = TestClient.Create(server, version);
            var spec = Spec();
            spec.WarningType = "GLOBAL";
            if (accepted) await client.Schedules.CreateAsync(1, 900, spec);
            else await Assert.ThrowsAsync<ArgumentException>(() => client.Schedules.CreateAsync(1, 900, spec));
            Assert.Equal(accepted ? 1 : 0, server.Requests.Count);
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task List_filters_by_workflow_with_the_flavours_name_and_maps_fields(DsServerVersion version)
        {
            var server = new ScriptedDsServer().On("GET", "/projects/{p}/schedules",
                "{\"totalList\":[" + ScheduleJson(version, "ONLINE") + "],\"total\":1,\"totalPage\":1,\"currentPage\":1,\"pageSize\":10,\"pageNo\":0}");
            using var client = TestClient.Create(server, version);

            var found = await client.Schedules.FindByWorkflowAsync(1, 900);

            Assert.NotNull(found);
            Assert.True(found!.IsEnabled);
            Assert.Equal("gpu", found.WorkerGroup);
            Assert.Equal(2, found.WarningGroupId);
            var r = Assert.Single(server.Requests);
            Assert.Equal("900", r.Param(Prefix(version) + "DefinitionCode"));
            Assert.Null(r.Param(version == DsServerVersion.V3_2 ? "workflowDefinitionCode" : "processDefinitionCode"));
        }

        [Theory]
        [MemberData(nameof(Flavors))]
        public async Task Update_online_offline_and_delete_paths(DsServerVersion version)
        {
            var server = new ScriptedDsServer()
                .On("PUT", "/projects/{p}/schedules/{id}", ScheduleJson(version))
                .On("POST", "/projects/{p}/schedules/{id}/online", "true")
                .On("POST", "/projects/{p}/schedules/{id}/offline", "true")
                .On("DELETE", "/projects/{p}/schedules/{id}");
            using var client = TestClient.Create(server, version);
            var spec = ScheduleSpec.From(await client.Schedules.UpdateAsync(1, 5, Spec()));
            server.Requests.Clear();

            await client.Schedules.UpdateAsync(1, 5, spec);
            await client.Schedules.OnlineAsync(1, 5);
            await client.Schedules.OfflineAsync(1, 5);
            await client.Schedules.DeleteAsync(1, 5);

            Assert.Equal(new[] { "PUT /projects/1/schedules/5", "POST /projects/1/schedules/5/online", "POST /projects/1/schedules/5/offline", "DELETE /projects/1/schedules/5" },
                server.Requests.Select(r => r.ToString()));
            // An update sends every setting back (DS resets omitted ones), read from the current schedule.
            var put = server.Requests[0];
            var p = Prefix(version);
            Assert.Equal(new[] { "schedule", "warningType", "warningGroupId", "failureStrategy", "workerGroup", "tenantCode", "environmentCode", p + "InstancePriority" }, put.Form.Select(f => f.Key));
            Assert.Equal("FAILURE", put.Param("warningType"));
            Assert.Equal("2", put.Param("warningGroupId"));
            Assert.Equal("HIGH", put.Param(p + "InstancePriority"));
            Assert.Equal("0 0 2 * * ?", JsonNode.Parse(put.Param("schedule")!)!["crontab"]!.GetValue<string>());
        }

        [Fact]
        public async Task A_missing_schedule_id_is_not_found_with_DS_code_10203()
        {
            var server = new ScriptedDsServer().On("GET", "/projects/{p}/schedules", "{\"totalList\":[],\"total\":0,\"totalPage\":1,\"currentPage\":1,\"pageSize\":100,\"pageNo\":0}");
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var ex = await Assert.ThrowsAsync<DsNotFoundException>(() => client.Schedules.GetAsync(1, 77));
            Assert.Equal(10203, ex.Code);
        }
    }
}
