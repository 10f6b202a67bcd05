using System;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// Creates are never retried blindly: when the connection fails after the request was sent, the server may or may
    /// not have created the object. Then the object is looked up by name: if it exists, the create happened and it is
    /// returned (with a warning); if not, the original failure stands, stating that nothing was created.
    /// </summary>
    internal static class AmbiguousCreate
    {
        public static async Task<T> RunAsync<T>(Func<Task<T>> create, Func<Task<T?>> findByName, string what, DsTransport transport) where T : class
        {
            try
            {
                return await create().ConfigureAwait(false);
            }
            catch (DsConnectionException ex) when (ex.RequestMayHaveBeenProcessed)
            {
                T? found;
                try { found = await findByName().ConfigureAwait(false); }
                catch (DsApiException) { throw ex; }
                if (found != null)
                {
                    transport.Log.Warning("The answer to creating " + what + " was lost (" + ex.Message + "), but the server has it: it was created.");
                    return found;
                }
                throw new DsConnectionException(ex.Message + " " + char.ToUpperInvariant(what[0]) + what.Substring(1) + " was not created (checked after the failure).", ex.Kind, ex.Method, ex.RequestPath, ex);
            }
        }
    }
}
