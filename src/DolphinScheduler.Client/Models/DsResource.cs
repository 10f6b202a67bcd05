using System;
using DolphinScheduler.Client.Resources;
using DolphinScheduler.Client.Serialization;

namespace DolphinScheduler
{
    /// <summary>
    /// A file or directory of the resource centre. <see cref="Path"/> is what users type (folder-relative, e.g.
    /// <c>/flink/job.jar</c>); <see cref="FullName"/> is the server's name for it (storage prefix included), which is
    /// what tasks reference.
    /// </summary>
    public sealed class DsResource : DsObject
    {
        /// <summary>The server's absolute name (e.g. <c>file:/dolphinscheduler/default/resources/flink/job.jar</c>).</summary>
        public string FullName { get; private set; } = "";
        /// <summary>The path below the tenant's resource root, always starting with '/' (e.g. <c>/flink/job.jar</c>).</summary>
        public string Path { get; private set; } = "";
        public string Name { get; private set; } = "";
        public bool IsDirectory { get; private set; }
        /// <summary>Size in bytes (0 for directories).</summary>
        public long Size { get; private set; }
        public DateTime? CreateTime { get; private set; }
        public DateTime? UpdateTime { get; private set; }
        public string? UserName { get; private set; }

        /// <summary>The folder-relative path of the parent directory ('/' for the root).</summary>
        public string ParentPath => ResourcePath.Parent(Path);

        internal static Func<WireObject, DsConnection, DsResource> Mapper(string root) => (w, connection) =>
        {
            var fullName = w.String("fullName") ?? "";
            var isDirectory = w.Bool("directory") ?? false;
            var path = ResourcePath.ToRelative(root, fullName);
            // The last segment of the full name: 3.2's fileName is the path below the resources folder ("flink/job.jar").
            var name = ResourcePath.Leaf(fullName.TrimEnd('/'));
            if (string.IsNullOrEmpty(name)) name = (w.String("fileName") ?? w.String("alias") ?? "").TrimEnd('/');
            return new DsResource
            {
                Connection = connection,
                FullName = fullName,
                Path = path,
                Name = name,
                IsDirectory = isDirectory,
                Size = w.Long("size") ?? 0,
                CreateTime = w.Date("createTime"),
                UpdateTime = w.Date("updateTime"),
                UserName = w.String("userName"),
            };
        };

        /// <summary>A resource known only by name (the tenant's root directory, or one just created).</summary>
        internal static DsResource Directory(string root, string fullName, DsConnection connection)
        {
            var path = ResourcePath.ToRelative(root, fullName);
            return new DsResource { Connection = connection, FullName = fullName, Path = path, Name = ResourcePath.Leaf(path), IsDirectory = true };
        }

        public override string ToString() => Path;
    }
}
