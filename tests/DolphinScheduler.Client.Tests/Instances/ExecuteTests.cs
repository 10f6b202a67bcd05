using DolphinScheduler.Client.Versioning;
using Xunit;

namespace DolphinScheduler.Client.Tests.Instances;

public class ExecuteTests
{
    [Theory]
    [InlineData(DsServerVersion.V3_2, "processInstanceId")]
    [InlineData(DsServerVersion.V3_3, "workflowInstanceId")]
    [InlineData(DsServerVersion.V3_4, "workflowInstanceId")]
    public async Task Execute_reads_the_current_state_then_sends_the_familys_names_to_the_instances_project(DsServerVersion version, string idParam)
    {
        var fake = new FakeDs();
        var p = Wire.InstancesPath(version);
        fake.Route = r => r.Path switch
        {
            var s when s == "/projects/8/" + p + "/5" => Wire.Instance(version, 5, "FAILURE", projectCode: 8, runTimes: 2, endTime: "2024-05-01 10:05:00"),
            "/projects/8/executors/execute" => null,
            _ => throw new InvalidOperationException(r.ToString()),
        };
        var client = fake.Client(version);
        // A stale object from an older list: RUNNING then, FAILURE now.
        var stale = (await client.Instances.GetAsync(8, 5));

        var baseline = await client.Instances.ExecuteAsync(stale, "START_FAILURE_TASK_PROCESS");

        Assert.Equal("FAILURE", baseline.State);
        Assert.Equal(2, baseline.RunTimes);
        var execute = Assert.Single(fake.Where("POST", "/projects/8/executors/execute"));
        Assert.Equal("5", execute.Form[idParam]);
        Assert.Equal("START_FAILURE_TASK_PROCESS", execute.Form["executeType"]);
        Assert.Equal(2, execute.Form.Count);
        Assert.Equal(2, fake.Where("GET", "/projects/8/" + p + "/5").Count()); // the read above and the fresh one before executing
    }

    [Theory]
    [InlineData(DsServerVersion.V3_2)]
    [InlineData(DsServerVersion.V3_4)]
    public async Task A_refused_execute_type_says_why_and_sends_nothing(DsServerVersion version)
    {
        var fake = new FakeDs();
        fake.Route = r => r.Method == "GET" ? Wire.Instance(version, 5, "SUCCESS", endTime: "2024-05-01 10:05:00") : throw new InvalidOperationException("must not send " + r);
        var client = fake.Client(version);
        var instance = await client.Instances.GetAsync(7, 5);

        var ex = await Assert.ThrowsAsync<DsApiException>(() => client.Instances.ExecuteAsync(instance, "START_FAILURE_TASK_PROCESS"));

        Assert.Equal(DsErrorKind.InvalidState, ex.Kind);
        Assert.Contains("SUCCESS", ex.Message);
        Assert.Contains("FAILURE", ex.Message);          // the state it would need
        Assert.Contains("REPEAT_RUNNING", ex.Message);   // and what to use instead
        Assert.DoesNotContain(fake.Requests, r => r.Method == "POST");
    }

