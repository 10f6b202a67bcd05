namespace DolphinScheduler.Client.Endpoints
{
    /// <summary>
    /// The endpoints the client uses, in canonical 3.3+ form (shared/dolphinscheduler-api/endpoints.json `path`/`params`).
    /// A convention test checks every entry, translated by each flavour, against the contract.
    /// </summary>
    internal static partial class Api
    {
        internal static class Auth
        {
            // Repeating a login only makes another session, so it is retried like a read.
            public static readonly DsEndpoint Login = new("auth", "login", "POST", "/login", idempotent: true);
            public static readonly DsEndpoint SignOut = new("auth", "logout (sign out)", "POST", "/signOut");
        }

        internal static class Users
        {
            public static readonly DsEndpoint GetUserInfo = new("users", "get current user info", "GET", "/users/get-user-info");
            public static readonly DsEndpoint Create = new("users", "create user", "POST", "/users/create");
            public static readonly DsEndpoint ListPaging = new("users", "list users (paged)", "GET", "/users/list-paging");
            public static readonly DsEndpoint Update = new("users", "update user", "POST", "/users/update");
            public static readonly DsEndpoint Delete = new("users", "delete user", "POST", "/users/delete");
            public static readonly DsEndpoint GrantProjects = new("users", "grant projects by ids (write perm)", "POST", "/users/grant-project");
            public static readonly DsEndpoint GrantProjectByCode = new("users", "grant project by code", "POST", "/users/grant-project-by-code");
            public static readonly DsEndpoint GrantProjectWithReadPerm = new("users", "grant project read permission", "POST", "/users/grant-project-with-read-perm");
            public static readonly DsEndpoint RevokeProject = new("users", "revoke project by code", "POST", "/users/revoke-project");
        }

        internal static class AccessTokens
        {
            public static readonly DsEndpoint Create = new("access-tokens", "create token", "POST", "/access-tokens");
            public static readonly DsEndpoint List = new("access-tokens", "list tokens (paged)", "GET", "/access-tokens");
            public static readonly DsEndpoint ListByUser = new("access-tokens", "list tokens of a user", "GET", "/access-tokens/user/{userId}");
            public static readonly DsEndpoint Update = new("access-tokens", "update token", "PUT", "/access-tokens/{id}");
            public static readonly DsEndpoint Delete = new("access-tokens", "delete token", "DELETE", "/access-tokens/{id}");
        }

        internal static class Queues
        {
            public static readonly DsEndpoint ListAll = new("queues", "list all queues", "GET", "/queues/list");
            public static readonly DsEndpoint ListPaging = new("queues", "list queues (paged)", "GET", "/queues");
            public static readonly DsEndpoint Create = new("queues", "create queue", "POST", "/queues");
            public static readonly DsEndpoint Update = new("queues", "update queue", "PUT", "/queues/{id}", idempotent: true);
            public static readonly DsEndpoint Delete = new("queues", "delete queue", "DELETE", "/queues/{id}");
        }

        internal static class Tenants
        {
            public static readonly DsEndpoint Create = new("tenants", "create tenant", "POST", "/tenants");
            public static readonly DsEndpoint ListPaging = new("tenants", "list tenants (paged)", "GET", "/tenants");
            public static readonly DsEndpoint ListAll = new("tenants", "list all tenants", "GET", "/tenants/list");
            public static readonly DsEndpoint Update = new("tenants", "update tenant", "PUT", "/tenants/{id}", idempotent: true);
            public static readonly DsEndpoint Delete = new("tenants", "delete tenant", "DELETE", "/tenants/{id}");
        }

        internal static class Projects
        {
            public static readonly DsEndpoint Create = new("projects", "create project", "POST", "/projects");
            public static readonly DsEndpoint ListPaging = new("projects", "list projects (paged)", "GET", "/projects");
            public static readonly DsEndpoint Get = new("projects", "get project", "GET", "/projects/{code}");
            public static readonly DsEndpoint Update = new("projects", "update project", "PUT", "/projects/{code}", idempotent: true);
            public static readonly DsEndpoint Delete = new("projects", "delete project", "DELETE", "/projects/{code}");
            public static readonly DsEndpoint AuthedUsers = new("projects", "users authorized for a project", "GET", "/projects/authed-user");
        }
    }
}
