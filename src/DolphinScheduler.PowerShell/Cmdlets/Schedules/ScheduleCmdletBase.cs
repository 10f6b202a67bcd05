using System;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Schedules
{
    /// <summary>
    /// Base of the cmdlets that act on one existing schedule, given as a DsSchedule (pipeline), as -Id with -Project, or
    /// as the schedule of -Workflow (a DsWorkflow, or a name/code with -Project).
    /// </summary>
    public abstract class ScheduleTargetCmdlet : DsCmdlet
    {
        protected const string ByObjectSet = "ByObject";
        protected const string ByIdSet = "ById";
        protected const string ByWorkflowSet = "ByWorkflow";

        /// <summary>The schedule object (from Get-DsSchedule or New-DsSchedule).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
        [ValidateNotNull]
        public DsSchedule Schedule { get; set; } = null!;

        /// <summary>The schedule id (with -Project).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ScheduleId")]
        [ValidateRange(1, int.MaxValue)]
        public int Id { get; set; }

        /// <summary>The workflow whose schedule is meant: a DsWorkflow, or its name or code (with -Project).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByWorkflowSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkflowCode")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(WorkflowCompleter))]
        public WorkflowArgument Workflow { get; set; } = null!;

        /// <summary>The project: a DsProject, its name or its code.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByWorkflowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        protected DsConnection TargetConnection() =>
            ResolveConnection(ParameterSetName == ByObjectSet ? Schedule.Connection : ParameterSetName == ByWorkflowSet ? Workflow.Connection ?? Project?.Connection : Project?.Connection);

        protected object Target => ParameterSetName switch
        {
            ByObjectSet => Schedule,
            ByIdSet => Id,
            _ => Workflow,
        };

        /// <summary>The schedule as the server has it now.</summary>
        protected DsSchedule ResolveSchedule(DsClient client)
        {
            switch (ParameterSetName)
            {
                case ByObjectSet:
                    return Run(ct => client.Schedules.GetAsync(Schedule.ProjectCode, Schedule.Id, ct));
                case ByIdSet:
                    var project = Run(ct => Project!.ResolveAsync(client, ct));
                    return Run(ct => client.Schedules.GetAsync(project.Code, Id, ct));
                default:
                    var (projectCode, code, display) = Run(ct => Workflow.ResolveReferenceAsync(client, Project, ct));
                    return Run(ct => client.Schedules.FindByWorkflowAsync(projectCode, code, ct))
                        ?? throw new DsNotFoundException("Workflow " + display + " has no schedule.", 10203, "SCHEDULE_NOT_EXISTS");
            }
        }

        /// <summary>Enable or disable the target; with passThru emit it re-read.</summary>
        protected void Switch(bool online, bool passThru)
        {
            var connection = TargetConnection();
            var client = ClientOf(connection);
            ForItem(Target, () =>
            {
                var schedule = ParameterSetName == ByObjectSet ? Schedule : ResolveSchedule(client);
                if (!ShouldProcess(Describe(schedule) + " on " + connection.Uri, online ? "Enable schedule (ONLINE)" : "Disable schedule (OFFLINE)")) return;
                if (online) Run(ct => client.Schedules.OnlineAsync(schedule.ProjectCode, schedule.Id, ct));
                else Run(ct => client.Schedules.OfflineAsync(schedule.ProjectCode, schedule.Id, ct));
                if (passThru) WriteObject(Run(ct => client.Schedules.GetAsync(schedule.ProjectCode, schedule.Id, ct)));
            });
        }

        internal static string Describe(DsSchedule s) => "schedule " + s.Id + " of workflow " + (s.WorkflowName ?? s.WorkflowCode.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " [" + s.Cron + "]";
    }
}
