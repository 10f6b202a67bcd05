using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Http
{
    /// <summary>Writes downloads to a temp file beside the destination and renames it on success: never a partial file.</summary>
    public static class SafeFile
    {
        public static async Task WriteAsync(string destination, HttpContent content, IProgress<long>? progress, CancellationToken cancellationToken)
        {
            var full = Path.GetFullPath(destination);
            var dir = Path.GetDirectoryName(full)!;
            var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            try
            {
                using (var source = await content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    var buffer = new byte[81920];
                    long total = 0;
                    int read;
                    while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await target.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                        total += read;
                        progress?.Report(total);
                    }
                    await target.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                if (File.Exists(full)) File.Replace(temp, full, null);
                else File.Move(temp, full);
            }
            catch
            {
                try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { }
                throw;
            }
        }
    }
}
