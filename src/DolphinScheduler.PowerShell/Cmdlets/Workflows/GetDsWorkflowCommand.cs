using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// <para type="synopsis">Gets workflow definitions with their tasks.</para>
    /// <para type="description">Each DsWorkflow carries its tasks as DsTaskSpec objects (codes filled, DependsOn taken
    /// from the relations, resources as folder-relative paths), so it can be edited and sent back with Set-DsWorkflow.</para>
    /// </summary>
    /// <example><code>Get-DsProject etl | Get-DsWorkflow -Name nightly*</code></example>
    [Cmdlet(VerbsCommon.Get, "DsWorkflow", DefaultParameterSetName = ByNameSet, SupportsPaging = true)]
    [OutputType(typeof(DsWorkflow))]
    public sealed class GetDsWorkflowCommand : DsPagedCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByCodeSet = "ByCode";

        /// <summary>The project: a DsProject (pipeline), its name or its code.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument Project { get; set; } = null!;

        /// <summary>Workflow names; wildcards allowed. Without -Name every workflow of the project is listed.</summary>
        [Parameter(Position = 1, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(WorkflowCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Workflow codes.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCodeSet)]
        [Alias("WorkflowCode")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Code { get; set; } = null!;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Project.Connection);
            var client = ClientOf(connection);
            ForItem(Project, () =>
            {
                var project = Run(ct => Project.ResolveAsync(client, ct));
                if (ParameterSetName == ByCodeSet)
                {
                    foreach (var code in Code)
                        ForItem(code, () => WriteObject(Run(ct => client.Workflows.GetAsync(project.Code, code, ct))));
                    return;
                }
                if (Name == null)
                {
                    WriteStream(client.Workflows.List(project.Code, null, PageRequest, CancellationToken)
                        .Select(w => Run(ct => client.Workflows.GetAsync(project.Code, w.Code, ct))));
                    return;
                }
                foreach (var name in Name)
                {
                    var filter = new NameFilter(name);
                    ForItem(name, () =>
                    {
                        if (!filter.HasWildcards)
                        {
                            try { WriteObject(Run(ct => client.Workflows.GetByNameAsync(project.Code, name, ct))); }
                            catch (DsNotFoundException ex)
                            {
                                throw new DsNotFoundException("Workflow '" + name + "' was not found in project '" + project.Name + "'.", ex.Code, ex.StatusName, ex.ServerMessage, ex.HttpStatus, ex.Method, ex.RequestPath);
                            }
                            return;
                        }
                        // -Skip/-First count matches, so the server pages through everything and the filter runs here.
                        var matches = client.Workflows.List(project.Code, filter.ServerSearch, new PageRequest { PageSize = PageSize }, CancellationToken)
                            .Where(w => filter.IsMatch(w.Name))
                            .Skip((int)System.Math.Min(int.MaxValue, PagingParameters.Skip));
                        if (PagingParameters.First != ulong.MaxValue) matches = matches.Take((int)System.Math.Min(int.MaxValue, PagingParameters.First));
                        WriteStream(matches.Select(w => Run(ct => client.Workflows.GetAsync(project.Code, w.Code, ct))));
                    });
                }
            });
        }
    }
}
