using System.Linq;
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using E = DolphinScheduler.Client.Endpoints.Api.AccessTokens;

namespace DolphinScheduler.Client.Clients
{
    public sealed class TokensClient : ApiClient
    {
        internal TokensClient(ApiConnection api) : base(api) { }

        /// <summary>Tokens the caller may see (admins: all); <paramref name="search"/> filters on the user name.</summary>
        public PagedList<DsToken> List(string? search, PageRequest page, CancellationToken cancellationToken = default) =>
            Api.Paged(() => new DsRequest(E.List).Add("searchVal", search), (w, c) => DsToken.From(w, c), page, cancellationToken);

        /// <summary>One user's tokens. DS answers an admin with every user's tokens here, so the list is filtered.</summary>
        public async Task<IReadOnlyList<DsToken>> ListByUserAsync(int userId, CancellationToken cancellationToken = default)
        {
            var all = await Api.SendListAsync(new DsRequest(E.ListByUser).Path("userId", userId), (w, c) => DsToken.From(w, c), cancellationToken).ConfigureAwait(false);
            return all.Where(t => t.UserId == userId).ToList();
        }

        /// <summary>
        /// Creates a token for a user. The token text is made here (32 lowercase hex characters from a cryptographic
        /// random source, the shape DS itself generates) and sent as <c>token</c>, so that after an ambiguous failure the
        /// token can be found in the user's list by its text: a lost answer never leaves an unknown second token behind.
        /// </summary>
        public Task<DsToken> CreateAsync(DsUser user, DateTime expireTime, CancellationToken cancellationToken = default)
        {
            var text = NewTokenText();
            return AmbiguousCreate.RunAsync(
                () => Api.SendAsync(new DsRequest(E.Create).Add("userId", user.Id).Add("expireTime", Api.WireDate(expireTime)).Add("token", text),
                    (w, c) => DsToken.From(w, c, user.UserName), cancellationToken),
                async () =>
                {
                    foreach (var t in await Api.SendListAsync(new DsRequest(E.ListByUser).Path("userId", user.Id), (w, c) => DsToken.From(w, c, user.UserName), cancellationToken).ConfigureAwait(false))
                        if (t.UserId == user.Id && DolphinScheduler.Client.Auth.Secrets.Reveal(t.Token) == text) return t;
                    return null;
                },
                "a token for user '" + user.UserName + "'", Api.Transport, cancellationToken);
        }

        private static string NewTokenText()
        {
            var bytes = new byte[16];
            using (var rng = System.Security.Cryptography.RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            var sb = new System.Text.StringBuilder(32);
            foreach (var b in bytes) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        /// <summary>
        /// When the given token text expires, read from the user's own token list; null when the server does not let
        /// this user list tokens. Used to warn before a scheduled job's token dies.
        /// </summary>
        public async Task<DateTime?> FindExpiryAsync(int userId, System.Security.SecureString token, CancellationToken cancellationToken = default)
        {
            try
            {
                var text = DolphinScheduler.Client.Auth.Secrets.Reveal(token);
                var tokens = await ListByUserAsync(userId, cancellationToken).ConfigureAwait(false);
                foreach (var t in tokens)
                    if (DolphinScheduler.Client.Auth.Secrets.Reveal(t.Token) == text) return t.ExpireTime;
            }
            catch (DsApiException) { }
            return null;
        }

        public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Path("id", id), cancellationToken);
    }
}
