using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DolphinScheduler.Client;
using DolphinScheduler.Client.Paging;
using DolphinScheduler.Client.Resources;
using DolphinScheduler.PowerShell.Arguments;
using DolphinScheduler.PowerShell.Infrastructure;

namespace DolphinScheduler.PowerShell.Cmdlets.Resources
{
    /// <summary>
    /// <para type="synopsis">Gets resource-centre files and directories.</para>
    /// <para type="description">A directory path lists its entries (all levels below with -Recurse); a file path returns
    /// that file; a wildcard in the last segment (/flink/*.jar) filters the folder. Paths are folder-relative
    /// (/flink/job.jar) or server full names. Without -Path the root is listed.</para>
    /// </summary>
    /// <example><code>Get-DsResource /flink -Recurse | Where-Object Size -gt 100MB</code></example>
    [Cmdlet(VerbsCommon.Get, "DsResource", SupportsPaging = true)]
    [OutputType(typeof(DsResource))]
    public sealed class GetDsResourceCommand : DsPagedCmdlet
    {
        /// <summary>Resource paths or full names (wildcards in the last segment), or DsResource objects. Default: the root.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [SupportsWildcards]
        [ValidateNotNull]
        public ResourceArgument[]? Path { get; set; }

        /// <summary>List the contents of sub-directories too.</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        /// <summary>Only files.</summary>
        [Parameter]
        public SwitchParameter File { get; set; }

        /// <summary>Only directories.</summary>
        [Parameter]
        public SwitchParameter Directory { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in Path ?? new[] { new ResourceArgument("/") })
            {
                var connection = ResolveConnection(path.Connection);
                var client = ClientOf(connection);
                ForItem(path, () =>
                {
                    if (path.HasWildcards)
                    {
                        var parent = ParentOf(path.Path);
                        var pattern = new WildcardPattern(ResourcePath.Leaf(path.Path), WildcardOptions.IgnoreCase);
                        var matches = Children(client, parent).Where(r => pattern.IsMatch(r.Name));
                        WriteStream(Limit(Expand(client, matches)));
                        return;
                    }
                    var item = Run(ct => path.ResolveAsync(client, ct));
                    if (!item.IsDirectory)
                    {
                        if (!Directory) WriteObject(item);
                        return;
                    }
                    if (!Recurse && !File && !Directory)
                    {
                        WritePaged(client.Resources.List(item.FullName, null, PageRequest, CancellationToken));
                        return;
                    }
                    WriteStream(Limit(Expand(client, Children(client, item.FullName))));
                });
            }
        }

        private static string ParentOf(string path)
        {
            var slash = path.TrimEnd('/').LastIndexOf('/');
            return slash <= 0 ? "/" : path.Substring(0, slash);
        }

        private IEnumerable<DsResource> Children(DsClient client, string directory) =>
            client.Resources.List(directory, null, new PageRequest { PageSize = PageSize }, CancellationToken);

        /// <summary>Each entry, followed by its sub-tree with -Recurse (depth first), filtered by -File/-Directory.</summary>
        private IEnumerable<DsResource> Expand(DsClient client, IEnumerable<DsResource> entries)
        {
            foreach (var entry in entries)
            {
                if (Include(entry)) yield return entry;
                if (Recurse && entry.IsDirectory)
                    foreach (var child in Expand(client, Children(client, entry.FullName)))
                        yield return child;
            }
        }

        private bool Include(DsResource r) => (!File || !r.IsDirectory) && (!Directory || r.IsDirectory);

        /// <summary>-Skip/-First over the whole stream (recursive and filtered listings cannot page on the server).</summary>
        private IEnumerable<DsResource> Limit(IEnumerable<DsResource> stream)
        {
            var limited = stream.Skip((int)Math.Min(int.MaxValue, PagingParameters.Skip));
            return PagingParameters.First == ulong.MaxValue ? limited : limited.Take((int)Math.Min(int.MaxValue, PagingParameters.First));
        }
    }
}
