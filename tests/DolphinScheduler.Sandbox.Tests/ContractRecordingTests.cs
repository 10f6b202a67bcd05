using System.Text.Json;
using DolphinScheduler.Sandbox.Contract;

namespace DolphinScheduler.Sandbox.Tests;

[Collection("Sandbox")]
public sealed class ContractRecordingTests(SandboxPair sandbox)
{
    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Unknown_path_answers_200_html_when_authenticated_and_is_recorded(string v)
    {
        var server = sandbox.Server(v);
        server.ClearRecords();
        var r = await sandbox.Admin(v).Get("/no/such/thing");

        Assert.Equal(HttpStatusCode.OK, r.Status);
        Assert.Equal("text/html", r.ContentType);
        Assert.StartsWith("<!DOCTYPE html>", r.Body);
        var violation = Assert.Single(server.Violations);
        Assert.Equal((ViolationKind.UnknownPath, "GET", "/dolphinscheduler/no/such/thing"), (violation.Kind, violation.Method, violation.Path));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Wrong_method_and_wrong_case_are_unknown_paths(string v)
    {
        var server = sandbox.Server(v);
        server.ClearRecords();
        var wrongMethod = await sandbox.Admin(v).Post("/projects/list");
        var wrongCase = await sandbox.Admin(v).Get("/Projects/list");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (wrongMethod.Status, wrongMethod.ContentType));
        Assert.Equal((HttpStatusCode.OK, "text/html"), (wrongCase.Status, wrongCase.ContentType));
        Assert.Equal(HttpStatusCode.Unauthorized, (await sandbox.Anonymous(v).Get("/Projects/list")).Status);
        Assert.All(server.Violations, x => Assert.Equal(ViolationKind.UnknownPath, x.Kind));
        Assert.Equal(3, server.Violations.Count);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Unknown_parameter_is_processed_and_recorded_by_name_only(string v)
    {
        var server = sandbox.Server(v);
        server.ClearRecords();
        var r = await sandbox.Admin(v).Get("/projects/list", ("secretish", "value-that-must-not-be-kept"));
        Assert.Equal(0, r.Code);

        var violation = Assert.Single(server.Violations);
        Assert.Equal((ViolationKind.UnknownParameter, "secretish", "GET /projects/list"), (violation.Kind, violation.Name, violation.Endpoint));
        var request = Assert.Single(server.Requests);
        Assert.Equal(["secretish"], request.ParameterNames);
        Assert.Equal((200, 0), (request.HttpStatus, request.Code));
        Assert.DoesNotContain("value-that-must-not-be-kept", JsonSerializer.Serialize(server.Requests) + JsonSerializer.Serialize(server.Violations));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Json_body_is_recorded(string v)
    {
        var server = sandbox.Server(v);
        server.ClearRecords();
        var body = new StringContent("{\"queue\":\"a\",\"queueName\":\"b\"}", System.Text.Encoding.UTF8, "application/json");
        var r = await sandbox.Admin(v).Send(HttpMethod.Post, "/queues", [], body);
        Assert.Equal(10127, r.Code);
        Assert.Contains(server.Violations, x => x.Kind == ViolationKind.JsonBody && x.Endpoint == "POST /queues");
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Unimplemented_contract_endpoint_is_recorded_as_such(string v)
    {
        var server = sandbox.Server(v);
        server.ClearRecords();
        var definitions = v == "3.2" ? "process-definition" : "workflow-definition";
        var r = await sandbox.Admin(v).Get($"/projects/1/{definitions}/1/view-tree", ("limit", 1));
        Assert.Equal((HttpStatusCode.OK, "text/html"), (r.Status, r.ContentType));
        Assert.Equal(ViolationKind.NotImplemented, Assert.Single(server.Violations).Kind);
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Each_flavour_serves_only_its_own_paths(string v)
    {
        var server = sandbox.Server(v);
        server.ClearRecords();
        var admin = sandbox.Admin(v);
        var foreignDefinitions = v == "3.2" ? "/projects/1/workflow-definition" : "/projects/1/process-definition";
        var ownDefinitions = v == "3.2" ? "/projects/1/process-definition" : "/projects/1/workflow-definition";
        await admin.Get(foreignDefinitions + "/1/view-tree", ("limit", 1));
        await admin.Get(ownDefinitions + "/1/view-tree", ("limit", 1));
        Assert.Equal([ViolationKind.UnknownPath, ViolationKind.NotImplemented], server.Violations.Select(x => x.Kind));

        // grant-udf-func exists in 3.2.2 only (UDFs were removed in 3.3).
        var (userId, _, _) = await sandbox.NewUser(v);
        var udf = await admin.Post("/users/grant-udf-func", ("userId", userId), ("udfIds", "1"));
        if (v == "3.2")
            Assert.Equal(0, udf.Code);
        else
            Assert.Equal((HttpStatusCode.OK, "text/html"), (udf.Status, udf.ContentType));
    }

    [Fact]
    public async Task Control_endpoints_expose_and_clear_the_journals()
    {
        var server = sandbox.Server("3.4");
        await sandbox.Anonymous("3.4").Get("/nowhere");
        var root = server.BaseUri.GetLeftPart(UriPartial.Authority);

        var violations = JsonDocument.Parse(await sandbox.Http.GetStringAsync(root + "/_sandbox/violations")).RootElement;
        Assert.Contains(violations.EnumerateArray(), x => x.GetProperty("kind").GetString() == "UnknownPath" && x.GetProperty("path").GetString() == "/dolphinscheduler/nowhere");
        var requests = JsonDocument.Parse(await sandbox.Http.GetStringAsync(root + "/_sandbox/requests")).RootElement;
        Assert.Contains(requests.EnumerateArray(), x => x.GetProperty("httpStatus").GetInt32() == 401);

        var cleared = await sandbox.Http.DeleteAsync(root + "/_sandbox/records");
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(server.Violations);
        Assert.Empty(server.Requests); // control calls are not journaled
    }

    [Fact]
    public async Task The_journals_can_be_read_from_a_mark_on()
    {
        var server = sandbox.Server("3.2");
        var root = server.BaseUri.GetLeftPart(UriPartial.Authority);
        await sandbox.Anonymous("3.2").Get("/first");
        var mark = JsonDocument.Parse(await sandbox.Http.GetStringAsync(root + "/_sandbox/requests/count")).RootElement;
        var requestsAtMark = mark.GetProperty("requests").GetInt32();
        var violationsAtMark = mark.GetProperty("violations").GetInt32();
        Assert.Equal(server.Requests.Count, requestsAtMark);

        await sandbox.Anonymous("3.2").Get("/second");
        var after = JsonDocument.Parse(await sandbox.Http.GetStringAsync(root + "/_sandbox/requests?skip=" + requestsAtMark)).RootElement;
        var only = Assert.Single(after.EnumerateArray());
        Assert.Equal("/dolphinscheduler/second", only.GetProperty("path").GetString());
        var newViolations = JsonDocument.Parse(await sandbox.Http.GetStringAsync(root + "/_sandbox/violations?skip=" + violationsAtMark)).RootElement;
        Assert.All(newViolations.EnumerateArray(), v => Assert.Equal("/dolphinscheduler/second", v.GetProperty("path").GetString()));
        Assert.Empty(JsonDocument.Parse(await sandbox.Http.GetStringAsync(root + "/_sandbox/requests?skip=100000")).RootElement.EnumerateArray());
    }
}
