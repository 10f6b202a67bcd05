using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.PowerShell.Arguments;

namespace DolphinScheduler.PowerShell.Cmdlets.Instances
{
    /// <summary>
    /// <para type="synopsis">Waits until workflow instances have ended, with a progress bar of their task states.</para>
    /// <para type="description">The final instance is always written. When it ended in another state than SUCCESS, or the
    /// timeout passed, an error is written too, so -ErrorAction Stop fails a scheduled job.</para>
    /// </summary>
    /// <example><code>Start-DsWorkflow -Project etl -Workflow nightly | Wait-DsInstance -TimeoutSec 3600 -ErrorAction Stop</code></example>
    [Cmdlet(VerbsLifecycle.Wait, "DsInstance")]
    [OutputType(typeof(DsInstance))]
    public sealed class WaitDsInstanceCommand : DsInstanceCmdlet
    {
        /// <summary>The workflow instance: a DsInstance, a DsTaskInstance, or an instance id or name with -Project.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "InstanceId")]
        [ValidateNotNull]
        public InstanceArgument Instance { get; set; } = null!;

        /// <summary>The project of an instance given by id or name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Give up after this many seconds (0: no limit); a timeout writes an error.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public double TimeoutSec { get; set; }

        /// <summary>Seconds between polls.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 2;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Instance.Connection ?? Project?.Connection);
            var client = ClientOf(connection);
            ForItem(Instance, () =>
            {
                var instance = ResolveInstance(client, Instance, Project);
                WaitAndWrite(client, instance, null, TimeoutSec, PollIntervalSec);
            });
        }
    }
}
