using System;
using System.Globalization;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Instances
{
    /// <summary>
    /// Shared by the cmdlets that start, control and wait for workflow instances: resolving an instance argument and
    /// waiting with a progress bar, writing the final instance and an error when it did not end in SUCCESS.
    /// </summary>
    public abstract class DsInstanceCmdlet : DsCmdlet
    {
        /// <summary>Thrown into an error record when a waited-for instance ended in another state than SUCCESS.</summary>
        public sealed class InstanceEndedException : Exception
        {
            public InstanceEndedException(string message, DsInstance instance) : base(message) { Instance = instance; }
            public DsInstance Instance { get; }
        }

        /// <summary>The state a waited-for instance should end in: SUCCESS, except after STOP (STOP) and PAUSE (PAUSE).</summary>
        protected virtual string ExpectedEnd => "SUCCESS";

        protected DsInstance ResolveInstance(DsClient client, InstanceArgument argument, ProjectArgument? project) =>
            Run(ct => argument.ResolveAsync(client, project, ct));

        /// <summary>
        /// Waits until the instance ends (for a rerun/recovery of an ended instance: until the new run ends), showing
        /// the task states in a progress bar. Always writes the last instance read; writes an error when it timed out or
        /// ended other than SUCCESS. Returns the last status.
        /// </summary>
        protected InstanceWaitStatus WaitAndWrite(DsClient client, DsInstance instance, DsInstance? baseline, double timeoutSec, double pollIntervalSec)
        {
            var options = new InstanceWaitOptions
            {
                Timeout = timeoutSec > 0 ? TimeSpan.FromSeconds(timeoutSec) : null,
                PollInterval = TimeSpan.FromSeconds(Math.Max(0.05, pollIntervalSec)),
                Baseline = baseline,
            };
            var waiter = client.Instances.Wait(instance, options);
            var progress = new ProgressRecord(ActivityId(instance), "Waiting for workflow instance '" + instance.Name + "' (id " + instance.Id.ToString(CultureInfo.InvariantCulture) + ")", "Reading its state...");
            InstanceWaitStatus status;
            try
            {
                while (true)
                {
                    status = Run(ct => waiter.NextAsync(ct));
                    if (status.Done) break;
                    progress.StatusDescription = Describe(status);
                    var total = status.Instance.TaskCount ?? status.Tasks.Count;
                    if (total > 0)
                    {
                        var finished = 0;
                        foreach (var t in status.Tasks) if (client.Instances.Rules.IsFinalTask(t.State)) finished++;
                        progress.PercentComplete = Math.Min(100, finished * 100 / total);
                    }
                    WriteProgress(progress);
                }
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                try { WriteProgress(progress); } catch (PipelineStoppedException) { } catch (InvalidOperationException) { }
            }

            var final = status.Instance;
            WriteObject(final);
            if (status.TimedOut)
            {
                var ex = new DsApiException("Workflow instance '" + final.Name + "' (id " + final.Id.ToString(CultureInfo.InvariantCulture) + ") did not end within "
                    + timeoutSec.ToString(CultureInfo.InvariantCulture) + " s; it is " + final.State + ".", DsErrorKind.Timeout);
                WriteError(new ErrorRecord(ex, "DsInstanceWaitTimeout", ErrorCategory.OperationTimeout, final));
            }
            else if (final.State != ExpectedEnd)
            {
                var ex = new InstanceEndedException("Workflow instance '" + final.Name + "' (id " + final.Id.ToString(CultureInfo.InvariantCulture) + ") ended in state " + final.State
                    + ", not " + ExpectedEnd + "." + (final.State == "FAILURE" ? " Its failed tasks: Get-DsTaskInstance -State FAILURE; rerun them with Restart-DsInstance -FailedTasksOnly." : ""), final);
                WriteError(new ErrorRecord(ex, "DsInstanceNotSucceeded", ErrorCategory.InvalidResult, final));
            }
            return status;
        }

        private static int ActivityId(DsInstance instance) => (instance.Id & 0x3FFFFFFF) + 1;

        private static string Describe(InstanceWaitStatus status)
        {
            var text = status.Instance.State;
            if (status.Tasks.Count > 0) text += " — tasks: " + InstanceWaiter.Summarize(status.Tasks);
            return text + " (" + ((int)status.Elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s)";
        }
    }

    /// <summary>The execute-type cmdlets (Invoke-, Stop-, Suspend-, Resume-, Restart-DsInstance).</summary>
    public abstract class DsExecuteCmdlet : DsInstanceCmdlet
    {
        /// <summary>The workflow instance: a DsInstance (from Get-DsInstance or Start-DsWorkflow), a DsTaskInstance, or an instance id or name with -Project.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "InstanceId")]
        [ValidateNotNull]
        public InstanceArgument Instance { get; set; } = null!;

        /// <summary>The project of an instance given by id or name: a DsProject, its name or code.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Wait until the instance (the new run, for a rerun or recovery) has ended, then emit it; an end other than SUCCESS also writes an error.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Emit the instance after sending the command (without -Wait).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>With -Wait: give up after this many seconds (0: no limit).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public double TimeoutSec { get; set; }

        /// <summary>With -Wait: seconds between polls.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 2;

        /// <summary>The DS executeType this invocation sends.</summary>
        protected abstract string ExecuteTypeToSend { get; }

        /// <summary>The confirmation for one instance (ShouldProcess, or ShouldChange with -Force for STOP).</summary>
        protected virtual bool Confirm(string target, string action) => ShouldProcess(target, action);

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(Instance.Connection ?? Project?.Connection);
            var client = ClientOf(connection);
            ForItem(Instance, () =>
            {
                var instance = ResolveInstance(client, Instance, Project);
                var executeType = ExecuteTypeToSend;
                if (!Confirm("Workflow instance '" + instance.Name + "' (id " + instance.Id.ToString(CultureInfo.InvariantCulture) + ", " + instance.State + ") on " + connection.Uri, executeType)) return;
                var baseline = Run(ct => client.Instances.ExecuteAsync(instance, executeType, ct));
                if (Wait) WaitAndWrite(client, baseline, baseline, TimeoutSec, PollIntervalSec);
                else if (PassThru) WriteObject(Run(ct => client.Instances.RefreshAsync(baseline, ct)));
            });
        }
    }
}
