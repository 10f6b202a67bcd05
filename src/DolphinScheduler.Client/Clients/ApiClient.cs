using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>Base of the per-area clients: each method builds one canonical request and makes one call.</summary>
    public abstract class ApiClient
    {
        internal ApiClient(ApiConnection api) { Api = api; }

        internal ApiConnection Api { get; }
    }
}
