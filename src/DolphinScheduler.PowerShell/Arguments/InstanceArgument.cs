using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Paging;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>
    /// A workflow instance given as a DsInstance, a DsTaskInstance (its instance), an instance id or an instance name.
    /// Ids and names need the project (-Project, or a ProjectCode property bound from the pipeline): the instance
    /// endpoints are project-scoped.
    /// </summary>
    public sealed class InstanceArgument
    {
        public InstanceArgument(DsInstance instance) { Value = instance ?? throw new ArgumentNullException(nameof(instance)); }

        public InstanceArgument(DsTaskInstance task)
        {
            if (task == null) throw new ArgumentNullException(nameof(task));
            Id = task.InstanceId;
            ProjectCode = task.ProjectCode;
            Connection = task.Connection;
        }

        public InstanceArgument(int id) { Id = id; }

        public InstanceArgument(long id)
        {
            if (id <= 0 || id > int.MaxValue) throw new ArgumentException("An instance id is a positive 32-bit number; " + id.ToString(CultureInfo.InvariantCulture) + " is not one.");
            Id = (int)id;
        }

        public InstanceArgument(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("The instance must not be empty.");
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) Id = id;
            else Name = text;
        }

        public DsInstance? Value { get; }
        public int? Id { get; }
        public string? Name { get; }
        /// <summary>The project code known from the given object, if any.</summary>
        public long? ProjectCode { get; }

        private DsConnection? _connection;

        /// <summary>The connection of a given object, which wins over the default connection.</summary>
        public DsConnection? Connection { get => Value?.Connection ?? _connection; private set => _connection = value; }

        /// <summary>The instance on the server: a given DsInstance as is, else read by id or found by exact name in the project.</summary>
        public async Task<DsInstance> ResolveAsync(DsClient client, ProjectArgument? project, CancellationToken cancellationToken)
        {
            if (Value != null) return Value;
            long projectCode;
            if (ProjectCode is long known && known != 0) projectCode = known;
            else if (project != null) projectCode = (await project.ResolveAsync(client, cancellationToken).ConfigureAwait(false)).Code;
            else
                throw new ArgumentException("Instance " + this + " is given by " + (Id != null ? "id" : "name") + " only; add -Project (the project it belongs to), since DolphinScheduler's instance endpoints are project-scoped.");
            if (Id is int id) return await client.Instances.GetAsync(projectCode, id, cancellationToken).ConfigureAwait(false);
            var name = Name!;
            var found = await Task.Run(() => client.Instances.List(projectCode, new Client.Clients.InstanceFilter { SearchText = name }, new PageRequest { PageSize = 100 }, cancellationToken)
                .FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal)), cancellationToken).ConfigureAwait(false);
            return found ?? throw new DsNotFoundException("Workflow instance '" + name + "' was not found in project " + projectCode.ToString(CultureInfo.InvariantCulture) + " on " + client.Connection.Uri.GetLeftPart(UriPartial.Authority) + ".");
        }

        public override string ToString() => Value?.ToString() ?? Name ?? Id?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
