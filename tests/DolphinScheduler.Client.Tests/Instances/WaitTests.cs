using System.Diagnostics;
using DolphinScheduler.Client.Clients;
using Xunit;

namespace DolphinScheduler.Client.Tests.Instances;

public class WaitTests
{
    private const DsServerVersion V = DsServerVersion.V3_4;

    /// <summary>A fake whose instance 5 goes through the given (state, runTimes) one GET at a time, staying on the last.</summary>
    private static (FakeDs Fake, DsClient Client) Scripted(params (string State, int RunTimes)[] steps)
    {
        var fake = new FakeDs();
        var i = 0;
        fake.Route = r =>
        {
            if (r.Path.EndsWith("/tasks"))
                return new Dictionary<string, object?> { ["workflowInstanceState"] = "X", ["taskList"] = new[] { Wire.Task(V, 100, "a", "SUCCESS"), Wire.Task(V, 101, "b", "RUNNING_EXECUTION") } };
            var (state, runs) = steps[Math.Min(i++, steps.Length - 1)];
            return Wire.Instance(V, 5, state, runTimes: runs, endTime: state is "SUCCESS" or "FAILURE" or "STOP" or "PAUSE" ? "2024-05-01 10:0" + runs + ":00" : null);
        };
        return (fake, fake.Client(V));
    }

    private static async Task<(InstanceWaitStatus Last, int Steps)> RunToEnd(InstanceWaiter waiter, CancellationToken ct = default)
    {
        var steps = 0;
        while (true)
        {
            var status = await waiter.NextAsync(ct);
            steps++;
            if (status.Done) return (status, steps);
        }
    }

    private static InstanceWaitOptions Fast(DsInstance? baseline = null, TimeSpan? timeout = null) =>
        new() { PollInterval = TimeSpan.FromMilliseconds(10), Baseline = baseline, Timeout = timeout };

    [Fact]
    public async Task Waits_until_a_final_state_and_reports_tasks()
    {
        var (fake, client) = Scripted(("RUNNING_EXECUTION", 1), ("RUNNING_EXECUTION", 1), ("SUCCESS", 1));
        var instance = await client.Instances.GetAsync(7, 5);

        var (last, steps) = await RunToEnd(client.Instances.Wait(instance, Fast()));

        Assert.Equal(2, steps); // the first state was read by GetAsync above
        Assert.True(last.Ended);
        Assert.True(last.Succeeded);
        Assert.False(last.TimedOut);
        Assert.Equal(2, last.Tasks.Count);
        Assert.Equal("1 SUCCESS, 1 RUNNING_EXECUTION", InstanceWaiter.Summarize(last.Tasks));
    }

    [Fact]
    public async Task An_end_other_than_success_ends_the_wait_without_succeeding()
    {
        var (_, client) = Scripted(("RUNNING_EXECUTION", 1), ("FAILURE", 1));
        var instance = await client.Instances.GetAsync(7, 5);
        var (last, _) = await RunToEnd(client.Instances.Wait(instance, Fast()));
        Assert.True(last.Ended);
        Assert.False(last.Succeeded);
        Assert.Equal("FAILURE", last.Instance.State);
    }

    [Fact]
    public async Task After_a_rerun_of_an_ended_instance_the_old_final_state_does_not_end_the_wait()
    {
        // The command is queued: DS still shows the old SUCCESS for a while, then runs it again.
        var (_, client) = Scripted(("SUCCESS", 1), ("SUCCESS", 1), ("SUCCESS", 1), ("RUNNING_EXECUTION", 2), ("SUCCESS", 2));
        var baseline = await client.Instances.GetAsync(7, 5); // what ExecuteAsync returns

        var (last, steps) = await RunToEnd(client.Instances.Wait(baseline, Fast(baseline)));

        Assert.Equal(4, steps);
        Assert.True(last.Succeeded);
        Assert.Equal(2, last.Instance.RunTimes);
    }

    [Fact]
    public async Task A_rerun_that_fails_again_between_two_polls_is_seen_by_its_run_count()
    {
        var (_, client) = Scripted(("FAILURE", 1), ("FAILURE", 1), ("FAILURE", 2));
        var baseline = await client.Instances.GetAsync(7, 5);

        var (last, steps) = await RunToEnd(client.Instances.Wait(baseline, Fast(baseline)));

        Assert.Equal(2, steps);
        Assert.True(last.Ended);
        Assert.Equal(2, last.Instance.RunTimes);
    }

    [Fact]
    public async Task A_pause_of_a_running_instance_ends_on_the_pause()
    {
        var (_, client) = Scripted(("RUNNING_EXECUTION", 1), ("READY_PAUSE", 1), ("PAUSE", 1));
        var baseline = await client.Instances.GetAsync(7, 5);
        var (last, steps) = await RunToEnd(client.Instances.Wait(baseline, Fast(baseline)));
        Assert.Equal("PAUSE", last.Instance.State);
        Assert.Equal(2, steps);
    }

    [Fact]
    public async Task Times_out_with_the_last_state()
    {
        var (_, client) = Scripted(("RUNNING_EXECUTION", 1));
        var instance = await client.Instances.GetAsync(7, 5);
        var watch = Stopwatch.StartNew();

        var (last, _) = await RunToEnd(client.Instances.Wait(instance, Fast(timeout: TimeSpan.FromMilliseconds(200))));

        Assert.True(last.TimedOut);
        Assert.False(last.Ended);
        Assert.True(last.Done);
        Assert.Equal("RUNNING_EXECUTION", last.Instance.State);
        Assert.InRange(watch.ElapsedMilliseconds, 150, 5000);
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_promptly()
    {
        var (_, client) = Scripted(("RUNNING_EXECUTION", 1));
        var instance = await client.Instances.GetAsync(7, 5);
        var waiter = client.Instances.Wait(instance, new InstanceWaitOptions { PollInterval = TimeSpan.FromMinutes(10) });
        await waiter.NextAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.NextAsync(cts.Token));
        Assert.True(watch.ElapsedMilliseconds < 5000);
    }
}
