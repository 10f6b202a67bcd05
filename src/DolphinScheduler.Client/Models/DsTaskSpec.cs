using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using DolphinScheduler.Client.Workflows;

namespace DolphinScheduler
{
    /// <summary>
    /// One task of a workflow as code: built locally by New-DsTask (nothing is sent), or read back from a workflow
    /// definition (then <see cref="Code"/> and <see cref="Version"/> are filled and <see cref="DependsOn"/> comes from
    /// the relations). Editable, so a workflow read back can be changed and sent again with Set-DsWorkflow.
    /// </summary>
    public sealed class DsTaskSpec
    {
        /// <summary>The task name, unique within its workflow.</summary>
        public string Name { get; set; } = "";

        /// <summary>The DS task type name: SHELL, PYTHON, SQL, HTTP, FLINK, SPARK, or any other plugin's name.</summary>
        public string Type { get; set; } = "SHELL";

        /// <summary>The script: rawScript for SHELL/PYTHON (and FLINK/SPARK SQL programs), sql for SQL.</summary>
        public string? Script { get; set; }

        /// <summary>The task's other taskParams (url, datasource, programType, mainJar, localParams, ...), by DS's JSON names.</summary>
        public IDictionary TaskParameter { get; set; } = JsonValues.NewMap();

        /// <summary>Names of the tasks that must finish before this one starts.</summary>
        public string[] DependsOn { get; set; } = Array.Empty<string>();

        /// <summary>Resource files the task needs: folder-relative paths (/flink/job.jar) or server full names.</summary>
        public string[] Resource { get; set; } = Array.Empty<string>();

        public string? Description { get; set; }

        /// <summary>How many times a failed task is retried (failRetryTimes).</summary>
        public int RetryTimes { get; set; }

        /// <summary>Minutes between retries (failRetryInterval).</summary>
        public int RetryInterval { get; set; } = 1;

        /// <summary>Timeout in minutes; 0 disables the timeout (timeoutFlag CLOSE).</summary>
        public int TimeoutMinutes { get; set; }

        /// <summary>What a timeout does: WARN, FAILED or WARNFAILED (the default: alert and fail the task).</summary>
        public string TimeoutStrategy { get; set; } = "WARNFAILED";

        public string WorkerGroup { get; set; } = "default";

        /// <summary>HIGHEST, HIGH, MEDIUM, LOW or LOWEST.</summary>
        public string Priority { get; set; } = "MEDIUM";

        /// <summary>Minutes to wait before the task runs (delayTime).</summary>
        public int DelayMinutes { get; set; }

        /// <summary>The environment's code, or -1 for none.</summary>
        public long EnvironmentCode { get; set; } = -1;

        /// <summary>A disabled task (flag NO) is skipped when the workflow runs.</summary>
        public bool Disabled { get; set; }

        /// <summary>The task's code on the server; 0 until the task belongs to a saved workflow.</summary>
        public long Code { get; internal set; }

        /// <summary>The task definition's version on the server; 0 for a new task.</summary>
        public int Version { get; internal set; }

        /// <summary>Envelope fields the module does not model (taskGroupId, cpuQuota, isCache, ...), kept so a round trip preserves them.</summary>
        internal Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);

        /// <summary>A deep enough copy for building a payload without touching the caller's object.</summary>
        public DsTaskSpec Clone() => new()
        {
            Name = Name,
            Type = Type,
            Script = Script,
            TaskParameter = CopyMap(TaskParameter),
            DependsOn = (DependsOn ?? Array.Empty<string>()).ToArray(),
            Resource = (Resource ?? Array.Empty<string>()).ToArray(),
            Description = Description,
            RetryTimes = RetryTimes,
            RetryInterval = RetryInterval,
            TimeoutMinutes = TimeoutMinutes,
            TimeoutStrategy = TimeoutStrategy,
            WorkerGroup = WorkerGroup,
            Priority = Priority,
            DelayMinutes = DelayMinutes,
            EnvironmentCode = EnvironmentCode,
            Disabled = Disabled,
            Code = Code,
            Version = Version,
            Extras = new Dictionary<string, object?>(Extras, StringComparer.Ordinal),
        };

        private static IDictionary CopyMap(IDictionary? source)
        {
            var copy = JsonValues.NewMap();
            if (source == null) return copy;
            foreach (DictionaryEntry e in source) copy[e.Key] = e.Value;
            return copy;
        }

        public override string ToString() => Name + " (" + Type + ")";
    }
}
