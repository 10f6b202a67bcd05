using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DolphinScheduler.Client.Http;
using DolphinScheduler.Client.Serialization;
using E = DolphinScheduler.Client.Endpoints.Api;

namespace DolphinScheduler.Client.Clients
{
    /// <summary>Task logs: read a window of lines, read or follow a whole log, download it to a file.</summary>
    public sealed class LogsClient : ApiClient
    {
        private readonly TaskInstancesClient _tasks;

        internal LogsClient(ApiConnection api, TaskInstancesClient tasks) : base(api) { _tasks = tasks; }

        /// <summary>DS's log page size in the web UI; one request per this many lines.</summary>
        public const int DefaultPageLines = 1000;

        /// <summary>The log lines after the first <paramref name="skipLineNum"/> lines, at most <paramref name="limit"/> (GET /log/detail).</summary>
        public async Task<IReadOnlyList<string>> ReadLinesAsync(int taskInstanceId, int skipLineNum, int limit, CancellationToken cancellationToken = default)
        {
            var data = await Api.SendAsync(new DsRequest(E.Logs.Detail).Add("taskInstanceId", taskInstanceId).Add("skipLineNum", skipLineNum).Add("limit", limit), cancellationToken).ConfigureAwait(false);
            var message = data.ValueKind == System.Text.Json.JsonValueKind.Object ? new WireObject(data, Api.Transport.Flavor).String("message") : null;
            return TaskLogReader.ParseLines(message, skipLineNum == 0);
        }

        /// <summary>
        /// A reader over a task's log. Without Follow it reads what is there; with Follow it keeps reading only the new
        /// lines (skipLineNum = lines already read) until the task has ended, polling the task's state.
        /// </summary>
        public TaskLogReader Open(DsTaskInstance task, TaskLogOptions? options = null)
        {
            options ??= new TaskLogOptions();
            Func<CancellationToken, Task<bool>>? ended = null;
            if (options.Follow)
            {
                var rules = Api.Transport.Flavor.Execution;
                ended = async ct =>
                {
                    var now = await _tasks.RefreshAsync(task, ct).ConfigureAwait(false);
                    return now == null || rules.IsFinalTask(now.State);
                };
            }
            return new TaskLogReader((skip, limit, ct) => ReadLinesAsync(task.Id, skip, limit, ct), ended, options);
        }

        /// <summary>A reader by task-instance id only (no Follow: the state of a bare id cannot be polled).</summary>
        public TaskLogReader Open(int taskInstanceId, TaskLogOptions? options = null)
        {
            options ??= new TaskLogOptions();
            if (options.Follow) throw new ArgumentException("Following a log needs the task instance, not only its id.", nameof(options));
            return new TaskLogReader((skip, limit, ct) => ReadLinesAsync(taskInstanceId, skip, limit, ct), null, options);
        }

        /// <summary>
        /// Downloads the whole log (GET /log/download-log) to <paramref name="path"/>. The bytes go to a temporary file in
        /// the same folder that replaces the destination only when complete, so a failure never leaves a partial file.
        /// </summary>
        public async Task<FileInfo> SaveAsync(int taskInstanceId, string path, bool overwrite, CancellationToken cancellationToken = default)
        {
            var full = SafeFile.EnsureWritable(path, overwrite);
            var request = new DsRequest(E.Logs.Download).Add("taskInstanceId", taskInstanceId);
            using (var response = await Api.Transport.SendForContentAsync(request, cancellationToken).ConfigureAwait(false))
                await SafeFile.WriteAsync(full, response.Content, null, overwrite, Api.Transport.Timeout, "GET", Api.Transport.Flavor.PathOf(request.Endpoint), cancellationToken).ConfigureAwait(false);
            return new FileInfo(full);
        }
    }
}
