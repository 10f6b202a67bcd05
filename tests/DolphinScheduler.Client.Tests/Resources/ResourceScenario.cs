using System.Text.Json;
using DolphinScheduler.Client.Tests.Fakes;

namespace DolphinScheduler.Client.Tests.Resources
{
    /// <summary>
    /// A stateful stand-in for the resource centre: a set of full names (directories end in '/' in the set only),
    /// answering base-dir, list (with searchVal), directory create, upload, replace, download and delete.
    /// </summary>
    internal sealed class ResourceScenario
    {
        public const string BaseDir = "file:/dolphinscheduler/etl/resources";

        /// <summary>3.2 lists directories with a trailing '/' and fileName as the path below the resources folder.</summary>
        public bool Family32 { get; init; }

        public Dictionary<string, byte[]?> Items { get; } = new(StringComparer.Ordinal); // null content = directory

        public ScriptedDsServer Attach(ScriptedDsServer server)
        {
            server.On("GET", "/resources/base-dir", "\"" + BaseDir + "\"");
            server.On("GET", "/resources", r => List(r.Param("fullName")!, r.Param("searchVal")));
            server.On("POST", "/resources/directory", r => { Items[r.Param("currentDir")!.TrimEnd('/') + "/" + r.Param("name")] = null; return "null"; });
            server.On("POST", "/resources", r => { Items[r.Param("currentDir")!.TrimEnd('/') + "/" + r.Param("name")] = r.Parts.FirstOrDefault(p => p.Name == "file")?.Content ?? Array.Empty<byte>(); return "null"; });
            server.On("PUT", "/resources", r => { Items[r.Param("fullName")!.TrimEnd('/')] = r.Parts.FirstOrDefault(p => p.Name == "file")?.Content ?? Array.Empty<byte>(); return "null"; });
            server.On("DELETE", "/resources", r => { Items.Remove(r.Param("fullName")!.TrimEnd('/')); return "null"; });
            server.OnRaw("GET", "/resources/download", r =>
            {
                var name = r.Param("fullName")!;
                if (!Items.TryGetValue(name, out var content) || content == null)
                    return ScriptedDsServer.Envelope(20004, "resource not exist", "null");
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(content) { Headers = { ContentType = new("application/octet-stream") } } };
            });
            return server;
        }

        private string List(string directory, string? search)
        {
            var prefix = directory.TrimEnd('/') + "/";
            var entries = Items.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && !kv.Key.Substring(prefix.Length).Contains('/'))
                .Where(kv => search == null || kv.Key.Substring(prefix.Length).Contains(search))
                .Select(kv => (Entry: kv, Full: kv.Key + (Family32 && kv.Value == null ? "/" : "")))
                .Select(x => (x.Entry, x.Full, Name: Family32 ? x.Full.Substring(BaseDir.Length + 1) : x.Entry.Key.Substring(prefix.Length)))
                .Select(x => (Key: x.Full, x.Entry.Value, x.Name))
                .Select(kv => "{\"alias\":" + JsonSerializer.Serialize(kv.Name) + ",\"fileName\":" + JsonSerializer.Serialize(kv.Name) +
                              ",\"fullName\":" + JsonSerializer.Serialize(kv.Key) + ",\"directory\":" + (kv.Value == null ? "true" : "false") +
                              ",\"type\":\"FILE\",\"size\":" + (kv.Value?.Length ?? 0) + ",\"userName\":\"alice\",\"createTime\":\"2025-01-02 03:04:05\",\"updateTime\":\"2025-01-02 03:04:05\"}")
                .ToList();
            return "{\"totalList\":[" + string.Join(",", entries) + "],\"total\":" + entries.Count + ",\"totalPage\":1,\"currentPage\":1,\"pageSize\":100,\"pageNo\":0}";
        }
    }
}