    public static IEnumerable<object[]> Table()
    {
        // The expected table (docs/server-compatibility.md): executeType -> states DS accepts, per family.
        var v32 = new Dictionary<string, string[]>
        {
            ["PAUSE"] = new[] { "RUNNING_EXECUTION" },
            ["STOP"] = new[] { "RUNNING_EXECUTION", "READY_PAUSE" },
            ["REPEAT_RUNNING"] = new[] { "SUCCESS", "FAILURE", "STOP", "PAUSE", "BLOCK" },
            ["START_FAILURE_TASK_PROCESS"] = new[] { "FAILURE" },
            ["RECOVER_SUSPENDED_PROCESS"] = new[] { "PAUSE", "STOP" },
        };
        var v33 = new Dictionary<string, string[]>
        {
            ["PAUSE"] = new[] { "RUNNING_EXECUTION", "READY_PAUSE", "SERIAL_WAIT" },
            ["STOP"] = new[] { "RUNNING_EXECUTION", "READY_PAUSE", "READY_STOP", "SERIAL_WAIT" },
            ["REPEAT_RUNNING"] = new[] { "SUCCESS", "FAILURE", "STOP", "PAUSE" },
            ["START_FAILURE_TASK_PROCESS"] = new[] { "FAILURE" },
            ["RECOVER_SUSPENDED_PROCESS"] = new[] { "PAUSE", "STOP" },
        };
        foreach (var (version, table) in new[] { (DsServerVersion.V3_2, v32), (DsServerVersion.V3_4, v33) })
            foreach (var state in FlavorFactory.Create(version).EnumValues("WorkflowExecutionStatus"))
                foreach (var type in ExecutionRules.ExecuteTypes)
                    yield return new object[] { version, type, state, table[type].Contains(state) };
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Every_execute_type_against_every_state_follows_the_table(DsServerVersion version, string executeType, string state, bool allowed)
    {
        var fake = new FakeDs { Route = _ => Wire.Instance(version, 5, state) };
        var client = fake.Client(version);
        var instance = await client.Instances.GetAsync(7, 5);

        var ex = Record.Exception(() => client.Instances.CheckExecute(instance, executeType));

        if (allowed) Assert.Null(ex);
        else
        {
            var ds = Assert.IsType<DsApiException>(ex);
            Assert.Equal(DsErrorKind.InvalidState, ds.Kind);
            Assert.Contains(executeType, ds.Message);
            Assert.Contains(state, ds.Message);
        }
    }

    [Theory]
    [InlineData("NONE")]
    [InlineData("EXECUTE_TASK")]
    public async Task Execute_types_DS_refuses_on_instances_are_invalid_arguments(string executeType)
    {
        var fake = new FakeDs { Route = _ => Wire.Instance(DsServerVersion.V3_4, 5, "SUCCESS") };
        var client = fake.Client(DsServerVersion.V3_4);
        var instance = await client.Instances.GetAsync(7, 5);
        var ex = Assert.Throws<DsApiException>(() => client.Instances.CheckExecute(instance, executeType));
        Assert.Equal(DsErrorKind.InvalidArgument, ex.Kind);
    }

    [Fact]
    public void The_final_states_are_what_Wait_ends_on()
    {
        Assert.Equal(new[] { "BLOCK", "FAILURE", "PAUSE", "STOP", "SUCCESS" }, FlavorFactory.Create(DsServerVersion.V3_2).Execution.FinalStates.OrderBy(s => s));
        foreach (var v in new[] { DsServerVersion.V3_2, DsServerVersion.V3_3, DsServerVersion.V3_4 })
        {
            var rules = FlavorFactory.Create(v).Execution;
            if (v != DsServerVersion.V3_2) Assert.Equal(new[] { "FAILURE", "PAUSE", "STOP", "SUCCESS" }, rules.FinalStates.OrderBy(s => s));
            Assert.True(rules.IsFinalTask("KILL"));
            Assert.False(rules.IsFinalTask("RUNNING_EXECUTION"));
            Assert.False(rules.IsFinalTask("NEED_FAULT_TOLERANCE"));
        }
        Assert.True(FlavorFactory.Create(DsServerVersion.V3_2).Execution.IsFinalTask("STOP"));
    }

    [Theory]
    [InlineData(DsServerVersion.V3_2)]
    [InlineData(DsServerVersion.V3_4)]
    public async Task Delete_refuses_a_running_instance_and_deletes_an_ended_one(DsServerVersion version)
    {
        var fake = new FakeDs();
        var state = "RUNNING_EXECUTION";
        var p = Wire.InstancesPath(version);
        fake.Route = r => r.Method == "DELETE" ? null : Wire.Instance(version, 5, state);
        var client = fake.Client(version);
        var instance = await client.Instances.GetAsync(7, 5);

        var ex = await Assert.ThrowsAsync<DsApiException>(() => client.Instances.DeleteAsync(instance));
        Assert.Equal(DsErrorKind.InvalidState, ex.Kind);
        Assert.Empty(fake.Where("DELETE", "/projects/7/" + p + "/5"));

        state = "STOP";
        await client.Instances.DeleteAsync(instance);
        Assert.Single(fake.Where("DELETE", "/projects/7/" + p + "/5"));
    }
}
