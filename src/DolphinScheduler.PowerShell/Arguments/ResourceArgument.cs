using System;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client;

namespace DolphinScheduler.PowerShell.Arguments
{
    /// <summary>A resource given as a DsResource, a folder-relative path (/flink/job.jar) or a server full name.</summary>
    public sealed class ResourceArgument
    {
        public ResourceArgument(DsResource resource)
        {
            Value = resource ?? throw new ArgumentNullException(nameof(resource));
            Path = resource.FullName;
        }

        public ResourceArgument(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            // Never the root by accident: Remove-DsResource -Path $unset -Force must not mean "everything".
            if (path.Trim().Length == 0) throw new ArgumentException("The resource path must not be empty or white space (the root is '/').");
            Path = path.Trim();
        }

        public DsResource? Value { get; }

        /// <summary>The path or full name as given (the full name for an object).</summary>
        public string Path { get; }

        public DsConnection? Connection => Value?.Connection;

        public bool HasWildcards => Value == null && System.Management.Automation.WildcardPattern.ContainsWildcardCharacters(Path);

        /// <summary>The given object, else the resource on the server (DS code 20004 when it does not exist).</summary>
        public Task<DsResource> ResolveAsync(DsClient client, CancellationToken cancellationToken) =>
            Value != null ? Task.FromResult(Value) : client.Resources.GetAsync(Path, cancellationToken);

        public override string ToString() => Value?.Path ?? Path;
    }
}
