using DolphinScheduler.Client.Clients;
using Xunit;

namespace DolphinScheduler.Client.Tests.Instances;

public class StartTests
{
    [Theory]
    [InlineData(DsServerVersion.V3_3)]
    [InlineData(DsServerVersion.V3_4)]
    public async Task Start33_sends_workflow_names_and_returns_every_created_instance(DsServerVersion version)
    {
        var fake = new FakeDs();
        fake.Route = r => r.Path switch
        {
            "/projects/7/executors/start-workflow-instance" => new[] { 11, 12 },
            "/projects/7/workflow-instances/11" => Wire.Instance(version, 11, "RUNNING_EXECUTION"),
            "/projects/7/workflow-instances/12" => Wire.Instance(version, 12, "SUBMITTED_SUCCESS"),
            _ => throw new InvalidOperationException(r.ToString()),
        };
        var client = fake.Client(version);

        var started = await client.Instances.StartAsync(7, 99, new StartOptions
        {
            Parameters = new Dictionary<string, object?> { ["dt"] = "2024-05-01", ["n"] = 3 },
            TenantCode = "etl",
            WorkerGroup = "gpu",
            FailureStrategy = "END",
            Priority = "HIGH",
            DryRun = true,
        });

        Assert.Equal(new[] { 11, 12 }, started.Select(i => i.Id));
        var start = Assert.Single(fake.Where("POST", "/projects/7/executors/start-workflow-instance"));
        Assert.Equal("99", start.Form["workflowDefinitionCode"]);
        Assert.False(start.Has("processDefinitionCode"));
        Assert.Equal("", start.Form["scheduleTime"]);                   // required even for a plain start (quirk 5)
        Assert.Equal("END", start.Form["failureStrategy"]);
        Assert.Equal("NONE", start.Form["warningType"]);
        Assert.Equal("START_PROCESS", start.Form["execType"]);
        Assert.Equal("HIGH", start.Form["workflowInstancePriority"]);
        Assert.Equal("etl", start.Form["tenantCode"]);
        Assert.Equal("gpu", start.Form["workerGroup"]);
        Assert.Equal("1", start.Form["dryRun"]);
        Assert.Equal("{\"dt\":\"2024-05-01\",\"n\":\"3\"}", start.Form["startParams"]);
        Assert.False(start.Has("testFlag"));
        Assert.False(start.Has("version"));
        Assert.DoesNotContain(fake.Requests, r => r.Path.EndsWith("/trigger"));
        Assert.All(started, i => Assert.Equal(7, i.ProjectCode));
    }

    [Fact]
    public async Task Start32_uses_process_names_and_looks_instances_up_by_trigger_code_until_they_appear()
    {
        var version = DsServerVersion.V3_2;
        var fake = new FakeDs();
        var lookups = 0;
        fake.Route = r => r.Path switch
        {
            "/projects/7/executors/start-process-instance" => 8765432101234L,
            "/projects/7/process-instances/trigger" => ++lookups < 3 ? Array.Empty<object>() : new object[] { Wire.Instance(version, 41, "RUNNING_EXECUTION") },
            _ => throw new InvalidOperationException(r.ToString()),
        };
        var client = fake.Client(version);

        var started = await client.Instances.StartAsync(7, 99, new StartOptions { Priority = "LOW" });

        var instance = Assert.Single(started);
        Assert.Equal(41, instance.Id);
        Assert.Equal(99, instance.WorkflowCode);          // read from processDefinitionCode
        var start = Assert.Single(fake.Where("POST", "/projects/7/executors/start-process-instance"));
        Assert.Equal("99", start.Form["processDefinitionCode"]);
        Assert.Equal("LOW", start.Form["processInstancePriority"]);
        Assert.False(start.Has("workflowDefinitionCode"));
        Assert.False(start.Has("workflowInstancePriority"));
        var triggers = fake.Where("GET", "/projects/7/process-instances/trigger").ToList();
        Assert.Equal(3, triggers.Count);
        Assert.All(triggers, t => Assert.Equal("8765432101234", t.Query["triggerCode"]));
        // Never guessed by time: the instance list is not consulted.
        Assert.Empty(fake.Where("GET", "/projects/7/process-instances"));
    }

    [Fact]
    public async Task Start32_gives_a_timeout_error_with_the_trigger_code_when_no_instance_appears()
    {
        var fake = new FakeDs();
        fake.Route = r => r.Path.EndsWith("start-process-instance") ? 123456789L : Array.Empty<object>();
        var client = fake.Client(DsServerVersion.V3_2);

        var ex = await Assert.ThrowsAsync<DsApiException>(() => client.Instances.StartAsync(7, 99, new StartOptions { TriggerLookupTimeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(DsErrorKind.Timeout, ex.Kind);
        Assert.Contains("123456789", ex.Message);
    }

    [Fact]
    public async Task Start_refuses_a_value_of_the_wrong_family_before_sending()
    {
        var fake = new FakeDs { Route = _ => throw new InvalidOperationException("must not send") };
        var client = fake.Client(DsServerVersion.V3_4);
        var ex = await Assert.ThrowsAsync<DsApiException>(() => client.Instances.StartAsync(7, 99, new StartOptions { WarningType = "GLOBAL" }));
        Assert.Equal(DsErrorKind.InvalidArgument, ex.Kind);
        Assert.Contains("other server family", ex.Message);
        Assert.Empty(fake.Requests);
    }
}
