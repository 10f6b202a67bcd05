using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>
    /// A task instance given as a DsTaskInstance or its id. Logs are read by id alone; following a log also needs the
    /// task's state, so an id then needs the project (-Project) to find the task.
    /// </summary>
    public sealed class TaskInstanceArgument
    {
        public TaskInstanceArgument(DsTaskInstance task) { Value = task ?? throw new ArgumentNullException(nameof(task)); }

        public TaskInstanceArgument(int id) { Id = id; }

        public TaskInstanceArgument(long id)
        {
            if (id <= 0 || id > int.MaxValue) throw new ArgumentException("A task instance id is a positive 32-bit number; " + id.ToString(CultureInfo.InvariantCulture) + " is not one.");
            Id = (int)id;
        }

        public TaskInstanceArgument(string text)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id <= 0)
                throw new ArgumentException("'" + text + "' is not a task instance id. Pass a task instance (Get-DsTaskInstance) or its numeric id.");
            Id = id;
        }

        public DsTaskInstance? Value { get; }
        public int? Id { get; }

        public int TaskInstanceId => Value?.Id ?? Id!.Value;

        public DsConnection? Connection => Value?.Connection;

        /// <summary>The task instance itself: the given one, else found by id in the project.</summary>
        public async Task<DsTaskInstance> ResolveAsync(DsClient client, ProjectArgument? project, CancellationToken cancellationToken)
        {
            if (Value != null) return Value;
            if (project == null)
                throw new ArgumentException("Task instance " + Id + " is given by id only; add -Project so its state can be read (task instances are project-scoped).");
            var code = (await project.ResolveAsync(client, cancellationToken).ConfigureAwait(false)).Code;
            return await client.TaskInstances.FindAsync(code, Id!.Value, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new DsNotFoundException("Task instance " + Id + " was not found in project " + code.ToString(CultureInfo.InvariantCulture) + ".");
        }

        public override string ToString() => Value != null ? Value.Name + " (" + Value.Id.ToString(CultureInfo.InvariantCulture) + ")" : Id?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
