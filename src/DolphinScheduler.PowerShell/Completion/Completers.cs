using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.PowerShell.Arguments;

namespace DolphinScheduler.PowerShell.Completion
{
    public sealed class ProjectCompleter : DsCompleter
    {
        protected override IEnumerable<string> Query(DsClient client, IDictionary? bound, CancellationToken ct) =>
            client.Projects.List(null, new PageRequest { PageSize = 500, First = 2000 }, ct).Select(p => p.Name);
    }

    public sealed class QueueCompleter : DsCompleter
    {
        protected override IEnumerable<string> Query(DsClient client, IDictionary? bound, CancellationToken ct) =>
            client.Queues.ListAllAsync(ct).GetAwaiter().GetResult().Select(q => q.Name);
    }

    public sealed class TenantCompleter : DsCompleter
    {
        protected override IEnumerable<string> Query(DsClient client, IDictionary? bound, CancellationToken ct) =>
            client.Tenants.ListAllAsync(ct).GetAwaiter().GetResult().Select(t => t.TenantCode);
    }

    public sealed class UserCompleter : DsCompleter
    {
        // General users may not list users; they can still name themselves.
        protected override IEnumerable<string> Query(DsClient client, IDictionary? bound, CancellationToken ct) =>
            client.Connection.IsAdmin
                ? client.Users.List(null, new PageRequest { PageSize = 500, First = 2000 }, ct).Select(u => u.UserName)
                : new[] { client.Connection.UserName };
    }

    /// <summary>Workflows of the project bound to -Project (a name, code or DsProject); nothing without one.</summary>
    public sealed class WorkflowCompleter : DsCompleter
    {
        protected override string? Scope(IDictionary? bound) => ProjectScope.Of(bound);

        protected override IEnumerable<string> Query(DsClient client, IDictionary? bound, CancellationToken ct)
        {
            var project = ProjectScope.Resolve(client, bound, ct);
            return project == null ? Enumerable.Empty<string>() : client.Workflows.List(project.Code, null, new PageRequest { PageSize = 500, First = 2000 }, ct).Select(w => w.Name);
        }
    }

    /// <summary>
    /// "default" plus the worker groups the bound project's tasks use: the contract has no worker-group endpoint, so
    /// the groups in use are the ones known to exist.
    /// </summary>
    public sealed class WorkerGroupCompleter : DsCompleter
    {
        protected override string? Scope(IDictionary? bound) => ProjectScope.Of(bound) ?? "";

        protected override IEnumerable<string> Query(DsClient client, IDictionary? bound, CancellationToken ct)
        {
            var groups = new List<string> { "default" };
            var project = ProjectScope.Resolve(client, bound, ct);
            if (project != null)
                foreach (var wf in client.Workflows.List(project.Code, null, new PageRequest { PageSize = 100, First = 50 }, ct))
                    groups.AddRange(wf.Tasks.Select(t => t.WorkerGroup ?? "").Where(g => g.Length > 0));
            return groups;
        }
    }

    internal static class ProjectScope
    {
        public static string? Of(IDictionary? bound)
        {
            var value = DsCompleter.Unwrap(bound?["Project"]);
            return value switch
            {
                null => null,
                DsProject p => p.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }

        public static DsProject? Resolve(DsClient client, IDictionary? bound, CancellationToken ct)
        {
            var value = DsCompleter.Unwrap(bound?["Project"]);
            if (value == null) return null;
            var argument = LanguagePrimitives.ConvertTo<ProjectArgument>(value);
            return argument.ResolveAsync(client, ct).GetAwaiter().GetResult();
        }
    }
}
