using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using E = DolphinScheduler.Client.Endpoints.Api.Users;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>The fields of a user create or update (all sent: DS requires them, contract §10.4).</summary>
    public sealed class UserSpec
    {
        public string UserName { get; set; } = "";
        /// <summary>On update, null keeps the password (an empty userPassword is sent, which DS ignores).</summary>
        public SecureString? Password { get; set; }
        public int TenantId { get; set; }
        public string Queue { get; set; } = "";
        public string Email { get; set; } = "";
        public string? Phone { get; set; }
        public bool Enabled { get; set; } = true;
        public string? TimeZone { get; set; }
    }

    public sealed class UsersClient : ApiClient
    {
        internal UsersClient(ApiConnection api) : base(api) { }

        public Task<DsUser> GetCurrentAsync(CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.GetUserInfo), DsUser.From, cancellationToken);

        public PagedList<DsUser> List(string? search, PageRequest page, CancellationToken cancellationToken = default) =>
            Api.Paged(() => new DsRequest(E.ListPaging).Add("searchVal", search), DsUser.From, page, cancellationToken);

        public Task<DsUser> CreateAsync(UserSpec spec, CancellationToken cancellationToken = default) =>
            AmbiguousCreate.RunAsync(() => CreateOnceAsync(spec, cancellationToken),
                () => Task.Run<DsUser?>(() => List(spec.UserName, new PageRequest { PageSize = 100 }, cancellationToken).FirstOrDefault(u => u.UserName == spec.UserName)),
                "user '" + spec.UserName + "'", Api.Transport, cancellationToken);

        private Task<DsUser> CreateOnceAsync(UserSpec spec, CancellationToken cancellationToken) =>
            Api.SendAsync(new DsRequest(E.Create)
                .Add("userName", spec.UserName)
                .Add("userPassword", spec.Password != null ? Secrets.Reveal(spec.Password) : "")
                .Add("tenantId", spec.TenantId)
                .Add("queue", spec.Queue)
                .Add("email", spec.Email)
                .Add("phone", spec.Phone)
                .Add("state", spec.Enabled ? 1 : 0), DsUser.From, cancellationToken);

        public Task<DsUser> UpdateAsync(int id, UserSpec spec, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Update)
                .Add("id", id)
                .Add("userName", spec.UserName)
                .Add("userPassword", spec.Password != null ? Secrets.Reveal(spec.Password) : "")
                .Add("queue", spec.Queue)
                .Add("email", spec.Email)
                .Add("tenantId", spec.TenantId)
                .Add("phone", spec.Phone)
                .Add("state", spec.Enabled ? 1 : 0)
                .Add("timeZone", spec.TimeZone), DsUser.From, cancellationToken);

        public Task DeleteAsync(int id, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Add("id", id), cancellationToken);

        /// <summary>Grants a project: all permissions, or read only.</summary>
        /// <summary>
        /// Grants a user all permissions on a project, or read permission with <paramref name="readOnly"/>. Both replace an
        /// existing grant when the connected user is an administrator: DS's grant-project and grant-project-with-read-perm
        /// delete the old relation first (admin only), while grant-project-by-code, the only one a project owner may
        /// call, leaves an existing grant as it is, so an owner cannot raise a read-only grant
        /// (UsersServiceImpl.grantProject / grantProjectByCode, docs/server-compatibility.md).
        /// </summary>
        public Task GrantProjectAsync(int userId, DsProject project, bool readOnly, CancellationToken cancellationToken = default) =>
            readOnly
                ? Api.SendAsync(new DsRequest(E.GrantProjectWithReadPerm).Add("userId", userId).Add("projectIds", project.Id), cancellationToken)
                : Api.Connection.IsAdmin
                    ? Api.SendAsync(new DsRequest(E.GrantProjects).Add("userId", userId).Add("projectIds", project.Id), cancellationToken)
                    : Api.SendAsync(new DsRequest(E.GrantProjectByCode).Add("userId", userId).Add("projectCode", project.Code), cancellationToken);

        public Task RevokeProjectAsync(int userId, long projectCode, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.RevokeProject).Add("userId", userId).Add("projectCode", projectCode), cancellationToken);
    }
}
