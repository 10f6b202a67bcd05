using System;
using System.Collections.Generic;
using System.Linq;

namespace DolphinScheduler
{
    /// <summary>
    /// A workflow whose tasks do not form a valid DAG (duplicate names, an unknown dependency, a cycle) or whose task
    /// parameters DS would refuse. Raised before any request is sent.
    /// </summary>
    public sealed class DsWorkflowValidationException : ArgumentException
    {
        public DsWorkflowValidationException(string errorId, string message, IReadOnlyList<string> taskNames)
            : base(message)
        {
            ErrorId = errorId;
            TaskNames = taskNames;
        }

        /// <summary>DsDuplicateTaskName, DsUnknownDependency, DsWorkflowCycle, DsEmptyWorkflow or DsInvalidTask.</summary>
        public string ErrorId { get; }

        /// <summary>The tasks concerned (for a cycle: in cycle order).</summary>
        public IReadOnlyList<string> TaskNames { get; }
    }
}

namespace DolphinScheduler.Client.Workflows
{
    /// <summary>Checks a task list for everything that would make DS refuse the DAG, or make it ambiguous.</summary>
    internal static class WorkflowValidator
    {
        /// <summary>
        /// Throws <see cref="DsWorkflowValidationException"/> for: no tasks, duplicate names (compared ignoring case, as
        /// -DependsOn is), a dependency on a task that is not in the list, a cycle (the message shows it: a -> b -> a),
        /// and per-task parameter errors.
        /// </summary>
        public static void Validate(IReadOnlyList<DsTaskSpec> tasks)
        {
            if (tasks == null || tasks.Count == 0)
                throw new DsWorkflowValidationException("DsEmptyWorkflow", "A workflow needs at least one task.", Array.Empty<string>());
            for (var i = 0; i < tasks.Count; i++)
                if (tasks[i] == null) throw new DsWorkflowValidationException("DsInvalidTask", "Task #" + (i + 1) + " is null.", Array.Empty<string>());

            var unnamed = tasks.Where(t => string.IsNullOrWhiteSpace(t.Name)).ToList();
            if (unnamed.Count > 0)
                throw new DsWorkflowValidationException("DsInvalidTask", "Every task needs a name; " + unnamed.Count + " task(s) have none.", Array.Empty<string>());

            var duplicates = tasks.GroupBy(t => t.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0)
                throw new DsWorkflowValidationException("DsDuplicateTaskName",
                    "Task names must be unique within a workflow (compared ignoring case): " + string.Join(", ", duplicates.Select(Q)) + (duplicates.Count == 1 ? " is" : " are") + " used more than once.",
                    duplicates);

            var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tasks.Count; i++) byName[tasks[i].Name.Trim()] = i;

            var unknown = new List<string>();
            var unknownTasks = new List<string>();
            foreach (var t in tasks)
                foreach (var dep in t.DependsOn ?? Array.Empty<string>())
                    if (!byName.ContainsKey((dep ?? "").Trim()))
                    {
                        unknown.Add(Q(t.Name) + " depends on " + Q(dep ?? "") + ", which is not a task of this workflow");
                        unknownTasks.Add(t.Name);
                        unknownTasks.Add(dep ?? "");
                    }
            if (unknown.Count > 0)
                throw new DsWorkflowValidationException("DsUnknownDependency", "Unknown dependency: " + string.Join("; ", unknown) + ".", unknownTasks.Distinct().ToList());

            var cycle = FindCycle(tasks, byName);
            if (cycle != null)
                throw new DsWorkflowValidationException("DsWorkflowCycle",
                    "The task dependencies form a cycle: " + string.Join(" -> ", cycle.Select(Q)) + ". A workflow must be a DAG.", cycle);

            foreach (var t in tasks)
            {
                try { TaskTypes.Validate(t); }
                catch (ArgumentException ex) when (ex is not DsWorkflowValidationException)
                {
                    throw new DsWorkflowValidationException("DsInvalidTask", ex.Message, new[] { t.Name });
                }
            }
        }

        /// <summary>A cycle as task names, first name repeated at the end (a -> b -> a), or null. Deterministic: input order.</summary>
        private static List<string>? FindCycle(IReadOnlyList<DsTaskSpec> tasks, Dictionary<string, int> byName)
        {
            var n = tasks.Count;
            var deps = new List<int>[n];
            for (var i = 0; i < n; i++)
                deps[i] = (tasks[i].DependsOn ?? Array.Empty<string>()).Select(d => byName[d.Trim()]).Distinct().ToList();
            var state = new byte[n]; // 0 new, 1 on stack, 2 done
            var parent = new int[n];
            for (var start = 0; start < n; start++)
            {
                if (state[start] != 0) continue;
                var stack = new Stack<(int Node, int Next)>();
                stack.Push((start, 0));
                state[start] = 1;
                parent[start] = -1;
                while (stack.Count > 0)
                {
                    var (node, next) = stack.Pop();
                    if (next < deps[node].Count)
                    {
                        stack.Push((node, next + 1));
                        var d = deps[node][next];
                        if (state[d] == 1)
                        {
                            // The DFS path d -> ... -> node follows "depends on"; node depends on d closes it.
                            // Written in run order (a -> b: a runs before b): d, node, parent(node), ..., d.
                            var path = new List<int> { node };
                            for (var p = node; p != d; ) { p = parent[p]; path.Add(p); }
                            var order = new List<string> { tasks[d].Name };
                            order.AddRange(path.Take(path.Count - 1).Select(i => tasks[i].Name));
                            order.Add(tasks[d].Name);
                            return order;
                        }
                        if (state[d] == 0)
                        {
                            state[d] = 1;
                            parent[d] = node;
                            stack.Push((d, 0));
                        }
                    }
                    else
                    {
                        state[node] = 2;
                    }
                }
            }
            return null;
        }

        private static string Q(string name) => "'" + name + "'";
    }
}
