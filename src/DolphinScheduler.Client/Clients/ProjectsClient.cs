using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Paging;
using E = DolphinScheduler.Client.Endpoints.Api.Projects;

namespace DolphinScheduler.Client.Clients
{
    public sealed class ProjectsClient : ApiClient
    {
        internal ProjectsClient(ApiConnection api) : base(api) { }

        /// <summary>Projects the caller can see; <paramref name="search"/> is DS's substring filter on the name.</summary>
        public PagedList<DsProject> List(string? search, PageRequest page, CancellationToken cancellationToken = default) =>
            Api.Paged(() => new DsRequest(E.ListPaging).Add("searchVal", search), DsProject.From, page, cancellationToken);

        public Task<DsProject> GetAsync(long code, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Get).Path("code", code), DsProject.From, cancellationToken);

        /// <summary>The project with exactly this name, or null. DS has no get-by-name, so this filters the list.</summary>
        public Task<DsProject?> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
            Task.Run<DsProject?>(() => List(name, new PageRequest { PageSize = 100 }, cancellationToken).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal)), cancellationToken);

        public Task<DsProject> CreateAsync(string name, string? description, CancellationToken cancellationToken = default) =>
            AmbiguousCreate.RunAsync(
                () => Api.SendAsync(new DsRequest(E.Create).Add("projectName", name).Add("description", description), DsProject.From, cancellationToken),
                () => FindByNameAsync(name, cancellationToken), "project '" + name + "'", Api.Transport, cancellationToken);

        public Task<DsProject> UpdateAsync(long code, string name, string? description, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Update).Path("code", code).Add("projectName", name).Add("description", description), DsProject.From, cancellationToken);

        public Task DeleteAsync(long code, CancellationToken cancellationToken = default) =>
            Api.SendAsync(new DsRequest(E.Delete).Path("code", code), cancellationToken);

        /// <summary>Users authorized on a project.</summary>
        public System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<DsUser>> ListAuthorizedUsersAsync(long projectCode, CancellationToken cancellationToken = default) =>
            Api.SendListAsync(new DsRequest(E.AuthedUsers).Add("projectCode", projectCode), DsUser.From, cancellationToken);
    }
}
