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

        public Task<IReadOnlyList<DsToken>> ListByUserAsync(int userId, CancellationToken cancellationToken = default) =>
            Api.SendListAsync(new DsRequest(E.ListByUser).Path("userId", userId), (w, c) => DsToken.From(w, c), cancellationToken);

        /// <summary>Creates a token for a user; the server generates the token text.</summary>
        public Task<DsToken> CreateAsync(DsUser user, DateTime expireTime, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Create).Add("userId", user.Id).Add("expireTime", DsDate.ToWire(expireTime)),
                (w, c) => DsToken.From(w, c, user.UserName), cancellationToken);

        public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Path("id", id), cancellationToken);
    }
}
