using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>
    /// A workflow given as a DsWorkflow, a name or a code. Workflows live in projects, so a name or a code needs
    /// -Project; a DsWorkflow knows its project (and its connection).
    /// </summary>
    public sealed class WorkflowArgument
    {
        public WorkflowArgument(DsWorkflow workflow) { Value = workflow ?? throw new ArgumentNullException(nameof(workflow)); }

        public WorkflowArgument(string name)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The workflow name must not be empty or white space.");
            Name = name;
        }

        public WorkflowArgument(long code) { Code = code; }
        public WorkflowArgument(int code) { Code = code; }

        public DsWorkflow? Value { get; }
        public string? Name { get; }
        public long? Code { get; }

        /// <summary>The connection of a given object, which wins over the default connection.</summary>
        public DsConnection? Connection => Value?.Connection;

        /// <summary>The project code and workflow code, without a request when an object was given.</summary>
        public async Task<(long ProjectCode, long Code, string Display)> ResolveReferenceAsync(DsClient client, ProjectArgument? project, CancellationToken cancellationToken)
        {
            if (Value != null) return (Value.ProjectCode, Value.Code, Describe(Value));
            var wf = await ResolveAsync(client, project, cancellationToken).ConfigureAwait(false);
            return (wf.ProjectCode, wf.Code, Describe(wf));
        }

        /// <summary>The workflow: the given object as is, else read from the server (with its tasks).</summary>
        public async Task<DsWorkflow> ResolveAsync(DsClient client, ProjectArgument? project, CancellationToken cancellationToken)
        {
            if (Value != null) return Value;
            if (project == null)
                throw new ArgumentException("-Project is required when the workflow is given by name or code (" + ToString() + ").");
            var p = await project.ResolveAsync(client, cancellationToken).ConfigureAwait(false);
            if (Code is long code) return await client.Workflows.GetAsync(p.Code, code, cancellationToken).ConfigureAwait(false);
            try
            {
                return await client.Workflows.GetByNameAsync(p.Code, Name!, cancellationToken).ConfigureAwait(false);
            }
            catch (DsNotFoundException notFound)
            {
                if (long.TryParse(Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var numeric))
                {
                    try { return await client.Workflows.GetAsync(p.Code, numeric, cancellationToken).ConfigureAwait(false); }
                    catch (DsNotFoundException) { }
                }
                throw new DsNotFoundException("Workflow '" + Name + "' was not found in project '" + p.Name + "' on " + client.Connection.Uri.GetLeftPart(UriPartial.Authority) + ".",
                    notFound.Code, notFound.StatusName, notFound.ServerMessage, notFound.HttpStatus, notFound.Method, notFound.RequestPath);
            }
        }

        internal static string Describe(DsWorkflow w) => "'" + w.Name + "' (code " + w.Code.ToString(CultureInfo.InvariantCulture) + ")";

        public override string ToString() => Value?.ToString() ?? Name ?? Code?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
