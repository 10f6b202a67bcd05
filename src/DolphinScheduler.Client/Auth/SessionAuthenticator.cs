using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Endpoints;
using DolphinScheduler.Client.Http;

namespace DolphinScheduler.Client.Auth
{
    /// <summary>
    /// Password login (POST /login) and the resulting session id, sent as the <c>sessionId</c> header as the DS UI does.
    /// Sessions die at sign-out or when the user's password is updated (contract §10.13); one re-login is attempted then.
    /// </summary>
    internal sealed class SessionAuthenticator : IAuthenticator
    {
        private readonly string _userName;
        private readonly SecureString _password;
        private readonly SemaphoreSlim _gate = new(1, 1);
        private volatile SecureString? _sessionId;

        public SessionAuthenticator(string userName, SecureString password)
        {
            _userName = userName;
            _password = password;
        }

        public DsAuthMethod Method => DsAuthMethod.Password;

        public void Apply(HttpRequestMessage request)
        {
            var session = _sessionId;
            if (session == null) return;
            request.Headers.TryAddWithoutValidation("sessionId", Secrets.Reveal(session));
#pragma warning disable CS0618 // Properties: the only per-request bag on netstandard2.0
            request.Properties[SessionKey] = session;
#pragma warning restore CS0618
        }

        public async Task LoginAsync(DsTransport transport, CancellationToken cancellationToken)
        {
            var request = new DsRequest(Api.Auth.Login).Add("userName", _userName).Add("userPassword", Secrets.Reveal(_password));
            DsApiException? failure = null;
            System.Text.Json.JsonElement data = default;
            try
            {
                data = await transport.SendAsync(request, authenticate: false, cancellationToken).ConfigureAwait(false);
            }
            catch (DsApiException ex) when (ex.Code is 10013 or 10148 or 10004 or 10043)
            {
                failure = ex;
            }
            if (failure != null)
                throw new DsAuthenticationException("Login as '" + _userName + "' failed: " + failure.ServerMessage, failure.Code, failure.StatusName, failure.ServerMessage, failure.HttpStatus, "POST", "/login");
            var sessionId = data.ValueKind == System.Text.Json.JsonValueKind.Object && data.TryGetProperty("sessionId", out var s) ? s.GetString() : null;
            if (string.IsNullOrEmpty(sessionId))
                throw new DsApiException("The server accepted the login but returned no sessionId.", DsErrorKind.Protocol, method: "POST", path: "/login");
            _sessionId = Secrets.ToSecureString(sessionId!);
        }

        private const string SessionKey = "DolphinScheduler.Session";

        public async Task<bool> TryRenewAsync(DsTransport transport, HttpRequestMessage refused, CancellationToken cancellationToken)
        {
            // The session the refused request carried: when parallel requests meet a dropped session, the first one logs
            // in again and the others, finding a newer session, just retry with it (one login between them).
#pragma warning disable CS0618
            var before = refused.Properties.TryGetValue(SessionKey, out var sent) ? sent as SecureString : null;
#pragma warning restore CS0618
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another request already renewed the session while this one waited.
                if (!ReferenceEquals(before, _sessionId)) return true;
                await LoginAsync(transport, cancellationToken).ConfigureAwait(false);
                transport.Log.Verbose("The server dropped the session of '" + _userName + "'; logged in again.");
                return true;
            }
            catch (DsAuthenticationException)
            {
                // The credential itself is refused now (password changed, user disabled): the 401 stands.
                return false;
            }
            // Any other failure of the re-login (server unreachable, 5xx) propagates: it is the real cause.
            finally
            {
                _gate.Release();
            }
        }

        public void Forget() => _sessionId = null;
    }
}
