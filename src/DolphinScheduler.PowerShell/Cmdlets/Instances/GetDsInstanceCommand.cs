using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Instances
{
    /// <summary>
    /// <para type="synopsis">Gets workflow instances (runs): of a project or workflow, by id, or filtered by state, start time, host and name.</para>
    /// <para type="description">Without -Project the instances of every project the user can see are listed. The list is
    /// read lazily page by page (newest first), so -First 1 reads one page. -State takes a DolphinScheduler
    /// WorkflowExecutionStatus name; a name that exists only in the other server family gives a clear error.</para>
    /// </summary>
    /// <example><code>Get-DsInstance -Project etl -State FAILURE -StartedAfter (Get-Date).AddDays(-1)</code></example>
    [Cmdlet(VerbsCommon.Get, "DsInstance", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(DsInstance))]
    public sealed class GetDsInstanceCommand : DsPagedCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The project: a DsProject, its name or its code. Required with -Id.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Only the instances of this workflow: a DsWorkflow (any object with Code and ProjectCode), or a workflow name or code.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("WorkflowCode")]
        public object? Workflow { get; set; }

        /// <summary>Instance ids (with -Project).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        [ValidateRange(1, int.MaxValue)]
        [Alias("InstanceId")]
        public int[] Id { get; set; } = null!;

        /// <summary>Only instances in this state (a WorkflowExecutionStatus name such as FAILURE, SUCCESS, RUNNING_EXECUTION, PAUSE, STOP).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("SUBMITTED_SUCCESS", "RUNNING_EXECUTION", "READY_PAUSE", "PAUSE", "READY_STOP", "STOP", "FAILURE", "SUCCESS", "SERIAL_WAIT", "FAILOVER",
            "DELAY_EXECUTION", "READY_BLOCK", "BLOCK", "WAIT_TO_RUN", IgnoreCase = true)]
        public string? State { get; set; }

        /// <summary>Only instances started at or after this time (startDate).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? StartedAfter { get; set; }

        /// <summary>Only instances started at or before this time (endDate).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? StartedBefore { get; set; }

        /// <summary>Only instances run by this master host.</summary>
        /// <remarks>The surface names it -Host; it hides PSCmdlet.Host, which this cmdlet never uses.</remarks>
        [Parameter(ParameterSetName = ListSet)]
        public new string? Host { get; set; }

        /// <summary>DS's substring search on the instance name.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string? SearchText { get; set; }

        /// <summary>Only instances started by this user.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string? Executor { get; set; }

        /// <summary>A piped object: a DsInstance or DsTaskInstance (read again), a DsProject or project name, or a workflow.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public object? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            var input = InputObject is PSObject ps ? ps.BaseObject : InputObject;
            var project = Project;
            var workflow = Workflow == null ? null : WorkflowReference.From(Workflow);
            if (Workflow != null && workflow == null)
                ThrowTerminatingError(Errors.ErrorRecordFactory.InvalidArgument("Workflow", "'" + Workflow + "' is not a workflow (give a DsWorkflow, a name or a code).", Workflow));
            switch (input)
            {
                case DsInstance instance:
                    ForItem(instance, () => WriteObject(Run(ct => ClientOf(ResolveConnection(instance.Connection)).Instances.RefreshAsync(instance, ct))));
                    return;
                case DsTaskInstance task:
                    ForItem(task, () => WriteObject(Run(ct => ClientOf(ResolveConnection(task.Connection)).Instances.GetAsync(task.ProjectCode, task.InstanceId, ct))));
                    return;
                case DsProject p:
                    project = new ProjectArgument(p);
                    break;
                case string name when string.IsNullOrWhiteSpace(name):
                    WriteError(Errors.ErrorRecordFactory.InvalidArgument("InputObject", "a piped project name must not be empty or white space.", name));
                    return;
                case string name:
                    project = new ProjectArgument(name);
                    break;
                case null:
                    break;
                default:
                    var piped = WorkflowReference.From(InputObject);
                    if (piped == null)
                    {
                        WriteError(Errors.ErrorRecordFactory.InvalidArgument("InputObject", "'" + input + "' is not an instance, a task instance, a project or a workflow.", input));
                        return;
                    }
                    workflow = piped;
                    break;
            }

            var connection = ResolveConnection(workflow?.Connection ?? project?.Connection);
            var client = ClientOf(connection);
            if (ParameterSetName == ByIdSet)
            {
                if (project == null)
                    ThrowTerminatingError(Errors.ErrorRecordFactory.InvalidArgument("Project", "Instance ids need -Project: DolphinScheduler's instance endpoints are project-scoped.", Id));
                ForItem(project, () =>
                {
                    var code = Run(ct => project!.ResolveAsync(client, ct)).Code;
                    foreach (var id in Id) ForItem(id, () => WriteObject(Run(ct => client.Instances.GetAsync(code, id, ct))));
                });
                return;
            }

            var filter = new InstanceFilter
            {
                State = State?.ToUpperInvariant(),
                StartedAfter = StartedAfter,
                StartedBefore = StartedBefore,
                Host = Host,
                SearchText = SearchText,
                ExecutorName = Executor,
            };
            ForItem((object?)workflow?.ToString() ?? project, () =>
            {
                if (workflow != null)
                {
                    var (projectCode, workflowCode) = Run(ct => workflow.ResolveAsync(client, project, ct));
                    filter.WorkflowCode = workflowCode;
                    WritePaged(client.Instances.List(projectCode, filter, PageRequest, CancellationToken));
                    return;
                }
                if (project != null)
                {
                    // Given by code, the project is looked up (does it exist, may the user see it) while its first page
                    // is already on the way: the first instance comes out after one round trip, not two.
                    var early = project.Value == null && project.Id is long given ? client.Instances.List(given, filter, PageRequest, CancellationToken).Start() : null;
                    var code = Run(ct => project.ResolveAsync(client, ct)).Code;
                    WritePaged(early != null && code == project.Id ? early : client.Instances.List(code, filter, PageRequest, CancellationToken));
                    return;
                }
                // Every visible project's list merged newest first, as one project's list is; -Skip/-First count across
                // them, so no project needs more than Skip + First of its newest instances.
                var request = PageRequest;
                var perProject = new PageRequest { PageSize = PageSize, First = request.First is long f && f <= long.MaxValue - request.Skip ? f + request.Skip : null };
                if (perProject.First is long needed && needed < PageSize) perProject.PageSize = (int)Math.Max(1, needed);
                var projects = client.Projects.List(null, new PageRequest { PageSize = 100 }, CancellationToken).Select(p => p.Code);
                var all = client.Instances.ListAcrossProjects(projects, filter, perProject, CancellationToken);
                IEnumerable<DsInstance> items = all.Skip((int)Math.Min(request.Skip, int.MaxValue));
                if (request.First is long first) items = items.Take((int)Math.Min(first, int.MaxValue));
                if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
                WriteStream(items);
            });
        }
    }
}
