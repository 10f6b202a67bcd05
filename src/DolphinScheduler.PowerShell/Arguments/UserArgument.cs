using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Paging;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>A user given as a DsUser, a user name, or a user id.</summary>
    public sealed class UserArgument : DsArgument<DsUser>
    {
        public UserArgument(DsUser user) : base(user) { }
        public UserArgument(string userName) : base(userName) { }
        public UserArgument(long id) : base(id) { }
        public UserArgument(int id) : base(id) { }

        protected override string Kind => "User";

        // DS has no get-user-by-id for admins; the paged list is the only source.
        protected override Task<DsUser> GetByIdAsync(DsClient client, long id, CancellationToken cancellationToken) =>
            Task.Run(() => client.Users.List(null, new PageRequest { PageSize = 500 }, cancellationToken).FirstOrDefault(u => u.Id == id)
                ?? throw new DsNotFoundException("User " + id + " was not found."), cancellationToken);

        // A general user may not list users, but may always read itself.
        protected override async Task<DsUser?> FindByNameAsync(DsClient client, string name, CancellationToken cancellationToken)
        {
            if (name == client.Connection.UserName) return await client.Users.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            return await FindInListAsync(client, name, cancellationToken).ConfigureAwait(false);
        }

        private static Task<DsUser?> FindInListAsync(DsClient client, string name, CancellationToken cancellationToken) =>
            Task.Run<DsUser?>(() => client.Users.List(name, new PageRequest { PageSize = 100 }, cancellationToken).FirstOrDefault(u => u.UserName == name), cancellationToken);
    }
}
