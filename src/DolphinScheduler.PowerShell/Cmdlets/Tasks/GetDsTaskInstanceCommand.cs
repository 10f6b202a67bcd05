using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Tasks
{
    /// <summary>
    /// <para type="synopsis">Gets the task instances of workflow instances, or of a whole project, by state and name.</para>
    /// <para type="description">With -Instance (or instances from the pipeline) the latest attempt of every task of each
    /// instance is listed. With only -Project the project's task instances are listed page by page, newest first.</para>
    /// </summary>
    /// <example><code>Get-DsInstance -Project etl -State FAILURE -First 1 | Get-DsTaskInstance -State FAILURE | Get-DsTaskLog -Tail 50</code></example>
    [Cmdlet(VerbsCommon.Get, "DsTaskInstance", DefaultParameterSetName = ByProjectSet, SupportsPaging = true)]
    [OutputType(typeof(DsTaskInstance))]
    public sealed class GetDsTaskInstanceCommand : DsPagedCmdlet
    {
        private const string ByInstanceSet = "ByInstance";
        private const string ByProjectSet = "ByProject";

        /// <summary>The workflow instance: a DsInstance, or an instance id or name with -Project.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByInstanceSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "InstanceId")]
        [ValidateNotNull]
        public InstanceArgument Instance { get; set; } = null!;

        /// <summary>The project: needed for an instance given by id or name, and to list a project's task instances.</summary>
        [Parameter(ParameterSetName = ByInstanceSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = ByProjectSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Only tasks in this state (a TaskExecutionStatus name such as FAILURE, SUCCESS, RUNNING_EXECUTION, KILL).</summary>
        [Parameter]
        [ValidateSet("SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "PAUSE", "STOP", "FAILURE", "SUCCESS", "NEED_FAULT_TOLERANCE", "KILL", "DELAY_EXECUTION", "FORCED_SUCCESS", "DISPATCH", IgnoreCase = true)]
        public string? State { get; set; }

        /// <summary>Task names; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(ParameterSetName == ByInstanceSet ? Instance.Connection ?? Project?.Connection : Project?.Connection);
            var client = ClientOf(connection);
            var filters = Name?.Select(n => new NameFilter(n)).ToList();
            bool Matches(DsTaskInstance t) => filters == null || filters.Any(f => f.IsMatch(t.Name));

            if (ParameterSetName == ByProjectSet)
            {
                ForItem(Project, () =>
                {
                    var code = Run(ct => Project!.ResolveAsync(client, ct)).Code;
                    var single = filters != null && filters.Count == 1 ? filters[0] : null;
                    var filter = new TaskInstanceFilter { State = State?.ToUpperInvariant(), TaskName = single != null && !single.HasWildcards ? single.Pattern : null };
                    if (filters == null) WritePaged(client.TaskInstances.List(code, filter, PageRequest, CancellationToken));
                    else WriteStream(Page(client.TaskInstances.List(code, filter, new Client.Paging.PageRequest { PageSize = PageSize }, CancellationToken).Where(Matches)));
                });
                return;
            }

            ForItem(Instance, () =>
            {
                var instance = Run(ct => Instance.ResolveAsync(client, Project, ct));
                var state = State == null ? null : CheckState(client, State);
                var tasks = Run(ct => client.Instances.ListTasksAsync(instance.ProjectCode, instance.Id, ct)).Tasks
                    .Where(t => (state == null || t.State == state) && Matches(t));
                WriteStream(Page(tasks));
            });
        }

        // A state name that only the other server family has is refused with a clear error.
        private static string CheckState(DolphinScheduler.Client.DsClient client, string state) =>
            client.Transport.Flavor.RequireEnumValue("TaskExecutionStatus", state, "State");

        private IEnumerable<DsTaskInstance> Page(IEnumerable<DsTaskInstance> items)
        {
            var request = PageRequest;
            items = items.Skip((int)Math.Min(request.Skip, int.MaxValue));
            if (request.First is long first) items = items.Take((int)Math.Min(first, int.MaxValue));
            return items;
        }
    }
}
