using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Http;
using DolphinScheduler.PowerShell.Errors;
using DolphinScheduler.PowerShell.Session;

namespace DolphinScheduler.PowerShell.Infrastructure
{

    /// <summary>
    /// Base of every cmdlet that talks to a server: -Connection, cancellation on Ctrl+C, running the async core while
    /// writing its log text on the pipeline thread, and per-item error records.
    /// </summary>
    public abstract class DsCmdlet : DsCmdletBase
    {
        /// <summary>
        /// The connection to use. Defaults to the object's own connection when an object from this module is given,
        /// else to the default connection made by Connect-DsServer.
        /// </summary>
        [Parameter]
        public DsConnection? Connection { get; set; }

        /// <summary>The connection for an item: the object's own, else -Connection, else the session default.</summary>
        protected DsConnection ResolveConnection(DsConnection? fromObject = null)
        {
            var connection = fromObject ?? Connection ?? DsSessionState.Default;
            if (connection == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("Not connected to a DolphinScheduler server. Run Connect-DsServer first, or pass -Connection."),
                    "DsNotConnected", ErrorCategory.ConnectionError, null));
            }
            return connection!;
        }

        internal static DsClient ClientOf(DsConnection connection) => connection.Client;
    }

    /// <summary>Cancellation, async bridging and error plumbing shared by all cmdlets (Connect-DsServer has no -Connection).</summary>
    public abstract class DsCmdletBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new();

        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// ShouldProcess that a -Force switch can answer: with -Force no confirmation is asked, but -WhatIf still
        /// only reports (removals and STOP have ConfirmImpact High and a -Force switch).
        /// </summary>
        protected bool ShouldChange(string target, string action, bool force)
        {
            if (force && !WhatIfRequested) return true;
            return ShouldProcess(target, action);
        }

        private bool WhatIfRequested =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && LanguagePrimitives.IsTrue(w))
            || LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false));

        /// <summary>Runs an async core call to completion, writing its log text as it arrives. Exceptions propagate unchanged.</summary>
        /// <remarks>
        /// On the per-call path (docs/performance.md): the pipeline thread sleeps on a slim event (no kernel wait handles)
        /// that the task's end or a queued log item sets, and the core builds verbose/debug text only when this command
        /// would write it, so a plain call queues nothing and is woken once.
        /// </remarks>
        protected T Run<T>(Func<CancellationToken, Task<T>> call)
        {
            var log = NewLog();
            Task<T> task;
            using (DsLogContext.Use(log))
            {
                try { task = call(CancellationToken); }
                catch (Exception ex) { task = Task.FromException<T>(ex); }
            }
            while (!task.IsCompleted)
            {
                log.WaitForItemOr(task);
                Drain(log);
            }
            Drain(log);
            return task.GetAwaiter().GetResult();
        }

        private bool? _verboseWanted;
        private bool? _debugWanted;

        /// <summary>A log sink for one core call that asks only for the levels this invocation writes.</summary>
        private protected QueuedLog NewLog() =>
            new QueuedLog(_verboseWanted ??= Wants("Verbose", "VerbosePreference"), _debugWanted ??= Wants("Debug", "DebugPreference"));

        /// <summary>Whether WriteVerbose/WriteDebug would show anything: the common parameter if given, else the preference variable in scope.</summary>
        private bool Wants(string parameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var bound)) return LanguagePrimitives.IsTrue(bound);
            var value = GetVariableValue(preferenceVariable);
            if (value == null) return false;
            try
            {
                var preference = LanguagePrimitives.ConvertTo<ActionPreference>(value);
                return preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
            }
            catch (PSInvalidCastException) { return true; }
        }

        protected void Run(Func<CancellationToken, Task> call) => Run<bool>(async ct => { await call(ct).ConfigureAwait(false); return true; });

        /// <summary>Writes every item of a lazily paged list as it arrives, with core log text in between.</summary>
        protected void WriteStream<T>(IEnumerable<T> items)
        {
            var log = NewLog();
            using (DsLogContext.Use(log))
            {
                foreach (var item in items)
                {
                    Drain(log);
                    WriteObject(item);
                }
            }
            Drain(log);
        }

        /// <summary>
        /// Writes a failure for one input item and lets the pipeline go on. Cancellation by the user is not an error.
        /// A refused credential (HTTP 401 after the one re-login a password session may make) is different: every further
        /// item would fail the same way, so it ends the command with one terminating AuthenticationError, as Az does when
        /// its login has expired. The connection remembers the refusal, so later commands on it fail at once without
        /// sending anything (docs/reliability.md).
        /// </summary>
        protected void WriteDsError(Exception exception, object? target)
        {
            if (exception is AggregateException agg && agg.InnerExceptions.Count == 1) exception = agg.InnerException!;
            if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested) throw new PipelineStoppedException();
            if (exception is PipelineStoppedException) throw exception;
            var record = ErrorRecordFactory.Create(exception, target);
            if (exception is DsAuthenticationException { HttpStatus: 401 }) ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>Runs the work for one input item; any failure becomes a non-terminating error for that item.</summary>
        protected void ForItem(object? target, Action work)
        {
            try { work(); }
            catch (PipelineStoppedException) { throw; }
            catch (Exception ex) when (ex is not PipelineStoppedException) { WriteDsError(ex, target); }
        }

        private void Drain(QueuedLog log)
        {
            while (log.Items.TryDequeue(out var item))
            {
                switch (item.Level)
                {
                    case QueuedLog.Level.Verbose: WriteVerbose(item.Text); break;
                    case QueuedLog.Level.Debug: WriteDebug(item.Text); break;
                    case QueuedLog.Level.Warning: WriteWarning(item.Text); break;
                }
            }
        }
    }
}
