using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Paging;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>
    /// A workflow definition as the run cmdlets accept it, without depending on the workflow model: any object with
    /// <c>Code</c> (or <c>WorkflowCode</c>) and <c>ProjectCode</c> properties (a DsWorkflow, a DsInstance, a
    /// PSCustomObject), a workflow name (with -Project), or a workflow code. The object's <c>Connection</c> property,
    /// when it has one, is the connection to use.
    /// </summary>
    internal sealed class WorkflowReference
    {
        private WorkflowReference() { }

        public long? Code { get; private set; }
        public string? Name { get; private set; }
        public long? ProjectCode { get; private set; }
        public DsConnection? Connection { get; private set; }

        /// <summary>Reads a parameter value; null when the value is not a workflow (a DsProject, for instance).</summary>
        public static WorkflowReference? From(object? value)
        {
            if (value is PSObject ps && ps.BaseObject is not PSCustomObject) value = ps.BaseObject;
            switch (value)
            {
                case null: return null;
                case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed): return new WorkflowReference { Code = parsed, Name = s };
                case string s: return string.IsNullOrWhiteSpace(s) ? null : new WorkflowReference { Name = s };
                case long l: return new WorkflowReference { Code = l };
                case int i: return new WorkflowReference { Code = i };
                case DsProject: return null;
            }
            var obj = value as PSObject ?? PSObject.AsPSObject(value);
            var projectCode = ToLong(Property(obj, "ProjectCode"));
            var code = ToLong(Property(obj, "WorkflowCode")) ?? (projectCode != null ? ToLong(Property(obj, "Code")) : null);
            if (code == null) return null;
            return new WorkflowReference
            {
                Code = code,
                ProjectCode = projectCode,
                Name = Property(obj, "WorkflowName") as string ?? (Property(obj, "WorkflowCode") == null ? Property(obj, "Name") as string : null),
                Connection = Property(obj, "Connection") as DsConnection,
            };
        }

        private static object? Property(PSObject obj, string name)
        {
            var value = obj.Properties[name]?.Value;
            return value is PSObject p ? p.BaseObject : value;
        }

        private static long? ToLong(object? value) => value switch
        {
            long l => l,
            int i => i,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            IConvertible c when value is not string => Convert.ToInt64(c, CultureInfo.InvariantCulture),
            _ => null,
        };

        /// <summary>(project code, workflow code): from the object, from -Project and the name/code, or by finding the code in the visible projects.</summary>
        public async Task<(long ProjectCode, long WorkflowCode)> ResolveAsync(DsClient client, ProjectArgument? project, CancellationToken cancellationToken)
        {
            long? projectCode = ProjectCode is long pc && pc != 0 ? pc : null;
            if (projectCode == null && project != null) projectCode = (await project.ResolveAsync(client, cancellationToken).ConfigureAwait(false)).Code;

            if (projectCode is long p)
            {
                if (Name != null && (Code == null || ProjectCode == null))
                {
                    // A name (or a number that may be a name) within the project.
                    var byName = await client.Instances.FindWorkflowCodeAsync(p, Name, cancellationToken).ConfigureAwait(false);
                    if (byName is long found) return (p, found);
                    if (Code == null) throw NotFound(client, "'" + Name + "' in project " + p.ToString(CultureInfo.InvariantCulture));
                }
                return (p, Code!.Value);
            }
            if (Code is long code)
            {
                // A bare code: find the project that holds it (the start endpoint is project-scoped).
                foreach (var candidate in client.Projects.List(null, new PageRequest { PageSize = 100 }, cancellationToken))
                    if (await client.Instances.HasWorkflowAsync(candidate.Code, code, cancellationToken).ConfigureAwait(false))
                        return (candidate.Code, code);
                throw NotFound(client, code.ToString(CultureInfo.InvariantCulture) + " in any project " + client.Connection.UserName + " can see");
            }
            throw new ArgumentException("Workflow '" + Name + "' is given by name only; add -Project (the project it belongs to).");
        }

        private static DsNotFoundException NotFound(DsClient client, string what) =>
            new("Workflow " + what + " was not found on " + client.Connection.Uri.GetLeftPart(UriPartial.Authority) + ".");

        public override string ToString() => Name ?? Code?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
