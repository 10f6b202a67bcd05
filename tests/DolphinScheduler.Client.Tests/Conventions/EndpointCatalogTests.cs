using System.Reflection;
using DolphinScheduler.Client.Endpoints;
using DolphinScheduler.Client.Versioning;

namespace DolphinScheduler.Client.Tests.Conventions;

/// <summary>Every endpoint the client knows, translated by each flavour, is an endpoint of that family in the contract.</summary>
public class EndpointCatalogTests
{
    public static IEnumerable<object[]> Flavors => new[] { new object[] { "3.2" }, new object[] { "3.3" }, new object[] { "3.4" } };

    internal static IEnumerable<DsEndpoint> AllEndpoints() =>
        typeof(Api).GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public))
            .Where(f => f.FieldType == typeof(DsEndpoint))
            .Select(f => (DsEndpoint)f.GetValue(null)!);

    [Fact]
    public void TheCatalogueIsNotEmpty() => Assert.True(AllEndpoints().Count() >= 20);

    [Theory]
    [MemberData(nameof(Flavors))]
    public void EveryEndpointExistsInTheContractOfEachFlavour(string flavor)
    {
        var contract = ContractCatalog.For(flavor);
        var adapter = FlavorFactory.Create(flavor switch { "3.2" => DsServerVersion.V3_2, "3.3" => DsServerVersion.V3_3, _ => DsServerVersion.V3_4 });
        var missing = AllEndpoints()
            .Where(adapter.Supports)
            .Where(e => contract.MatchTemplate(e.Method.Method, adapter.PathOf(e)) == null)
            .Select(e => e.Method + " " + adapter.PathOf(e))
            .ToList();
        Assert.True(missing.Count == 0, "Not in the " + flavor + " contract: " + string.Join("; ", missing));
    }
}
