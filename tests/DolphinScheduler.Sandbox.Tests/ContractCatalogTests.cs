using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Flavors;

namespace DolphinScheduler.Sandbox.Tests;

/// <summary>Checks the flavour tables against endpoints.json so a contract refresh cannot silently drift.</summary>
public sealed class ContractCatalogTests
{
    [Fact]
    public void Every_contract_endpoint_resolves_in_the_flavours_that_have_it()
    {
        foreach (var entry in ContractCatalog.Entries)
        {
            var in34 = SandboxFlavor.V34.Resolve(entry);
            var in32 = SandboxFlavor.V32.Resolve(entry);
            if (entry.Removed is null)
                Assert.True(in34 is not null || entry.Notes?.Contains("unavailable on 3.4", StringComparison.Ordinal) == true, entry.Key);
            if (in32 is not null && entry.V32?.Path is { } oldPath)
                Assert.Equal(oldPath, in32.Path);
        }
    }

    [Fact]
    public void Renamed_parameters_map_back_to_their_newest_names()
    {
        foreach (var entry in ContractCatalog.Entries.Where(e => e.V32?.Params is not null))
        {
            var resolved = SandboxFlavor.V32.Resolve(entry);
            if (resolved is null)
                continue;
            var newest = entry.Params.Select(p => p.Name).ToHashSet();
            foreach (var p in resolved.Params.Where(p => p.WireName != p.HandlerName))
                Assert.Contains(p.HandlerName, newest);
            // every newest parameter is either present in 3.2 under its own name or renamed
            foreach (var name in newest)
                Assert.Contains(resolved.Params, p => p.HandlerName == name);
        }
    }

    [Fact]
    public void Known_flavour_differences()
    {
        var verify = ContractCatalog.Find("GET", "/projects/{projectCode}/workflow-definition/verify-name")!;
        var v32 = SandboxFlavor.V32.Resolve(verify)!;
        Assert.Equal("/projects/{projectCode}/process-definition/verify-name", v32.Path);
        Assert.Equal("workflowDefinitionCode", v32.Params.Single(p => p.WireName == "code").HandlerName);

        var start = ContractCatalog.Find("POST", "/projects/{projectCode}/executors/start-workflow-instance")!;
        Assert.DoesNotContain(SandboxFlavor.V34.Resolve(start)!.Params, p => p.WireName == "testFlag");
        Assert.Contains(SandboxFlavor.V32.Resolve(start)!.Params, p => p.WireName == "testFlag");
        Assert.Null(SandboxFlavor.V34.Resolve(ContractCatalog.Find("POST", "/projects/{projectCode}/workflow-definition/import")!));
        Assert.Null(SandboxFlavor.V34.Resolve(ContractCatalog.Find("POST", "/users/grant-udf-func")!));
        Assert.Null(SandboxFlavor.V32.Resolve(ContractCatalog.Find("POST", "/users/grant-file")!));

        Assert.Same(SandboxFlavor.V33, SandboxFlavor.Parse("3.3"));
        Assert.Same(SandboxFlavor.V34, SandboxFlavor.Parse("3.4"));
        var oidc = ContractCatalog.Find("GET", "/oidc-providers")!;
        Assert.NotNull(SandboxFlavor.V34.Resolve(oidc));
        Assert.Null(SandboxFlavor.V33.Resolve(oidc));
        Assert.Null(SandboxFlavor.V32.Resolve(oidc));
        Assert.Throws<ArgumentException>(() => SandboxFlavor.Parse("3.1"));
        Assert.Contains("UDF", SandboxFlavor.V32.EnumValues("ResourceType"));
        Assert.DoesNotContain("UDF", SandboxFlavor.V34.EnumValues("ResourceType"));
        Assert.Equal("org.apache.dolphinscheduler.common.enums.ProcessExecutionTypeEnum", SandboxFlavor.V32.EnumJavaType("WorkflowExecutionTypeEnum"));
        Assert.Equal("processInstanceId", SandboxFlavor.V32.JsonName("workflowInstanceId"));
        Assert.Equal("processDefine", SandboxFlavor.V32.JsonName("workflowDefinition", "TaskInstance"));
    }

    [Fact]
    public void Statuses_render_like_java_message_format()
    {
        Assert.Equal("user 1,234 not exists", SandboxFlavor.V34.Message(DsStatuses.UserNotExist, [1234]));
        Assert.Equal("tenant [{0}] not exists", SandboxFlavor.V34.Message(DsStatuses.TenantNotExist, []));
        Assert.Equal("workflow definition x does not exist", SandboxFlavor.V34.Message(DsStatuses.WorkflowDefinitionNotExist, ["x"]));
        Assert.Equal("process definition x does not exist", SandboxFlavor.V32.Message(DsStatuses.WorkflowDefinitionNotExist, ["x"]));
        Assert.Equal("it's 1", JavaMessageFormat.Format("it''s {0}", [1]));
        Assert.Equal("create project error", SandboxFlavor.V32.UnexpectedErrorMessage(DsStatuses.CreateProjectError, "boom"));
        Assert.Equal("create project error:boom", SandboxFlavor.V34.UnexpectedErrorMessage(DsStatuses.CreateProjectError, "boom"));
    }

    [Fact]
    public void Page_info_math()
    {
        var page = PageInfo.Of(Enumerable.Range(1, 21), pageNo: 3, pageSize: 10);
        Assert.Equal((21, 3, 20, 3, 1), (page.Total, page.TotalPage, page.PageNo, page.CurrentPage, page.TotalList.Count));
        Assert.Equal(1, PageInfo.Empty<int>(1, 10).TotalPage);
    }
}
