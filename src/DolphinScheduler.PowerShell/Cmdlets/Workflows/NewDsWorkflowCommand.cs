using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// <para type="synopsis">Creates a workflow from tasks made with New-DsTask.</para>
    /// <para type="description">The DAG is checked first (duplicate task names, unknown dependencies, cycles, task
    /// parameters DS would refuse): a bad DAG gives an error naming the tasks and sends no request at all. Then task
    /// codes are requested, the task definitions, relations and node locations are built as DS expects (nodes laid out
    /// in columns so none overlap in the web UI), and the workflow is created OFFLINE. With -Publish it is released
    /// ONLINE; if that fails, the workflow is still written out (it exists, OFFLINE) together with an error.</para>
    /// </summary>
    /// <example><code>$wf = New-DsWorkflow -Project etl -Name nightly -Task $tasks -Publish</code></example>
    [Cmdlet(VerbsCommon.New, "DsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(DsWorkflow))]
    public sealed class NewDsWorkflowCommand : DsCmdlet
    {
        /// <summary>The project: a DsProject, its name or its code.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("ProjectCode")]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument Project { get; set; } = null!;

        /// <summary>The workflow name (unique in the project).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string Name { get; set; } = null!;

        /// <summary>The tasks (New-DsTask output); may be piped in.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipeline = true)]
        [Alias("Tasks")]
        [ValidateNotNull]
        public DsTaskSpec[] Task { get; set; } = null!;

        [Parameter]
        [ValidateLength(0, 255)]
        public string? Description { get; set; }

        /// <summary>Global parameters: name = value (IN, VARCHAR), or name = @{ value = ...; type = 'INTEGER'; direct = 'IN' }.</summary>
        [Parameter]
        public IDictionary? GlobalParameter { get; set; }

        /// <summary>How concurrent runs behave: PARALLEL (default), SERIAL_WAIT, SERIAL_DISCARD or SERIAL_PRIORITY.</summary>
        [Parameter]
        [ValidateSet("PARALLEL", "SERIAL_WAIT", "SERIAL_DISCARD", "SERIAL_PRIORITY", IgnoreCase = true)]
        public string ExecutionType { get; set; } = "PARALLEL";

        /// <summary>Workflow timeout in minutes (0: none).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutMinutes { get; set; }

        /// <summary>Release the workflow ONLINE after creating it (needed to run or schedule it).</summary>
        [Parameter]
        public SwitchParameter Publish { get; set; }

        private readonly List<DsTaskSpec> _tasks = new();

        protected override void ProcessRecord()
        {
            if (Task != null) _tasks.AddRange(Task.Where(t => t != null));
        }

        protected override void EndProcessing()
        {
            var spec = new WorkflowSpec
            {
                Name = Name.Trim(),
                Description = Description,
                Tasks = _tasks,
                GlobalParameters = PSValues.Map(GlobalParameter),
                ExecutionType = ExecutionType.ToUpperInvariant(),
                TimeoutMinutes = TimeoutMinutes,
            };
            // Everything local first: a bad DAG must not cause a single request (not even the project lookup).
            try { WorkflowsClient.Prepare(spec); }
            catch (DsWorkflowValidationException ex) { WriteError(WorkflowErrors.Validation(ex, Name)); return; }
            catch (ArgumentException ex) { WriteDsError(ex, Name); return; }

            var connection = ResolveConnection(Project.Connection);
            var client = ClientOf(connection);
            ForItem(Name, () =>
            {
                var project = Run(ct => Project.ResolveAsync(client, ct));
                if (!ShouldProcess("'" + spec.Name + "' with " + _tasks.Count + " task(s) in project " + project.Name + " on " + connection.Uri, Publish ? "Create and publish workflow" : "Create workflow")) return;
                try
                {
                    WriteObject(Run(ct => client.Workflows.CreateAsync(project.Code, spec, Publish, ct)));
                }
                catch (DsWorkflowIncompleteException ex)
                {
                    WriteObject(ex.Workflow);
                    throw;
                }
            });
        }
    }
}
