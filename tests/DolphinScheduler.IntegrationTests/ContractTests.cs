namespace DolphinScheduler.IntegrationTests;

/// <summary>After the other tests of the collection ran, the sandboxes recorded nothing outside their contract.</summary>
[Collection(SandboxCollection.Name)]
public class ContractTests
{
    private readonly SandboxFixture _fixture;
    public ContractTests(SandboxFixture fixture) { _fixture = fixture; }

    [Theory]
    [MemberData(nameof(SandboxFixture.Flavors), MemberType = typeof(SandboxFixture))]
    public async Task NoRequestLeftTheFlavoursContract(string flavor)
    {
        var server = await _fixture.ServerAsync(flavor);
        using var admin = await _fixture.AdminAsync(flavor);
        await admin.Projects.CreateAsync(SandboxFixture.UniqueName("p"), "d");
        // The version probe asks for the other family's path by design; nothing else may be outside the contract.
        var violations = server.Violations.Where(v => !v.Path.EndsWith("/simple-list", StringComparison.Ordinal)).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => v.Kind + " " + v.Method + " " + v.Path + " " + v.Name)));
    }
}
