using System;
using System.IO;
using System.Reflection;

namespace DolphinScheduler.PowerShell.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 has no load contexts: the module resolves its dependencies from its Dependencies folder
    /// through AppDomain.AssemblyResolve, and only for requests coming from its own assemblies. This type must not
    /// mention any type of DolphinScheduler.Client, which is not loadable until it has run.
    /// </summary>
    public static class DesktopResolver
    {
        private static string? _directory;

        public static void Register(string dependencyDirectory)
        {
            if (_directory != null) return;
            _directory = Path.GetFullPath(dependencyDirectory);
            AppDomain.CurrentDomain.AssemblyResolve += OnResolve;
        }

        public static void Unregister()
        {
            if (_directory == null) return;
            AppDomain.CurrentDomain.AssemblyResolve -= OnResolve;
            _directory = null;
        }

        private static Assembly? OnResolve(object? sender, ResolveEventArgs args)
        {
            var requester = args.RequestingAssembly?.GetName().Name;
            var isOurs = requester == null || requester.StartsWith("DolphinScheduler", StringComparison.Ordinal)
                || (args.RequestingAssembly?.Location ?? "").StartsWith(_directory ?? "\0", StringComparison.OrdinalIgnoreCase);
            if (!isOurs || _directory == null) return null;
            var path = Path.Combine(_directory, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
