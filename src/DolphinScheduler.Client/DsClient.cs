using System;
using System.Threading;
using Timeout = System.Threading.Timeout;
using System.Threading.Tasks;
using DolphinScheduler.Client.Auth;
using DolphinScheduler.Client.Clients;
using Routes = DolphinScheduler.Client.Endpoints.Api;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Serialization;
using DolphinScheduler.Client.Versioning;

namespace DolphinScheduler.Client
{
    /// <summary>
    /// The entry point of the core: one authenticated session with one server, with a client per API area.
    /// Knows nothing of PowerShell.
    /// </summary>
    public sealed class DsClient : IDisposable
    {
        private readonly IDisposable _httpOwner;

        private DsClient(DsTransport transport, IDisposable httpOwner)
        {
            Transport = transport;
            _httpOwner = httpOwner;
            Api = new ApiConnection(this);
            Queues = new QueuesClient(Api);
            Tenants = new TenantsClient(Api);
            Users = new UsersClient(Api);
            Tokens = new TokensClient(Api);
            Projects = new ProjectsClient(Api);
            Raw = new RawClient(Api);
            Instances = new InstancesClient(Api);
            TaskInstances = new TaskInstancesClient(Api);
            Logs = new LogsClient(Api, TaskInstances);
            Resources = new ResourcesClient(Api);
            Schedules = new SchedulesClient(Api);
            Workflows = new WorkflowsClient(Api, Resources, Schedules);
        }

        internal DsTransport Transport { get; }
        internal ApiConnection Api { get; }
        public DsConnection Connection { get; private set; } = null!;

        public QueuesClient Queues { get; }
        public TenantsClient Tenants { get; }
        public UsersClient Users { get; }
        public TokensClient Tokens { get; }
        public ProjectsClient Projects { get; }
        public RawClient Raw { get; }
        public InstancesClient Instances { get; }
        public TaskInstancesClient TaskInstances { get; }
        public LogsClient Logs { get; }
        public ResourcesClient Resources { get; }
        public SchedulesClient Schedules { get; }
        public WorkflowsClient Workflows { get; }

        /// <summary>Logs in (password) or checks the token, detects the server version unless forced, and reads the user.</summary>
        public static Task<DsClient> ConnectAsync(DsConnectOptions options, CancellationToken cancellationToken = default) =>
            ConnectAsync(options, null, cancellationToken);

        /// <summary>As above; tests pass a fake handler in place of the network.</summary>
        internal static async Task<DsClient> ConnectAsync(DsConnectOptions options, System.Net.Http.HttpMessageHandler? handler, CancellationToken cancellationToken)
        {
            if (options.BaseUri == null) throw new ArgumentException("A base URI is required.", nameof(options));
            IAuthenticator authenticator;
            if (options.Token != null) authenticator = new TokenAuthenticator(options.Token);
            else if (!string.IsNullOrEmpty(options.UserName) && options.Password != null) authenticator = new SessionAuthenticator(options.UserName!, options.Password);
            else throw new ArgumentException("Either a token or a user name and password is required.", nameof(options));

            var (http, owner) = handler == null
                ? DsHttpClientFactory.Create(options.SkipCertificateCheck)
                : (new System.Net.Http.HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, (IDisposable)new System.Net.Http.HttpClient());
            var log = options.Log ?? NullLog.Instance;
            // Login and get-user-info are the same in every family, so the canonical flavour serves until the probe ran.
            var transport = new DsTransport(http, options.BaseUri, FlavorFactory.Create(DsServerVersion.V3_4), authenticator,
                options.Timeout, new RetryPolicy(options.MaxAttempts), log);
            var client = new DsClient(transport, owner);
            try
            {
                if (authenticator is SessionAuthenticator session) await session.LoginAsync(transport, cancellationToken).ConfigureAwait(false);
                // get-user-info is the same in every family: it proves the credentials before the probe (which must run authenticated).
                var userData = await transport.SendAsync(new DsRequest(Routes.Users.GetUserInfo), true, cancellationToken).ConfigureAwait(false);
                var version = options.ServerVersion;
                if (version == DsServerVersion.Auto)
                {
                    version = await VersionProbe.DetectAsync(transport, options.BaseUri, cancellationToken).ConfigureAwait(false);
                    log.Verbose("Detected DolphinScheduler " + DsTransport.DescribeVersion(version) + " API at " + options.BaseUri);
                }
                transport.Flavor = FlavorFactory.Create(version);
                var user = DsUser.From(new WireObject(userData, transport.Flavor), connection: null!);
                transport.Identity = "user '" + user.UserName + "'";
                client.Connection = new DsConnection(client, options.BaseUri, user, version, authenticator.Method, options.Name);
                if (options.Token != null)
                    client.Connection.TokenExpireTime = await client.Tokens.FindExpiryAsync(user.Id, options.Token, cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>Ends a password session on the server (POST /signOut). Token connections have nothing to end.</summary>
        public async Task SignOutAsync(CancellationToken cancellationToken = default)
        {
            if (Transport.Authenticator is SessionAuthenticator session)
            {
                try
                {
                    // A session the server already refused has nothing left to end.
                    if (!Transport.IsRefused) await Transport.SendAsync(new DsRequest(Routes.Auth.SignOut), true, cancellationToken).ConfigureAwait(false);
                }
                catch (DsAuthenticationException) { }
                finally { session.Forget(); }
            }
        }

        public void Dispose() => _httpOwner.Dispose();
    }
}
