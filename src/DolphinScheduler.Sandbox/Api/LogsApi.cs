using System.Text;
using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Execution;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>
/// /log (README §6 "Logs"), LoggerServiceImpl + the worker's log service (research Q5): the header line at
/// skipLineNum 0, <c>\r\n</c> after each line, the 64 KB cut, <c>lineNum</c> as Java's <c>split("\r\n").length</c>.
/// Log files are read outside the store lock.
/// </summary>
public static class LogsApi
{
    public static IEndpointRouteBuilder MapLogs(this IEndpointRouteBuilder app)
    {
        app.MapDs("GET", "/log/detail", Detail);
        app.MapDs("GET", "/log/download-log", Download);
        app.MapDs("GET", "/log/{projectCode}/detail", ProjectDetail);
        app.MapDs("GET", "/log/{projectCode}/download-log", ProjectDownload);
        return app;
    }

    private sealed record LogSource(string? LogPath, string Host, int Id);

    // queryLog: 10008 unknown task, 10191 not dispatched (no host), then the task's project permission (thrown).
    private static Task<DsResult> Detail(DsRequest r)
    {
        LogSource source;
        lock (r.Store.Gate)
        {
            var task = r.Store.TaskInstances.Find(r.Int("taskInstanceId"));
            if (task is null)
                return Task.FromResult(DsResult.Error(DsStatuses.TaskInstanceNotFound));
            if (string.IsNullOrWhiteSpace(task.Host))
                return Task.FromResult(DsResult.Error(DsStatuses.TaskInstanceHostIsNull));
            ProjectAccess.CheckAuthorizedOrThrow(r.Store, r.User, task.ProjectCode);
            source = new LogSource(task.LogPath, task.Host, task.Id);
        }
        var message = Read(r, source, r.Int("skipLineNum"), r.Int("limit"));
        return Task.FromResult(DsResult.Ok(new ResponseTaskLogView(LogReader.JavaSplitCount(message), message)));
    }

    // queryLog(projectCode): permission first (thrown), 10008 for unknown/undispatched tasks or another project's task.
    private static Task<DsResult> ProjectDetail(DsRequest r)
    {
        LogSource source;
        lock (r.Store.Gate)
        {
            var projectCode = r.Long("projectCode");
            ProjectAccess.CheckAuthorizedOrThrow(r.Store, r.User, projectCode);
            var id = r.Int("taskInstanceId");
            var task = r.Store.TaskInstances.Find(id);
            if (task is null || string.IsNullOrWhiteSpace(task.Host))
                throw new DsServiceException(DsStatuses.TaskInstanceNotFound);
            if (r.Store.TaskDefinitions.All.FirstOrDefault(t => t.Code == task.TaskCode) is { } def && def.ProjectCode != projectCode)
                throw new DsServiceException(DsStatuses.TaskInstanceNotFound, id);
            source = new LogSource(task.LogPath, task.Host, task.Id);
        }
        return Task.FromResult(DsResult.Ok(Read(r, source, r.Int("skipLineNum"), r.Int("limit"))));
    }

    private static string Read(DsRequest r, LogSource source, int skipLineNum, int limit)
    {
        if (string.IsNullOrWhiteSpace(source.LogPath))
            throw new DsServiceException(DsStatuses.QueryTaskInstanceLogError, "TaskInstanceLogPath is empty, maybe the taskInstance doesn't be dispatched");
        var sb = new StringBuilder();
        if (skipLineNum == 0)
            sb.Append(r.Flavor.LogHeader(source.LogPath, source.Host));
        try
        {
            sb.Append(LogReader.ReadPage(source.LogPath, Math.Max(0, skipLineNum), Math.Max(0, limit)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DsServiceException(DsStatuses.QueryTaskInstanceLogError, $"The file path: {source.LogPath} not exists");
        }
        return sb.ToString();
    }

    // getLogBytes: unknown/undispatched → 10000 "task instance is null or host is null"; permission on the task's project.
    private static Task<DsResult> Download(DsRequest r)
    {
        LogSource source;
        lock (r.Store.Gate)
        {
            var task = r.Store.TaskInstances.Find(r.Int("taskInstanceId"));
            if (task is null || string.IsNullOrWhiteSpace(task.Host))
                throw new DsServiceException(DsStatuses.InternalServerErrorArgs, "task instance is null or host is null");
            ProjectAccess.CheckAuthorizedOrThrow(r.Store, r.User, task.ProjectCode);
            source = new LogSource(task.LogPath, task.Host, task.Id);
        }
        return Task.FromResult(Bytes(r, source));
    }

    private static Task<DsResult> ProjectDownload(DsRequest r)
    {
        LogSource source;
        lock (r.Store.Gate)
        {
            var projectCode = r.Long("projectCode");
            ProjectAccess.CheckAuthorizedOrThrow(r.Store, r.User, projectCode);
            var task = r.Store.TaskInstances.Find(r.Int("taskInstanceId"));
            if (task is null || string.IsNullOrWhiteSpace(task.Host))
                throw new DsServiceException(DsStatuses.InternalServerErrorArgs, "task instance is null or host is null");
            if (r.Store.TaskDefinitions.All.FirstOrDefault(t => t.Code == task.TaskCode) is { } def && def.ProjectCode != projectCode)
                throw new DsServiceException(DsStatuses.InternalServerErrorArgs, "task instance does not exist in project");
            source = new LogSource(task.LogPath, task.Host, task.Id);
        }
        return Task.FromResult(Bytes(r, source));
    }

    /// <summary>The header plus the whole file, as an attachment named after the current time in ms (DS).</summary>
    private static DsResult Bytes(DsRequest r, LogSource source)
    {
        byte[] body;
        try
        {
            body = LogReader.ReadAll(source.LogPath ?? throw new FileNotFoundException());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DsServiceException(DsStatuses.DownloadTaskInstanceLogFileError);
        }
        var head = Encoding.UTF8.GetBytes(r.Flavor.LogHeader(source.LogPath!, source.Host));
        var name = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ".log";
        return DsResult.RawResponse(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/octet-stream";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            context.Response.ContentLength = head.Length + body.Length;
            await context.Response.Body.WriteAsync(head);
            await context.Response.Body.WriteAsync(body);
        });
    }
}
