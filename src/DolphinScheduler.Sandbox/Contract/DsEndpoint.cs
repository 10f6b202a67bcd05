using DolphinScheduler.Sandbox.Envelope;

namespace DolphinScheduler.Sandbox.Contract;

/// <summary>
/// A contract endpoint resolved for one flavour: the path and parameters clients must use, the HTTP status of a
/// normal return (201 on CREATED endpoints, README §10.2) and the status used for unexpected exceptions.
/// </summary>
public sealed class DsEndpoint
{
    public required ContractEntry Entry { get; init; }
    public required string Method { get; init; }
    /// <summary>Path template in this flavour, relative to the context path (e.g. <c>/projects/{code}</c>).</summary>
    public required string Path { get; init; }
    public required IReadOnlyList<DsParam> Params { get; init; }
    public required int SuccessStatus { get; init; }
    /// <summary>Null only where DS has no <c>@ApiException</c> (e.g. <c>DELETE /cookies</c>): then 10000 is used.</summary>
    public required DsStatus? ErrorStatus { get; init; }

    /// <summary>The contract key (newest method and path) handlers are registered under.</summary>
    public string Key => Entry.Key;

    /// <summary>Method and path as this flavour serves them, e.g. <c>GET /projects/{code}</c> (used in journals).</summary>
    public string Template => Method + " " + Path;

    public DsParam? FindWire(string wireName) => Params.FirstOrDefault(p => p.WireName == wireName);
}
