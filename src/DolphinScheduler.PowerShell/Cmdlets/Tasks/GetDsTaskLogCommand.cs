using System;
using System.Collections.Generic;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Completion;
using DolphinScheduler.Client.Clients;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Tasks
{
    /// <summary>
    /// <para type="synopsis">Gets the log of task instances as lines; -Follow keeps writing new lines until the task has ended.</para>
    /// <para type="description">The log is read in windows of lines (skipLineNum/limit); with -Follow only the lines after
    /// those already read are requested, so each line is written once, in order, and the bytes fetched stay close to the
    /// log's size. -Tail starts with the last lines. -Raw writes the whole log as one string.</para>
    /// </summary>
    /// <example><code>$run | Get-DsTaskInstance -Name load | Get-DsTaskLog -Follow</code></example>
    [Cmdlet(VerbsCommon.Get, "DsTaskLog")]
    [OutputType(typeof(string))]
    public sealed class GetDsTaskLogCommand : DsCmdlet
    {
        /// <summary>The task instance: a DsTaskInstance (Get-DsTaskInstance) or its id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "TaskInstanceId")]
        [ValidateNotNull]
        public TaskInstanceArgument TaskInstance { get; set; } = null!;

        /// <summary>The project of a task instance given by id (needed with -Follow, to read the task's state).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectCode")]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public ProjectArgument? Project { get; set; }

        /// <summary>Only the last this many lines (then, with -Follow, the new ones).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Tail { get; set; }

        /// <summary>Keep reading new lines until the task has ended.</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>Write the log as one string instead of line by line.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>With -Follow: seconds between polls once all lines so far were read.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = 1;

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection(TaskInstance.Connection ?? Project?.Connection);
            var client = ClientOf(connection);
            ForItem(TaskInstance, () =>
            {
                var options = new TaskLogOptions { Follow = Follow, Tail = Tail, PollInterval = TimeSpan.FromSeconds(PollIntervalSec) };
                TaskLogReader reader;
                if (TaskInstance.Value != null || Follow)
                {
                    var task = TaskInstance.Value ?? Run(ct => TaskInstance.ResolveAsync(client, Project, ct));
                    reader = client.Logs.Open(task, options);
                }
                else reader = client.Logs.Open(TaskInstance.TaskInstanceId, options);

                var all = Raw ? new List<string>() : null;
                while (true)
                {
                    var step = Run(ct => reader.NextAsync(ct));
                    if (all != null) all.AddRange(step.Lines);
                    else foreach (var line in step.Lines) WriteObject(line);
                    if (step.Done) break;
                }
                if (all != null) WriteObject(string.Join("\n", all));
            });
        }
    }
}
