using System.Collections;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.Client.Clients;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// <para type="synopsis">Updates a workflow definition: its tasks, name, description, parameters or settings.</para>
    /// <para type="description">Pipe in a DsWorkflow you changed (its Name, Description, Tasks, GlobalParameter,
    /// ExecutionType and TimeoutMinutes are sent), or name one and give the changes as parameters. The DAG is checked
    /// before anything is sent. Tasks that belong to the workflow keep their codes; new ones get fresh codes. An
    /// unchanged DAG keeps the node positions stored on the server, a changed one is laid out again.
    /// DolphinScheduler only edits OFFLINE workflows: an ONLINE one is refused with DS's own error (Ds50008) and nothing
    /// changes, unless -Republish, which takes it offline, updates it and publishes it again (re-enabling its schedule
    /// if that was online). If a step after the update fails, the error says what state the workflow was left in.</para>
    /// </summary>
    /// <example><code>$wf = Get-DsWorkflow -Project etl -Name nightly; $wf.Tasks[0].Script = 'echo v2'; $wf | Set-DsWorkflow -Republish</code></example>
    [Cmdlet(VerbsCommon.Set, "DsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsWorkflow))]
    public sealed class SetDsWorkflowCommand : WorkflowTargetCmdlet
    {
        /// <summary>A new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        [ValidateLength(1, 255)]
        public string? NewName { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [ValidateLength(0, 255)]
        public string? Description { get; set; }

        /// <summary>The complete new task list (replaces the workflow's tasks).</summary>
        [Parameter]
        [Alias("Tasks")]
        [ValidateNotNull]
        public DsTaskSpec[]? Task { get; set; }

        /// <summary>The complete new global parameters.</summary>
        [Parameter]
        public IDictionary? GlobalParameter { get; set; }

        [Parameter]
        [ValidateSet("PARALLEL", "SERIAL_WAIT", "SERIAL_DISCARD", "SERIAL_PRIORITY", IgnoreCase = true)]
        public string? ExecutionType { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? TimeoutMinutes { get; set; }

        /// <summary>If the workflow is ONLINE: take it offline, update it, publish it again and re-enable its schedule.</summary>
        [Parameter]
        public SwitchParameter Republish { get; set; }

        /// <summary>Release the workflow ONLINE after the update (also when it was OFFLINE).</summary>
        [Parameter]
        public SwitchParameter Publish { get; set; }

        /// <summary>Emit the updated workflow.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TargetConnection();
            var client = ClientOf(connection);
            ForItem(Workflow, () =>
            {
                // An edited object is validated before any request; a name or code is read first.
                var source = Workflow.Value ?? Run(ct => Workflow.ResolveAsync(client, Project, ct));
                var spec = WorkflowSpec.From(source);
                if (NewName != null) spec.Name = NewName.Trim();
                if (MyInvocation.BoundParameters.ContainsKey(nameof(Description))) spec.Description = Description;
                if (Task != null) spec.Tasks = Task;
                if (GlobalParameter != null) spec.GlobalParameters = PSValues.Map(GlobalParameter);
                else spec.GlobalParameters = PSValues.Map(spec.GlobalParameters);
                if (ExecutionType != null) spec.ExecutionType = ExecutionType.ToUpperInvariant();
                if (TimeoutMinutes is int timeout) spec.TimeoutMinutes = timeout;
                if (Workflow.Value != null && !source.HasTasks && Task == null)
                    source = Run(ct => client.Workflows.GetAsync(source.ProjectCode, source.Code, ct));
                if (spec.Tasks.Count == 0) spec.Tasks = source.Tasks;

                try { WorkflowsClient.Prepare(spec); }
                catch (DsWorkflowValidationException ex) { WriteError(WorkflowErrors.Validation(ex, Workflow)); return; }

                var action = Republish ? "Update workflow (taken offline and published again if it is online)" : Publish ? "Update and publish workflow" : "Update workflow";
                if (!ShouldProcess(Arguments.WorkflowArgument.Describe(source) + " on " + connection.Uri, action)) return;
                try
                {
                    var updated = Run(ct => client.Workflows.UpdateAsync(source.ProjectCode, source.Code, spec, Republish, Publish, ct));
                    if (PassThru) WriteObject(updated);
                }
                catch (DsWorkflowIncompleteException ex)
                {
                    if (PassThru) WriteObject(ex.Workflow);
                    throw;
                }
            });
        }
    }
}
