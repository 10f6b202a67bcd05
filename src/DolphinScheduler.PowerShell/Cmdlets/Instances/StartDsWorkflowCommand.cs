using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;

namespace DolphinScheduler.PowerShell.Cmdlets.Instances
{
    /// <summary>
    /// <para type="synopsis">Starts a workflow and emits the instance(s) it started; with -Wait, waits until they ended.</para>
    /// <para type="description">The workflow must be online (Publish-DsWorkflow). -Workflow takes a DsWorkflow from the
    /// pipeline (any object with Code and ProjectCode properties), or a workflow name or code with -Project. On
    /// DolphinScheduler 3.3+ the start answers the new instance ids; on 3.2 it answers a trigger code, and the instances
    /// are looked up by it (retried briefly until the master created them). Either way the started DsInstance objects
    /// are emitted.</para>
    /// </summary>
    /// <example><code>Get-DsWorkflow -Project etl -Name nightly | Start-DsWorkflow -Parameter @{ dt = '2024-01-01' } -Wait</code></example>
    [Cmdlet(VerbsLifecycle.Start, "DsWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsInstance))]
    public sealed class StartDsWorkflowCommand : DsInstanceCmdlet
    {
        /// <summary>The workflow: a DsWorkflow (or any object with Code and ProjectCode), or its name or code.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(WorkflowCompleter))]
        public object Workflow { get; set; } = null!;

        /// <summary>The project of a workflow given by name (or code).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Start parameters (startParams): names and values that override the workflow's global parameters.</summary>
        [Parameter]
        [Alias("StartParams")]
        public Hashtable? Parameter { get; set; }

        /// <summary>The tenant (OS user) the tasks run as; DS's default is 'default'.</summary>
        [Parameter]
        [Alias("TenantCode")]
        [ArgumentCompleter(typeof(TenantCompleter))]
        public string? Tenant { get; set; }

        /// <summary>The worker group to run on; DS's default is 'default'.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(WorkerGroupCompleter))]
        public string? WorkerGroup { get; set; }

        /// <summary>CONTINUE (run the other branches after a task failed; DS's UI default) or END (stop the instance).</summary>
        [Parameter]
        [ValidateSet("CONTINUE", "END", IgnoreCase = true)]
        public string FailureStrategy { get; set; } = "CONTINUE";

        /// <summary>When to send alerts: NONE, SUCCESS, FAILURE, ALL.</summary>
        [Parameter]
        [ValidateSet("NONE", "SUCCESS", "FAILURE", "ALL", IgnoreCase = true)]
        public string WarningType { get; set; } = "NONE";

        /// <summary>The alert group for -WarningType.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? WarningGroupId { get; set; }

        /// <summary>The instance priority.</summary>
        [Parameter]
        [ValidateSet("HIGHEST", "HIGH", "MEDIUM", "LOW", "LOWEST", IgnoreCase = true)]
        public string? Priority { get; set; }

        /// <summary>The environment code (-1: none).</summary>
        [Parameter]
        [ValidateRange(-1, long.MaxValue)]
        public long? EnvironmentCode { get; set; }

        /// <summary>Dry run: DS walks the DAG without executing the tasks.</summary>
        [Parameter]
        public SwitchParameter DryRun { get; set; }

        /// <summary>Wait until the started instances have ended; an end other than SUCCESS writes an error.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: give up after this many seconds (0: no limit).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public double TimeoutSec { get; set; }

        /// <summary>With -Wait: seconds between polls.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 2;

        protected override void ProcessRecord()
        {
            var workflow = WorkflowReference.From(Workflow);
            if (workflow == null)
            {
                WriteError(Errors.ErrorRecordFactory.InvalidArgument("Workflow", "'" + Workflow + "' is not a workflow: give a DsWorkflow (or an object with Code and ProjectCode), a workflow name with -Project, or a workflow code.", Workflow));
                return;
            }
            var connection = ResolveConnection(workflow.Connection ?? Project?.Connection);
            var client = ClientOf(connection);
            ForItem(Workflow, () =>
            {
                var (projectCode, workflowCode) = Run(ct => workflow.ResolveAsync(client, Project, ct));
                var target = "Workflow " + (workflow.Name != null ? "'" + workflow.Name + "' (" + workflowCode.ToString(CultureInfo.InvariantCulture) + ")" : workflowCode.ToString(CultureInfo.InvariantCulture)) + " on " + connection.Uri;
                if (!ShouldProcess(target, DryRun ? "Start (dry run)" : "Start")) return;
                var options = new StartOptions
                {
                    Parameters = Plain(Parameter),
                    TenantCode = Tenant,
                    WorkerGroup = WorkerGroup,
                    FailureStrategy = FailureStrategy.ToUpperInvariant(),
                    WarningType = WarningType.ToUpperInvariant(),
                    WarningGroupId = WarningGroupId,
                    Priority = Priority?.ToUpperInvariant(),
                    EnvironmentCode = EnvironmentCode,
                    DryRun = DryRun,
                };
                var started = Run(ct => client.Instances.StartAsync(projectCode, workflowCode, options, ct));
                foreach (var instance in started)
                {
                    if (Wait) ForItem(instance, () => WaitAndWrite(client, instance, null, TimeoutSec, PollIntervalSec));
                    else WriteObject(instance);
                }
            });
        }

        private static IDictionary? Plain(Hashtable? table)
        {
            if (table == null) return null;
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in table)
                result[Convert.ToString(e.Key is PSObject k ? k.BaseObject : e.Key, CultureInfo.InvariantCulture) ?? ""] = e.Value is PSObject v ? v.BaseObject : e.Value;
            return result;
        }
    }
}
