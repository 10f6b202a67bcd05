using System;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Cmdlets.Instances
{
    /// <summary>
    /// <para type="synopsis">Sends an execute type to workflow instances: rerun, rerun the failed tasks, resume, pause or stop.</para>
    /// <para type="description">The instance's current state is checked first against what DolphinScheduler allows for the
    /// execute type, and a refusal says why (error category InvalidOperation). STOP asks for confirmation like Stop-DsInstance
    /// unless -Force is given.</para>
    /// </summary>
    /// <example><code>Get-DsInstance -Project etl -State FAILURE | Invoke-DsInstance -ExecuteType START_FAILURE_TASK_PROCESS -Wait</code></example>
    [Cmdlet(VerbsLifecycle.Invoke, "DsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsInstance))]
    public sealed class InvokeDsInstanceCommand : DsExecuteCmdlet
    {
        /// <summary>REPEAT_RUNNING (rerun an ended instance), START_FAILURE_TASK_PROCESS (rerun its failed tasks), RECOVER_SUSPENDED_PROCESS (resume a paused or stopped one), PAUSE, STOP.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("REPEAT_RUNNING", "START_FAILURE_TASK_PROCESS", "RECOVER_SUSPENDED_PROCESS", "PAUSE", "STOP")]
        public string ExecuteType { get; set; } = null!;

        /// <summary>With STOP: do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ExecuteTypeToSend => ExecuteType.ToUpperInvariant();

        protected override string ExpectedEnd => ExecuteTypeToSend switch { "STOP" => "STOP", "PAUSE" => "PAUSE", _ => "SUCCESS" };

        protected override bool Confirm(string target, string action)
        {
            if (ExecuteTypeToSend != "STOP") return ShouldProcess(target, action);
            // STOP has the weight of Stop-DsInstance (ConfirmImpact High): confirm unless -Force, -Confirm:$false or $ConfirmPreference None.
            if (Force && !WhatIf()) return true;
            if (!ShouldProcess(target, action)) return false;
            if (MyInvocation.BoundParameters.ContainsKey("Confirm")) return true; // answered by ShouldProcess already, or declined prompting
            var preference = GetVariableValue("ConfirmPreference", ConfirmImpact.High);
            if (preference is ConfirmImpact ci && ci == ConfirmImpact.None) return true;
            if (preference is PSObject ps && ps.BaseObject is ConfirmImpact ci2 && ci2 == ConfirmImpact.None) return true;
            try
            {
                return ShouldContinue("Stop " + target + "?", "Confirm STOP");
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException || ex is NotImplementedException)
            {
                // A non-interactive host (a scheduled job) cannot ask: refuse with what to do instead.
                WriteError(new ErrorRecord(new InvalidOperationException("STOP needs confirmation and this host cannot ask: add -Force (or -Confirm:$false) to stop " + target + "."),
                    "DsConfirmationRequired", ErrorCategory.InvalidOperation, target));
                return false;
            }
        }

        private bool WhatIf() =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && LanguagePrimitives.IsTrue(w))
            || LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false));
    }

    /// <summary>
    /// <para type="synopsis">Stops running workflow instances (executeType STOP).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "DsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DsInstance))]
    public sealed class StopDsInstanceCommand : DsExecuteCmdlet
    {
        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ExecuteTypeToSend => "STOP";

        protected override string ExpectedEnd => "STOP";

        protected override bool Confirm(string target, string action) => ShouldChange(target, action, Force);
    }

    /// <summary>
    /// <para type="synopsis">Pauses running workflow instances (executeType PAUSE); Resume-DsInstance continues them.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "DsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsInstance))]
    public sealed class SuspendDsInstanceCommand : DsExecuteCmdlet
    {
        protected override string ExecuteTypeToSend => "PAUSE";

        protected override string ExpectedEnd => "PAUSE";
    }

    /// <summary>
    /// <para type="synopsis">Resumes paused or stopped workflow instances (executeType RECOVER_SUSPENDED_PROCESS).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "DsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsInstance))]
    public sealed class ResumeDsInstanceCommand : DsExecuteCmdlet
    {
        protected override string ExecuteTypeToSend => "RECOVER_SUSPENDED_PROCESS";
    }

    /// <summary>
    /// <para type="synopsis">Runs ended workflow instances again (REPEAT_RUNNING), or with -FailedTasksOnly only their failed tasks (START_FAILURE_TASK_PROCESS).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "DsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DsInstance))]
    public sealed class RestartDsInstanceCommand : DsExecuteCmdlet
    {
        /// <summary>Rerun only the failed tasks (and what depends on them) of a FAILURE instance.</summary>
        [Parameter]
        public SwitchParameter FailedTasksOnly { get; set; }

        protected override string ExecuteTypeToSend => FailedTasksOnly ? "START_FAILURE_TASK_PROCESS" : "REPEAT_RUNNING";
    }
}
