using System.Collections;
using System.Linq;
using System.Management.Automation;
using DolphinScheduler.PowerShell.Infrastructure;
using DolphinScheduler.Client.Workflows;

namespace DolphinScheduler.PowerShell.Cmdlets.Workflows
{
    /// <summary>
    /// <para type="synopsis">Describes one task of a workflow (locally: nothing is sent).</para>
    /// <para type="description">Pass the tasks to New-DsWorkflow, which checks the DAG, gets task codes, lays the
    /// nodes out and creates the workflow. -Script is the script of SHELL and PYTHON tasks (rawScript), the statement
    /// of SQL tasks (sql), and the SQL program of FLINK/SPARK tasks; every other DS task parameter goes in
    /// -TaskParameter by its DS name (url, datasource, programType, mainJar, localParams, ...). Resource paths such as
    /// /flink/job.jar are turned into the server's full names when the workflow is created.</para>
    /// </summary>
    /// <example><code>New-DsTask -Name run -Type SHELL -Script 'echo run' -DependsOn prepare -Resource /flink/job.jar</code></example>
    /// <example><code>New-DsTask -Name ping -Type HTTP -TaskParameter @{ url = 'https://example.com/health'; httpMethod = 'GET' }</code></example>
    [Cmdlet(VerbsCommon.New, "DsTask")]
    [OutputType(typeof(DsTaskSpec))]
    public sealed class NewDsTaskCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Name { get; set; } = null!;

        /// <summary>The DS task type: SHELL (default), PYTHON, SQL, HTTP, FLINK, SPARK, or any other plugin's name.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TaskTypeCompleter))]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string Type { get; set; } = "SHELL";

        /// <summary>The script (rawScript; sql for SQL tasks).</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Script { get; set; }

        /// <summary>Other taskParams by their DS names; they override the type's defaults.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IDictionary? TaskParameter { get; set; }

        /// <summary>Names of tasks (of the same workflow) that must finish first.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        public string[]? DependsOn { get; set; }

        /// <summary>Resource files: folder-relative paths (/flink/job.jar) or full names.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        public string[]? Resource { get; set; }

        /// <summary>Retries of a failed task.</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int RetryTimes { get; set; }

        /// <summary>Minutes between retries (default 1).</summary>
        [Parameter]
        [ValidateRange(0, 100000)]
        public int RetryInterval { get; set; } = 1;

        /// <summary>Task timeout in minutes; 0 (default) disables it.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutMinutes { get; set; }

        /// <summary>What a timeout does: WARNFAILED (default: alert and fail), FAILED or WARN.</summary>
        [Parameter]
        [ValidateSet("WARN", "FAILED", "WARNFAILED", IgnoreCase = true)]
        public string TimeoutStrategy { get; set; } = "WARNFAILED";

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateNotBlank]
        public string WorkerGroup { get; set; } = "default";

        [Parameter]
        [ValidateSet("HIGHEST", "HIGH", "MEDIUM", "LOW", "LOWEST", IgnoreCase = true)]
        public string Priority { get; set; } = "MEDIUM";

        [Parameter]
        [ValidateLength(0, 255)]
        public string? Description { get; set; }

        /// <summary>Minutes to wait before the task starts.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int DelayMinutes { get; set; }

        /// <summary>The environment's code (-1: none).</summary>
        [Parameter]
        [ValidateRange(-1, long.MaxValue)]
        public long EnvironmentCode { get; set; } = -1;

        /// <summary>Create the task disabled (skipped when the workflow runs).</summary>
        [Parameter]
        public SwitchParameter Disabled { get; set; }

        protected override void ProcessRecord()
        {
            var spec = new DsTaskSpec
            {
                Name = Name.Trim(),
                Type = TaskTypes.Normalize(Type),
                Script = Script,
                TaskParameter = PSValues.Map(TaskParameter) ?? JsonValues.NewMap(),
                DependsOn = (DependsOn ?? new string[0]).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToArray(),
                Resource = (Resource ?? new string[0]).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToArray(),
                RetryTimes = RetryTimes,
                RetryInterval = RetryInterval,
                TimeoutMinutes = TimeoutMinutes,
                TimeoutStrategy = TimeoutStrategy.ToUpperInvariant(),
                WorkerGroup = WorkerGroup,
                Priority = Priority.ToUpperInvariant(),
                Description = Description,
                DelayMinutes = DelayMinutes,
                EnvironmentCode = EnvironmentCode,
                Disabled = Disabled,
            };
            try
            {
                TaskTypes.Validate(spec);
            }
            catch (System.ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "DsInvalidTask", ErrorCategory.InvalidArgument, Name));
                return;
            }
            WriteObject(spec);
        }
    }

    /// <summary>Tab completion of the common DS task types.</summary>
    public sealed class TaskTypeCompleter : IArgumentCompleter
    {
        private static readonly string[] Types =
        {
            "SHELL", "PYTHON", "SQL", "HTTP", "FLINK", "FLINK_STREAM", "SPARK", "SUB_WORKFLOW", "DEPENDENT", "CONDITIONS", "SWITCH",
            "PROCEDURE", "DATAX", "SEATUNNEL", "HIVECLI", "MR", "JAVA", "K8S", "EMR", "DINKY", "DATA_QUALITY", "REMOTESHELL",
        };

        public System.Collections.Generic.IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Types.Where(t => t.StartsWith(wordToComplete ?? "", System.StringComparison.OrdinalIgnoreCase)).Select(t => new CompletionResult(t));
    }
}
