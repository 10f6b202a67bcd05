using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace DolphinScheduler.Loader
{
    /// <summary>
    /// Called by DolphinScheduler.psm1 before the cmdlet assembly is imported. Hooks the default context's Resolving
    /// event for the core's name only: the cmdlet assembly's reference to DolphinScheduler.Client then lands in the
    /// private context, and the core's own dependencies follow it there.
    /// </summary>
    public static class DependencyLoader
    {
        private const string CoreName = "DolphinScheduler.Client";
        private static readonly object Gate = new();
        private static DependencyLoadContext? _context;
        private static bool _hooked;

        public static void Initialize(string dependencyDirectory)
        {
            lock (Gate)
            {
                _context ??= new DependencyLoadContext(Path.GetFullPath(dependencyDirectory));
                if (_hooked) return;
                AssemblyLoadContext.Default.Resolving += OnResolving;
                _hooked = true;
            }
        }

        /// <summary>Unhooks on module removal. The private context stays: loaded assemblies cannot be unloaded from a non-collectible context.</summary>
        public static void Cleanup()
        {
            lock (Gate)
            {
                if (!_hooked) return;
                AssemblyLoadContext.Default.Resolving -= OnResolving;
                _hooked = false;
            }
        }

        private static Assembly? OnResolving(AssemblyLoadContext context, AssemblyName name) =>
            name.Name == CoreName && _context != null ? _context.LoadFromAssemblyName(name) : null;
    }
}
