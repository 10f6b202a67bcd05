namespace DolphinScheduler.Sandbox.Tests;

/// <summary>
/// What the module's version probe (docs/server-compatibility.md, "Recommended probe") sees: the own-family
/// simple-list answers a JSON envelope (10190 for a missing project, for any user), the other family's path and any
/// unknown path answer 200 HTML once authenticated, and GET /oidc-providers separates 3.4 from 3.3.
/// </summary>
[Collection("Sandbox")]
public sealed class VersionProbeTests(SandboxPair sandbox)
{
    private static string Own(string v) => v == "3.2" ? "process-definition" : "workflow-definition";
    private static string Foreign(string v) => v == "3.2" ? "workflow-definition" : "process-definition";

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Own_simple_list_answers_10190_for_a_missing_project_for_any_user(string v)
    {
        var (_, _, user) = await sandbox.NewUser(v);
        foreach (var client in new[] { sandbox.Admin(v), user })
        {
            var r = await client.Get($"/projects/0/{Own(v)}/simple-list");
            Assert.Equal((HttpStatusCode.OK, "application/json"), (r.Status, r.ContentType));
            Assert.Equal((10190, "This project was not found. Please refresh page."), (r.Code, r.Msg));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Data.ValueKind);
            Assert.False(r.Json.GetProperty("success").GetBoolean());
        }
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Foreign_simple_list_is_html_when_authenticated_and_401_without(string v)
    {
        var server = sandbox.Server(v);
        server.ClearRecords();
        var r = await sandbox.Admin(v).Get($"/projects/0/{Foreign(v)}/simple-list");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (r.Status, r.ContentType));
        Assert.StartsWith("<!DOCTYPE html>", r.Body);
        Assert.Contains(server.Violations, x => x.Kind == ViolationKind.UnknownPath);

        var anonymous = await sandbox.Anonymous(v).Get($"/projects/0/{Foreign(v)}/simple-list");
        Assert.Equal((HttpStatusCode.Unauthorized, ""), (anonymous.Status, anonymous.Body));
        var anonymousOwn = await sandbox.Anonymous(v).Get($"/projects/0/{Own(v)}/simple-list");
        Assert.Equal((HttpStatusCode.Unauthorized, ""), (anonymousOwn.Status, anonymousOwn.Body));
    }

    [Theory]
    [ClassData(typeof(BothFlavors))]
    public async Task Simple_list_lists_id_code_name_and_project_code(string v)
    {
        var (projectCode, _, _) = await sandbox.NewProject(sandbox.Admin(v));
        var empty = await sandbox.Admin(v).Get($"/projects/{projectCode}/{Own(v)}/simple-list");
        Assert.Equal((0, 0), (empty.Code, empty.Data.GetArrayLength()));
        var (otherUserId, otherName, other) = await sandbox.NewUser(v);
        var denied = await other.Get($"/projects/{projectCode}/{Own(v)}/simple-list");
        Assert.Equal((30002, $"user {otherName} is not has project {projectCode:#,##0} permission"), (denied.Code, denied.Msg));
        _ = otherUserId;
    }

    [Fact]
    public async Task Unknown_paths_outside_the_context_path_are_a_plain_404()
    {
        var root = sandbox.Server("3.4").BaseUri.GetLeftPart(UriPartial.Authority);
        var r = await sandbox.Http.GetAsync(root + "/elsewhere");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oidc_providers_exists_in_34_only_and_33_is_its_own_flavour()
    {
        var in34 = await sandbox.Admin("3.4").Get("/oidc-providers");
        Assert.Equal((HttpStatusCode.OK, "application/json", 0), (in34.Status, in34.ContentType, in34.Code));
        Assert.Equal(0, in34.Data.GetArrayLength());
        var anonymous = await sandbox.Anonymous("3.4").Get("/oidc-providers");
        Assert.Equal((HttpStatusCode.OK, 0), (anonymous.Status, anonymous.Code)); // read by the login page

        var in32 = await sandbox.Admin("3.2").Get("/oidc-providers");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (in32.Status, in32.ContentType));

        await using var server33 = await SandboxServer.StartAsync(new SandboxOptions { ServerVersion = "3.3" });
        Assert.Equal("3.3", server33.Flavor);
        var admin33 = await new DsClient(sandbox.Http, server33.BaseUri).Login("admin", SandboxPair.AdminPassword);
        var in33 = await admin33.Get("/oidc-providers");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (in33.Status, in33.ContentType));
        var probeA = await admin33.Get("/projects/0/workflow-definition/simple-list");
        Assert.Equal((HttpStatusCode.OK, 10190), (probeA.Status, probeA.Code));
        var probeB = await admin33.Get("/projects/0/process-definition/simple-list");
        Assert.Equal((HttpStatusCode.OK, "text/html"), (probeB.Status, probeB.ContentType));
    }
}
