using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace DolphinScheduler.Loader
{
    /// <summary>
    /// The private context. An assembly found in the Dependencies folder is loaded here, unless the runtime itself
    /// ships an equal or newer version (e.g. System.Text.Json on PowerShell 7): those, and everything else
    /// (System.Management.Automation, the framework), come from the default context so type identity is shared.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;
        private readonly Lazy<Dictionary<string, string>> _platform = new(PlatformAssemblyPaths);

        public DependencyLoadContext(string directory) : base("DolphinScheduler", isCollectible: false)
        {
            _directory = directory;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(_directory, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            return PlatformHasAtLeast(name) ? null : LoadFromAssemblyPath(path);
        }

        // Only the requested name's header is read, so import stays cheap.
        private bool PlatformHasAtLeast(AssemblyName name)
        {
            if (name.Name == null || name.Version == null || !_platform.Value.TryGetValue(name.Name, out var file)) return false;
            try { return AssemblyName.GetAssemblyName(file).Version is Version v && v >= name.Version; }
            catch (Exception ex) when (ex is BadImageFormatException || ex is IOException) { return false; }
        }

        private static Dictionary<string, string> PlatformAssemblyPaths()
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string tpa) return result;
            foreach (var file in tpa.Split(Path.PathSeparator))
                if (file.Length > 0) result[Path.GetFileNameWithoutExtension(file)] = file;
            return result;
        }
    }
}
