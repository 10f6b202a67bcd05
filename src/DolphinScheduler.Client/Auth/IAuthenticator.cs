using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client.Auth
{
    /// <summary>Puts the credential on a request: header <c>token</c> or header <c>sessionId</c> (contract §2).</summary>
    internal interface IAuthenticator
    {
        DsAuthMethod Method { get; }
        void Apply(HttpRequestMessage request);

        /// <summary>
        /// After a 401 on <paramref name="refused"/>: re-establish the session once if a credential is held (unless another
        /// request already replaced the session that one carried). False when nothing can be done.
        /// </summary>
        Task<bool> TryRenewAsync(DsTransport transport, HttpRequestMessage refused, CancellationToken cancellationToken);
    }
}
