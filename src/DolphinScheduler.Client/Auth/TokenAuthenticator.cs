using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client.Auth
{
    internal sealed class TokenAuthenticator : IAuthenticator
    {
        private readonly SecureString _token;

        public TokenAuthenticator(SecureString token) { _token = token; }

        public DsAuthMethod Method => DsAuthMethod.Token;

        public void Apply(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("token", Secrets.Reveal(_token));

        // An expired or revoked token cannot be renewed by the client.
        public Task<bool> TryRenewAsync(DsTransport transport, HttpRequestMessage refused, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
