using System;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// Creates are never retried blindly. When a create fails in a way that leaves open whether the server made the
    /// object (the connection broke or timed out after the request went out, a 5xx without a DS result, an answer that
    /// is not DS's JSON), the object is looked up by name: if it exists, it is returned with a warning; if not, the
    /// original failure stands, saying that nothing was created. Only after a 503 (the server, or a proxy, could not take
    /// the request) and a lookup that found nothing is the create sent again, within the connection's retry budget.
    /// Failures that are not ambiguous (a DS error code, 401, 404, 429 after the transport's retries) propagate as they are.
    /// </summary>
    internal static class AmbiguousCreate
    {
        public static async Task<T> RunAsync<T>(Func<Task<T>> create, Func<Task<T?>> findByName, string what, DsTransport transport, CancellationToken cancellationToken = default) where T : class
        {
            for (var attempt = 1; ; attempt++)
            {
                DsApiException failure;
                try
                {
                    return await create().ConfigureAwait(false);
                }
                catch (DsApiException ex) when (IsAmbiguous(ex))
                {
                    failure = ex;
                }

                transport.Log.Verbose("Creating " + what + " failed ambiguously (" + failure.Message + "); checking whether it exists.");
                T? found;
                try
                {
                    found = await findByName().ConfigureAwait(false);
                }
                catch (IncompleteObjectException partial)
                {
                    throw WithMessage(failure, failure.Message + " " + partial.Message);
                }
                catch (DsApiException lookup)
                {
                    throw WithMessage(failure, failure.Message + " Whether " + what + " was created could not be checked (" + lookup.Message + "); look for it before trying again.");
                }
                if (found != null)
                {
                    transport.Log.Warning("The answer to creating " + what + " was lost (" + failure.Message + "), but the server has it now: returning it.");
                    return found;
                }
                if (failure.HttpStatus == 503 && transport.Retry.ShouldRetry(attempt))
                {
                    var delay = transport.Retry.DelayFor(attempt, null);
                    transport.Log.Verbose(Capitalized(what) + " does not exist after HTTP 503; sending the create again in " + (int)delay.TotalMilliseconds + " ms.");
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw WithMessage(failure, failure.Message + " " + Capitalized(what) + " was not created (checked after the failure).");
            }
        }

        /// <summary>
        /// Thrown by a lookup that finds the object only in part (an upload whose size is not the file's): the failure is
        /// reported with this text, so a partial object on the server is never left unmentioned.
        /// </summary>
        internal sealed class IncompleteObjectException : Exception
        {
            public IncompleteObjectException(string message) : base(message) { }
        }

        /// <summary>Whether a failure leaves open if the server processed the create.</summary>
        internal static bool IsAmbiguous(DsApiException ex)
        {
            if (ex is DsConnectionException connection) return connection.RequestMayHaveBeenProcessed;
            if (ex.Code != null) return false; // DS answered with its own result: not ambiguous
            if (ex.HttpStatus is int status && status >= 500) return true;
            // A 2xx whose body is not DS's JSON result (HTML from a proxy, a truncated answer).
            return ex.Kind == DsErrorKind.Protocol && ex.HttpStatus is int ok && ok >= 200 && ok < 300;
        }

        private static string Capitalized(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what.Substring(1);

        /// <summary>The same failure (type, kind, id) with a message that says what is known about the object.</summary>
        private static DsApiException WithMessage(DsApiException ex, string message) => ex switch
        {
            DsConnectionException c => new DsConnectionException(message, c.Kind, c.Method, c.RequestPath, ex, c.RequestMayHaveBeenProcessed),
            _ => new DsApiException(message, ex.Kind, ex.Code, ex.StatusName, ex.ServerMessage, ex.HttpStatus, ex.Method, ex.RequestPath, ex),
        };
    }
}
