using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Paging;
using Xunit;

namespace DolphinScheduler.Client.Tests.Instances;

public class InstanceListTests
{
    [Theory]
    [InlineData(DsServerVersion.V3_2, "/projects/7/process-instances", "processDefineCode")]
    [InlineData(DsServerVersion.V3_3, "/projects/7/workflow-instances", "workflowDefinitionCode")]
    [InlineData(DsServerVersion.V3_4, "/projects/7/workflow-instances", "workflowDefinitionCode")]
    public void List_sends_each_familys_path_and_filter_names(DsServerVersion version, string path, string definitionParam)
    {
        var fake = new FakeDs();
        fake.Route = r => Wire.Page(new object[] { Wire.Instance(version, 5, "FAILURE", endTime: "2024-05-01 10:01:05") }, int.Parse(r.Query["pageNo"]), int.Parse(r.Query["pageSize"]));
        var client = fake.Client(version);

        var list = client.Instances.List(7, new InstanceFilter
        {
            WorkflowCode = 99,
            State = "failure",
            StartedAfter = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc),
            StartedBefore = new DateTime(2024, 5, 2, 0, 0, 0, DateTimeKind.Utc),
            Host = "master:5678",
            SearchText = "night",
        }, new PageRequest { PageSize = 20 }).ToList();

        var instance = Assert.Single(list);
        Assert.Equal(5, instance.Id);
        Assert.Equal("FAILURE", instance.State);
        Assert.Equal(99, instance.WorkflowCode);
        Assert.Equal(TimeSpan.FromSeconds(65), instance.Duration);
        var r = Assert.Single(fake.Requests);
        Assert.Equal(path, r.Path);
        Assert.Equal("99", r.Query[definitionParam]);
        Assert.Equal("FAILURE", r.Query["stateType"]);
        Assert.Equal("2024-05-01 00:00:00", r.Query["startDate"]);
        Assert.Equal("2024-05-02 00:00:00", r.Query["endDate"]);
        Assert.Equal("master:5678", r.Query["host"]);
        Assert.Equal("night", r.Query["searchVal"]);
        Assert.Equal("1", r.Query["pageNo"]);
        Assert.Equal("20", r.Query["pageSize"]);
        Assert.Single(r.Query.Keys, k => k.Contains("Define") || k.Contains("Definition"));
    }

    [Theory]
    [InlineData(DsServerVersion.V3_2, "FAILOVER", true)]
    [InlineData(DsServerVersion.V3_4, "BLOCK", true)]
    [InlineData(DsServerVersion.V3_4, "WAIT_TO_RUN", true)]
    [InlineData(DsServerVersion.V3_4, "NOT_A_STATE", false)]
    public void A_state_of_the_other_family_is_refused_clearly(DsServerVersion version, string state, bool otherFamily)
    {
        var fake = new FakeDs { Route = _ => throw new InvalidOperationException("must not send") };
        var client = fake.Client(version);
        var ex = Assert.Throws<DsApiException>(() => client.Instances.List(7, new InstanceFilter { State = state }, PageRequest.All).ToList());
        Assert.Equal(DsErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains(state, ex.Message);
        Assert.Equal(otherFamily, ex.Message.Contains("other server family"));
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData(DsServerVersion.V3_2)]
    [InlineData(DsServerVersion.V3_4)]
    public async Task Tasks_of_an_instance_are_read_with_each_familys_keys(DsServerVersion version)
    {
        var fake = new FakeDs();
        var p = Wire.InstancesPath(version);
        fake.Route = r => r.Path == "/projects/7/" + p + "/5/tasks"
            ? new Dictionary<string, object?>
            {
                [Wire.Is32(version) ? "processInstanceState" : "workflowInstanceState"] = "RUNNING_EXECUTION",
                ["taskList"] = new[] { Wire.Task(version, 100, "extract", "SUCCESS"), Wire.Task(version, 101, "load", "RUNNING_EXECUTION") },
            }
            : throw new InvalidOperationException(r.ToString());
        var client = fake.Client(version);

        var result = await client.Instances.ListTasksAsync(7, 5);

        Assert.Equal("RUNNING_EXECUTION", result.InstanceState);
        Assert.Equal(new[] { "extract", "load" }, result.Tasks.Select(t => t.Name));
        Assert.All(result.Tasks, t => Assert.Equal(5, t.InstanceId));
        Assert.All(result.Tasks, t => Assert.Equal(7, t.ProjectCode));
        Assert.All(result.Tasks, t => Assert.Equal("nightly", t.WorkflowName));
        Assert.Equal(TimeSpan.FromSeconds(30), result.Tasks[0].Duration);
    }

    [Theory]
    [InlineData(DsServerVersion.V3_2, "processInstanceId")]
    [InlineData(DsServerVersion.V3_4, "workflowInstanceId")]
    public void Task_instance_list_uses_each_familys_instance_filter(DsServerVersion version, string instanceParam)
    {
        var fake = new FakeDs();
        fake.Route = _ => Wire.Page(new object[] { Wire.Task(version, 100, "extract", "FAILURE") });
        var client = fake.Client(version);

        var tasks = client.TaskInstances.List(7, new TaskInstanceFilter { InstanceId = 5, State = "FAILURE", TaskCode = 1001 }, PageRequest.All).ToList();

        Assert.Single(tasks);
        var r = Assert.Single(fake.Requests);
        Assert.Equal("/projects/7/task-instances", r.Path);
        Assert.Equal("5", r.Query[instanceParam]);
        Assert.Equal("FAILURE", r.Query["stateType"]);
        Assert.Equal("1001", r.Query["taskCode"]);
    }

    [Fact]
    public void Task_state_STOP_exists_only_in_32()
    {
        var fake = new FakeDs { Route = _ => Wire.Page(Array.Empty<object>()) };
        Assert.Empty(fake.Client(DsServerVersion.V3_2).TaskInstances.List(7, new TaskInstanceFilter { State = "STOP" }, PageRequest.All));
        var ex = Assert.Throws<DsApiException>(() => fake.Client(DsServerVersion.V3_4).TaskInstances.List(7, new TaskInstanceFilter { State = "STOP" }, PageRequest.All));
        Assert.Contains("other server family", ex.Message);
    }
}
