using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// <para type="synopsis">Gets the projects the connected user can see.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DsProject", DefaultParameterSetName = ByNameSet, SupportsPaging = true)]
    [OutputType(typeof(DsProject))]
    public sealed class GetDsProjectCommand : DsPagedCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByCodeSet = "ByCode";

        /// <summary>Project names; wildcards allowed. Without -Name every visible project is listed.</summary>
        [Parameter(Position = 0, ParameterSetName = ByNameSet, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Project codes (the 64-bit identifiers).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCodeSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Code { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            var client = ClientOf(connection);
            if (ParameterSetName == ByCodeSet)
            {
                foreach (var code in Code)
                    ForItem(code, () => WriteObject(Run(ct => client.Projects.GetAsync(code, ct))));
                return;
            }
            if (Name == null)
            {
                ForItem(null, () => WritePaged(client.Projects.List(null, PageRequest, CancellationToken)));
                return;
            }
            foreach (var name in Name)
            {
                var filter = new NameFilter(name);
                ForItem(name, () =>
                {
                    var matches = ApplyPaging(client.Projects.List(filter.ServerSearch, AllPages, CancellationToken).Where(p => filter.IsMatch(p.Name)));
                    var any = false;
                    WriteStream(matches.Select(p => { any = true; return p; }));
                    if (!any && !filter.HasWildcards) throw NotFound.Named("Project", name, connection);
                });
            }
        }
    }
}
