using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Tests.Fakes;
using DolphinScheduler.Client.Workflows;
using Xunit;

namespace DolphinScheduler.Client.Tests.Workflows
{
    public class WorkflowValidationTests
    {
        private static DsTaskSpec Shell(string name, params string[] dependsOn) => new() { Name = name, Type = "SHELL", Script = "echo " + name, DependsOn = dependsOn };

        /// <summary>Runs CreateAsync against a server that answers everything, and returns the failure and the request count.</summary>
        private static async Task<(DsWorkflowValidationException Error, int Requests)> CreateExpectingFailure(params DsTaskSpec[] tasks)
        {
            var server = WorkflowScenario.Server(DsServerVersion.V3_4);
            using var client = TestClient.Create(server, DsServerVersion.V3_4);
            var ex = await Assert.ThrowsAsync<DsWorkflowValidationException>(() =>
                client.Workflows.CreateAsync(1, new WorkflowSpec { Name = "wf", Tasks = tasks }, publish: true));
            return (ex, server.Requests.Count);
        }

        [Fact]
        public async Task Duplicate_names_are_refused_naming_the_task_and_nothing_is_sent()
        {
            var (ex, requests) = await CreateExpectingFailure(Shell("extract"), Shell("load", "extract"), Shell("Extract"));
            Assert.Equal("DsDuplicateTaskName", ex.ErrorId);
            Assert.Contains("'extract'", ex.Message);
            Assert.Equal(new[] { "extract" }, ex.TaskNames);
            Assert.Equal(0, requests);
        }

        [Fact]
        public async Task Unknown_dependencies_are_refused_naming_both_tasks_and_nothing_is_sent()
        {
            var (ex, requests) = await CreateExpectingFailure(Shell("a"), Shell("b", "a", "missing"));
            Assert.Equal("DsUnknownDependency", ex.ErrorId);
            Assert.Contains("'b' depends on 'missing'", ex.Message);
            Assert.Contains("missing", ex.TaskNames);
            Assert.Contains("b", ex.TaskNames);
            Assert.Equal(0, requests);
        }

        [Fact]
        public async Task A_cycle_is_refused_showing_the_cycle_in_run_order_and_nothing_is_sent()
        {
            var (ex, requests) = await CreateExpectingFailure(Shell("a", "c"), Shell("b", "a"), Shell("c", "b"), Shell("d"));
            Assert.Equal("DsWorkflowCycle", ex.ErrorId);
            Assert.Contains("'a' -> 'b' -> 'c' -> 'a'", ex.Message);
            Assert.Equal(new[] { "a", "b", "c", "a" }, ex.TaskNames);
            Assert.Equal(0, requests);
        }

        [Fact]
        public async Task A_task_depending_on_itself_is_a_cycle()
        {
            var (ex, requests) = await CreateExpectingFailure(Shell("x", "x"));
            Assert.Equal("DsWorkflowCycle", ex.ErrorId);
            Assert.Contains("'x' -> 'x'", ex.Message);
            Assert.Equal(0, requests);
        }

        [Fact]
        public async Task A_task_DS_would_refuse_is_reported_before_sending()
        {
            var (ex, requests) = await CreateExpectingFailure(Shell("ok"), new DsTaskSpec { Name = "empty", Type = "SHELL" });
            Assert.Equal("DsInvalidTask", ex.ErrorId);
            Assert.Contains("'empty'", ex.Message);
            Assert.Equal(0, requests);
        }

        [Fact]
        public async Task An_empty_workflow_is_refused()
        {
            var (ex, requests) = await CreateExpectingFailure();
            Assert.Equal("DsEmptyWorkflow", ex.ErrorId);
            Assert.Equal(0, requests);
        }

        [Theory]
        [InlineData("SQL", null, "statement")]
        [InlineData("HTTP", null, "URL")]
        [InlineData("FLINK", null, "need a program")]
        [InlineData("SPARK", "JAVA", "mainJar")]
        [InlineData("PYTHON", null, "script")]
        public void Task_checks_name_what_is_missing(string type, string? programType, string expected)
        {
            var spec = new DsTaskSpec { Name = "t", Type = type };
            if (programType != null) spec.TaskParameter["programType"] = programType;
            var ex = Assert.ThrowsAny<ArgumentException>(() => TaskTypes.Validate(spec));
            Assert.Contains(expected, ex.Message);
            Assert.StartsWith("Task 't'", ex.Message);
        }

        [Fact]
        public void Valid_DAG_passes_and_the_callers_objects_are_not_changed()
        {
            var a = Shell("a");
            var b = Shell("b", "a");
            var prepared = WorkflowsClient.Prepare(new WorkflowSpec { Name = "wf", Tasks = new[] { a, b } });
            Assert.Equal(2, prepared.Count);
            Assert.NotSame(a, prepared[0]);
            prepared[0].Script = "changed";
            Assert.Equal("echo a", a.Script);
        }
    }
}
