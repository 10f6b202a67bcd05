using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// What a handler gets: bound parameters by their newest (3.3+) names, the logged-in user, the store and the flavour.
/// Parameters were already validated against the contract, so reading a required one never fails.
/// </summary>
public sealed class DsRequest
{
    private readonly IReadOnlyDictionary<string, object?> values;
    private readonly UserRow? user;

    internal DsRequest(HttpContext http, DsEndpoint endpoint, SandboxFlavor flavor, SandboxStore store, UserRow? user,
        IReadOnlyDictionary<string, object?> values, RequestParameters parameters)
    {
        Http = http;
        Endpoint = endpoint;
        Flavor = flavor;
        Store = store;
        this.user = user;
        this.values = values;
        Parameters = parameters;
    }

    public HttpContext Http { get; }
    public DsEndpoint Endpoint { get; }
    public SandboxFlavor Flavor { get; }
    public SandboxStore Store { get; }
    public RequestParameters Parameters { get; }

    /// <summary>The authenticated user (DS's <c>loginUser</c>); not available on auth-exempt endpoints.</summary>
    public UserRow User => user ?? throw new InvalidOperationException($"{Endpoint.Key} is auth-exempt: there is no login user");

    public DateTime Now => Store.Now;

    public bool Has(string name) => values.TryGetValue(name, out var v) && v is not null;

    /// <summary>Whether this flavour's endpoint declares the parameter (e.g. 3.2-only parameters).</summary>
    public bool Declares(string name) => values.ContainsKey(name);

    public string? Str(string name) => (string?)Get(name);

    public int Int(string name) => (int?)Get(name) ?? throw Missing(name);

    public int? IntOrNull(string name) => (int?)Get(name);

    public long Long(string name) => (long?)Get(name) ?? throw Missing(name);

    public long? LongOrNull(string name) => (long?)Get(name);

    public bool? Bool(string name) => (bool?)Get(name);

    /// <summary>An enum parameter's constant name (validated against this flavour's values).</summary>
    public string? Enum(string name) => (string?)Get(name);

    public IFormFile? File(string name) => Parameters.Files?.GetFile(name);

    private object? Get(string name)
        => values.TryGetValue(name, out var v)
            ? v
            : throw new InvalidOperationException($"{Endpoint.Key} declares no parameter '{name}' in flavour {Flavor}");

    private InvalidOperationException Missing(string name)
        => new($"{Endpoint.Key}: optional parameter '{name}' is absent; read it with the OrNull accessor");
}
