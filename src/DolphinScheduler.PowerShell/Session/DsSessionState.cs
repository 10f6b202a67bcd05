using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Session
{
    /// <summary>
    /// The module's only mutable state: the open connections and which one is the default. Process-wide on purpose,
    /// so runspaces of ForEach-Object -Parallel see the same default (as Az does); reset when the module is removed.
    /// </summary>
    public static class DsSessionState
    {
        private static readonly object Gate = new();
        private static readonly List<DsConnection> Open = new();
        private static DsConnection? _default;

        public static DsConnection? Default
        {
            get { lock (Gate) return _default; }
        }

        public static IReadOnlyList<DsConnection> All
        {
            get { lock (Gate) return Open.ToArray(); }
        }

        public static void Add(DsConnection connection, bool makeDefault)
        {
            lock (Gate)
            {
                Open.Add(connection);
                if (makeDefault) _default = connection;
            }
        }

        public static void Remove(DsConnection connection)
        {
            lock (Gate)
            {
                Open.Remove(connection);
                if (ReferenceEquals(_default, connection)) _default = Open.LastOrDefault();
            }
        }

        /// <summary>Disposes every connection's HTTP client; used by the module's OnRemove and by tests.</summary>
        public static void Reset()
        {
            DsConnection[] all;
            lock (Gate)
            {
                all = Open.ToArray();
                Open.Clear();
                _default = null;
            }
            foreach (var c in all) c.Client.Dispose();
        }

        /// <summary>Backs the IsDefault property of DsConnection (a CodeProperty in DolphinScheduler.Types.ps1xml).</summary>
        public static bool IsDefault(PSObject instance) => instance?.BaseObject is DsConnection c && ReferenceEquals(Default, c);
    }
}
