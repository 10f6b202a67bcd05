using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.Json;
using DolphinScheduler.Client.Auth;

namespace DolphinScheduler.Client.Saved
{
    /// <summary>
    /// Named connections (URI, token, options) for the current user, for scheduled jobs: one JSON file in the user's
    /// config folder (%LOCALAPPDATA%\DolphinScheduler on Windows, $XDG_CONFIG_HOME or ~/.config/DolphinScheduler
    /// elsewhere; DOLPHINSCHEDULER_CONFIG_HOME overrides). Written atomically; on Unix the folder is 0700 and the file 0600.
    /// </summary>
    public sealed class SavedConnectionStore
    {
        public SavedConnectionStore(string? directory = null)
        {
            Directory = directory ?? DefaultDirectory();
            FilePath = System.IO.Path.Combine(Directory, "connections.json");
        }

        public string Directory { get; }
        public string FilePath { get; }

        public static string DefaultDirectory()
        {
            var overridden = Environment.GetEnvironmentVariable("DOLPHINSCHEDULER_CONFIG_HOME");
            if (!string.IsNullOrEmpty(overridden)) return overridden!;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "DolphinScheduler");
            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            var home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return System.IO.Path.Combine(string.IsNullOrEmpty(xdg) ? System.IO.Path.Combine(home, ".config") : xdg!, "DolphinScheduler");
        }

        public IReadOnlyList<DsSavedConnection> List() => Read().Select(e => e.Value.ToPublic(e.Key, FilePath)).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();

        public DsSavedConnection? Find(string name) =>
            Read().TryGetValue(name, out var e) ? e.ToPublic(name, FilePath) : null;

        /// <summary>Adds or replaces a saved connection.</summary>
        public DsSavedConnection Save(string name, Uri uri, SecureString token, DsServerVersion version, bool skipCertificateCheck, int timeoutSec)
        {
            var all = Read();
            var protectedToken = SecretProtector.Protect(Encoding.UTF8.GetBytes(Secrets.Reveal(token)));
            all[name] = new Entry(uri.AbsoluteUri, version, skipCertificateCheck, timeoutSec, Convert.ToBase64String(protectedToken), SecretProtector.Description, DateTime.UtcNow);
            Write(all);
            return all[name].ToPublic(name, FilePath);
        }

        public bool Remove(string name)
        {
            var all = Read();
            if (!all.Remove(name)) return false;
            Write(all);
            return true;
        }

        /// <summary>Connect options for a saved name; null when there is none.</summary>
        public DsConnectOptions? LoadOptions(string name)
        {
            if (!Read().TryGetValue(name, out var e)) return null;
            var token = Encoding.UTF8.GetString(SecretProtector.Unprotect(Convert.FromBase64String(e.Token)));
            return new DsConnectOptions
            {
                BaseUri = new Uri(e.Uri),
                Token = Secrets.ToSecureString(token),
                ServerVersion = e.ServerVersion,
                SkipCertificateCheck = e.SkipCertificateCheck,
                Timeout = TimeSpan.FromSeconds(e.TimeoutSec),
                Name = name,
            };
        }

        private Dictionary<string, Entry> Read()
        {
            var result = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            if (!File.Exists(FilePath)) return result;
            using var doc = JsonDocument.Parse(File.ReadAllText(FilePath));
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var v = p.Value;
                result[p.Name] = new Entry(
                    v.GetProperty("uri").GetString()!,
                    (DsServerVersion)v.GetProperty("serverVersion").GetInt32(),
                    v.GetProperty("skipCertificateCheck").GetBoolean(),
                    v.GetProperty("timeoutSec").GetInt32(),
                    v.GetProperty("token").GetString()!,
                    v.GetProperty("protection").GetString()!,
                    DateTime.Parse(v.GetProperty("savedAt").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind));
            }
            return result;
        }

        private void Write(Dictionary<string, Entry> all)
        {
            CreatePrivateDirectory(Directory);
            var temp = FilePath + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                RestrictToUser(temp, 0x180); // 0600 before any secret is written
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                writer.WriteStartObject();
                foreach (var kv in all.OrderBy(k => k.Key, StringComparer.OrdinalIgnoreCase))
                {
                    writer.WriteStartObject(kv.Key);
                    writer.WriteString("uri", kv.Value.Uri);
                    writer.WriteNumber("serverVersion", (int)kv.Value.ServerVersion);
                    writer.WriteBoolean("skipCertificateCheck", kv.Value.SkipCertificateCheck);
                    writer.WriteNumber("timeoutSec", kv.Value.TimeoutSec);
                    writer.WriteString("protection", kv.Value.Protection);
                    writer.WriteString("token", kv.Value.Token);
                    writer.WriteString("savedAt", kv.Value.SavedAt.ToString("o"));
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            if (File.Exists(FilePath)) File.Replace(temp, FilePath, null);
            else File.Move(temp, FilePath);
        }

        private static void CreatePrivateDirectory(string directory)
        {
            if (System.IO.Directory.Exists(directory)) return;
            System.IO.Directory.CreateDirectory(directory);
            RestrictToUser(directory, 0x1C0); // 0700
        }

        private static void RestrictToUser(string path, int mode)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return; // the profile folder is already per-user
            if (chmod(path, mode) != 0) throw new IOException("Could not restrict the permissions of " + path + " (errno " + Marshal.GetLastWin32Error() + ").");
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, int mode);

        private sealed class Entry
        {
            public Entry(string uri, DsServerVersion serverVersion, bool skipCertificateCheck, int timeoutSec, string token, string protection, DateTime savedAt)
            {
                Uri = uri; ServerVersion = serverVersion; SkipCertificateCheck = skipCertificateCheck; TimeoutSec = timeoutSec; Token = token; Protection = protection; SavedAt = savedAt;
            }

            public string Uri { get; }
            public DsServerVersion ServerVersion { get; }
            public bool SkipCertificateCheck { get; }
            public int TimeoutSec { get; }
            public string Token { get; }
            public string Protection { get; }
            public DateTime SavedAt { get; }

            public DsSavedConnection ToPublic(string name, string path) =>
                new(name, new Uri(Uri), ServerVersion, SkipCertificateCheck, TimeoutSec, Protection, path, SavedAt);
        }
    }
}
