using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DolphinScheduler.Client.Http
{
    /// <summary>
    /// Writes downloads to a temp file beside the destination and renames it on success: never a partial file. A failure
    /// while reading from the server (the connection broke, fewer bytes than announced, no byte for the stall limit) is a
    /// <see cref="DsConnectionException"/>; a failure writing the local file stays an <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/>. Either way the temp file is deleted and the destination is untouched.
    /// </summary>
    public static class SafeFile
    {
        public static Task WriteAsync(string destination, HttpContent content, IProgress<long>? progress, CancellationToken cancellationToken) =>
            WriteAsync(destination, content, progress == null ? null : new Progress(p => progress.Report(p.Done)), overwrite: true, stallTimeout: null, method: null, path: null, cancellationToken);

        /// <summary>
        /// Checks before anything is sent that <paramref name="destination"/> can be written: not a directory, not an
        /// existing file unless <paramref name="overwrite"/>, and a file can be created in its folder (made when missing).
        /// Throws IOException or UnauthorizedAccessException naming the path.
        /// </summary>
        public static string EnsureWritable(string destination, bool overwrite)
        {
            var full = Path.GetFullPath(destination);
            if (Directory.Exists(full)) throw new IOException("'" + full + "' is a directory.");
            if (!overwrite && File.Exists(full)) throw new IOException("The file '" + full + "' already exists. Use -Force to overwrite it.");
            var dir = Path.GetDirectoryName(full)!;
            try
            {
                Directory.CreateDirectory(dir);
                var probe = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".probe");
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new UnauthorizedAccessException("Cannot write '" + full + "': access to its folder is denied. " + ex.Message, ex);
            }
            catch (IOException ex)
            {
                throw new IOException("Cannot write '" + full + "': " + ex.Message, ex);
            }
            return full;
        }

        /// <param name="destination">The file to write.</param>
        /// <param name="content">The answer's content, read once.</param>
        /// <param name="progress">Bytes written so far, and the announced length (-1 when unknown).</param>
        /// <param name="overwrite">Replace an existing destination; without it, a file there (even one that appears while downloading) is an IOException.</param>
        /// <param name="stallTimeout">The longest wait for the next bytes; null waits as long as the caller's token allows.</param>
        /// <param name="method">The request's method, for messages and the error.</param>
        /// <param name="path">The request's path, for messages and the error.</param>
        /// <param name="cancellationToken">Ctrl+C.</param>
        /// <param name="confirmLength">
        /// When the server announced no length (a chunked answer can end cleanly in the middle), asked whether the received
        /// byte count is the whole content; false fails the download with no file.
        /// </param>
        public static async Task<long> WriteAsync(string destination, HttpContent content, IProgress<(long Done, long Total)>? progress, bool overwrite, TimeSpan? stallTimeout,
            string? method, string? path, CancellationToken cancellationToken, Func<long, CancellationToken, Task<bool>>? confirmLength = null)
        {
            var full = Path.GetFullPath(destination);
            if (Directory.Exists(full)) throw new IOException("'" + full + "' is a directory.");
            if (!overwrite && File.Exists(full)) throw new IOException("The file '" + full + "' already exists. Use -Force to overwrite it.");
            var dir = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            var what = method != null ? "the download (" + method + " " + path + ")" : "the download";
            var expected = content.Headers.ContentLength;
            long total = 0;
            try
            {
                using (var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                // Plain (not overlapped) file I/O, written from the read loop: an async FileStream's WriteAsync is the same write
                // queued to the thread pool, one hand-off per chunk (docs/performance.md).
                using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: false))
                {
                    Stream body;
                    try { body = await content.ReadAsStreamAsync().ConfigureAwait(false); }
                    catch (Exception ex) when (ex is IOException || ex is HttpRequestException) { throw Broken(what, method, path, total, expected, ex); }
                    using (body)
                    {
                        var buffer = new byte[CopyBufferSize];
                        while (true)
                        {
                            if (stallTimeout is TimeSpan limit) stall.CancelAfter(limit);
                            int read;
                            try
                            {
                                read = await body.ReadAsync(buffer, 0, buffer.Length, stall.Token).ConfigureAwait(false);
                            }
                            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                            {
                                throw new DsConnectionException(Capitalized(what) + " stopped: no data arrived for " + stallTimeout!.Value.TotalSeconds + " s after " + total + " bytes. No file was written.",
                                    DsErrorKind.Timeout, method, path, ex, requestMayHaveBeenProcessed: true);
                            }
                            catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
                            {
                                throw Broken(what, method, path, total, expected, ex);
                            }
                            if (read == 0) break;
                            target.Write(buffer, 0, read);
                            total += read;
                            progress?.Report((total, expected ?? -1));
                        }
                    }
                    target.Flush();
                }
                if (expected is long length && total != length)
                    throw Broken(what, method, path, total, expected, null);
                if (expected == null && confirmLength != null && !await confirmLength(total, cancellationToken).ConfigureAwait(false))
                    throw new DsConnectionException(Capitalized(what) + " ended after " + total + " bytes, which is not the size the server lists for it: the answer was cut short (or the file changed meanwhile). No file was written; try again.",
                        DsErrorKind.Connection, method, path, null, requestMayHaveBeenProcessed: true);
                if (File.Exists(full))
                {
                    if (!overwrite) throw new IOException("The file '" + full + "' appeared while downloading; it was left untouched. Use -Force to overwrite it.");
                    File.Replace(temp, full, null);
                }
                else File.Move(temp, full);
                return total;
            }
            finally
            {
                try { if (File.Exists(temp)) File.Delete(temp); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }

        /// <summary>
        /// Chunk size of downloads: 1 MiB moves a GiB in about a thousand socket and file calls (80 KiB took thirteen
        /// thousand) and stays far below the transfer memory budget (docs/performance.md).
        /// </summary>
        internal const int CopyBufferSize = 1 << 20;

        private sealed class Progress : IProgress<(long Done, long Total)>
        {
            private readonly Action<(long Done, long Total)> _report;
            public Progress(Action<(long Done, long Total)> report) { _report = report; }
            public void Report((long Done, long Total) value) => _report(value);
        }

        private static DsConnectionException Broken(string what, string? method, string? path, long received, long? expected, Exception? inner) =>
            new(Capitalized(what) + " broke off after " + received + (expected is long e ? " of " + e : "") + " bytes" + (inner != null ? " (" + Innermost(inner) + ")" : "") + ". No file was written.",
                DsErrorKind.Connection, method, path, inner, requestMayHaveBeenProcessed: true);

        private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

        private static string Innermost(Exception ex)
        {
            while (ex.InnerException != null) ex = ex.InnerException;
            return ex.Message;
        }
    }
}
