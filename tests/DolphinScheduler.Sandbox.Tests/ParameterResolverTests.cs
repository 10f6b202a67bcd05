using System.Text.Json.Nodes;
using DolphinScheduler.Sandbox.Execution;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>Parameter substitution for task scripts (built-ins, precedence, time expressions).</summary>
public sealed class ParameterResolverTests
{
    private static readonly DateTime Base = new(2025, 3, 15, 10, 30, 0, DateTimeKind.Utc);

    private static Dictionary<string, string> Build(string globals, Dictionary<string, string> start, string local)
        => ParameterResolver.Build(
            new ParameterResolver.Context(Base, Base, "/exec", 7, 11, "task", 3, 22, "wf", 33, "proj"),
            globals, start, new JsonObject { ["localParams"] = JsonNode.Parse(local) });

    [Fact]
    public void Built_ins_and_precedence()
    {
        var map = Build(
            """[{"prop":"a","direct":"IN","type":"VARCHAR","value":"global"},{"prop":"b","direct":"IN","type":"VARCHAR","value":"${system.biz.date}"}]""",
            new() { ["a"] = "start", ["c"] = "only-start" },
            """[{"prop":"c","direct":"IN","type":"VARCHAR","value":"local"},{"prop":"o","direct":"OUT","type":"VARCHAR","value":"out"}]""");
        Assert.Equal("start", map["a"]);
        Assert.Equal("20250314", map["b"]);
        Assert.Equal("local", map["c"]);
        Assert.False(map.ContainsKey("o"));
        Assert.Equal("20250315", map["system.biz.curdate"]);
        Assert.Equal("20250315103000", map["system.datetime"]);
        Assert.Equal("7", map["system.task.instance.id"]);
        Assert.Equal("proj", map["system.project.name"]);
        Assert.Equal("x=start ${unknown}", ParameterResolver.Resolve("x=${a} ${unknown}", map, Base));
    }

    [Theory]
    [InlineData("$[yyyyMMdd]", "20250315")]
    [InlineData("$[yyyyMMdd-1]", "20250314")]
    [InlineData("$[yyyy-MM-dd+7]", "2025-03-22")]
    [InlineData("$[yyyyMMdd+7*2]", "20250329")]
    [InlineData("$[HHmmss-1/24]", "093000")]
    [InlineData("$[add_months(yyyyMMdd,1)]", "20250415")]
    [InlineData("$[add_months(yyyyMMdd,-12)]", "20240315")]
    [InlineData("$[month_begin(yyyyMMdd,0)]", "20250301")]
    [InlineData("$[month_end(yyyyMMdd,-1)]", "20250228")]
    [InlineData("$[week_begin(yyyyMMdd,0)]", "20250310")]
    [InlineData("$[week_end(yyyyMMdd,0)]", "20250316")]
    [InlineData("$[last_day(yyyy-MM-dd)]", "2025-03-14")]
    [InlineData("$[nonsense(", "$[nonsense(")]
    public void Time_expressions(string expression, string expected)
        => Assert.Equal(expected, ParameterResolver.Resolve(expression, new Dictionary<string, string>(), Base));
}

/// <summary>The execution options of the command line.</summary>
public sealed class ExecutionCommandLineTests
{
    [Fact]
    public void Retry_interval_scale_and_seed_instances_are_parsed_and_checked()
    {
        var options = Hosting.CommandLine.Parse(["--retry-interval-scale", "0.25", "--seed-instances=500"], out var error);
        Assert.Null(error);
        Assert.Equal((0.25, 500), (options!.RetryIntervalScale, options.SeedInstances));
        Assert.Null(Hosting.CommandLine.Parse(["--retry-interval-scale", "-1"], out error));
        Assert.Contains("--retry-interval-scale", error);
        Assert.Null(Hosting.CommandLine.Parse(["--seed-instances", "many"], out error));
        Assert.Contains("--seed-instances", error);
    }
}
