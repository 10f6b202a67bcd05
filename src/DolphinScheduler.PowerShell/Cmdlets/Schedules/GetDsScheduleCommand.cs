using System;
using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>
    /// <para type="synopsis">Gets schedules: of a project, of a workflow, or by id.</para>
    /// </summary>
    /// <example><code>Get-DsSchedule -Project etl</code></example>
    /// <example><code>Get-DsWorkflow -Project etl -Name nightly | Get-DsSchedule</code></example>
    [Cmdlet(VerbsCommon.Get, "DsSchedule", SupportsPaging = true)]
    [OutputType(typeof(DsSchedule))]
    public sealed class GetDsScheduleCommand : DsPagedCmdlet
    {
        /// <summary>The project: a DsProject (pipeline), its name or its code. Not needed with a DsWorkflow.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Only the schedule of this workflow: a DsWorkflow (pipeline), or its name or code.</summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowCode")]
        [ArgumentCompleter(typeof(WorkflowCompleter))]
        public WorkflowArgument? Workflow { get; set; }

        /// <summary>Schedule ids.</summary>
        [Parameter]
        [Alias("ScheduleId")]
        [ValidateRange(1, int.MaxValue)]
        public int[]? Id { get; set; }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Workflow?.Connection ?? Project?.Connection);
            var client = ClientOf(connection);
            ForItem((object?)Workflow ?? Project, () =>
            {
                long projectCode;
                long? workflowCode = null;
                if (Workflow != null)
                {
                    var (p, code, _) = Run(ct => Workflow.ResolveReferenceAsync(client, Project, ct));
                    projectCode = p;
                    workflowCode = code;
                }
                else if (Project != null)
                {
                    projectCode = Run(ct => Project.ResolveAsync(client, ct)).Code;
                }
                else
                {
                    ThrowTerminatingError(Errors.ErrorRecordFactory.InvalidArgument("Project", "give -Project or -Workflow (or pipe a project or a workflow).", null));
                    return;
                }
                if (Id != null)
                {
                    foreach (var id in Id)
                        ForItem(id, () => WriteObject(Run(ct => client.Schedules.GetAsync(projectCode, id, ct))));
                    return;
                }
                WritePaged(client.Schedules.List(projectCode, workflowCode, PageRequest, CancellationToken));
            });
        }
    }
}
