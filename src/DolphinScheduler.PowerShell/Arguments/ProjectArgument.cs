using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>A project given as a DsProject, a name, or a project code.</summary>
    public sealed class ProjectArgument : DsArgument<DsProject>
    {
        public ProjectArgument(DsProject project) : base(project) { }
        public ProjectArgument(string name) : base(name) { }
        public ProjectArgument(long code) : base(code) { }
        public ProjectArgument(int code) : base(code) { }

        protected override string Kind => "Project";

        protected override Task<DsProject> GetByIdAsync(DsClient client, long id, CancellationToken cancellationToken) =>
            client.Projects.GetAsync(id, cancellationToken);

        protected override Task<DsProject?> FindByNameAsync(DsClient client, string name, CancellationToken cancellationToken) =>
            client.Projects.FindByNameAsync(name, cancellationToken);
    }
}
