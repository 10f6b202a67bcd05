using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>Helpers shared by the workflow-instance, task-instance and log endpoints.</summary>
public static class InstanceQueries
{
    /// <summary>
    /// DateUtils.format2Duration: <c>Nd Nh Nm Ns</c> with zero parts left out (so <c>1m </c> keeps its trailing
    /// space), at least <c>1s</c>; null without a start or when start is after end. Dates are compared at DS's
    /// second precision.
    /// </summary>
    public static string? Duration(DateTime? start, DateTime? end, DateTime now)
    {
        if (start is not { } s)
            return null;
        var e = end ?? now;
        s = Truncate(s);
        e = Truncate(e);
        if (s > e)
            return null;
        var span = e - s;
        long days = span.Days, hours = span.Hours, minutes = span.Minutes, seconds = span.Seconds;
        if (days == 0 && hours == 0 && minutes == 0 && seconds == 0)
            seconds = 1;
        var sb = new StringBuilder();
        if (days > 0) sb.Append(days).Append("d ");
        if (hours > 0) sb.Append(hours).Append("h ");
        if (minutes > 0) sb.Append(minutes).Append("m ");
        if (seconds > 0) sb.Append(seconds).Append('s');
        return sb.ToString();
    }

    /// <summary>WorkflowUtils.getWorkflowInstanceDuration: finished → start..end, otherwise start..now.</summary>
    public static string? InstanceDuration(WorkflowInstanceRow w, DateTime now)
        => Duration(w.StartTime, w.State.IsFinished() ? w.EndTime : now, now);

    private static DateTime Truncate(DateTime d) => new(d.Ticks - d.Ticks % TimeSpan.TicksPerSecond, d.Kind);

    /// <summary>checkAndParseDateParameters: empty → null; unparsable → 10001 "startDate,endDate".</summary>
    public static DateTime? ParseDateFilter(string? text, UserRow user)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        return DsDates.Parse(text, user.TimeZone) ?? throw new DsServiceException(DsStatuses.RequestParamsNotValidError, "startDate,endDate");
    }

    /// <summary>
    /// <c>col like concat('%', v, '%')</c> after ParameterUtils.handleEscapes (line breaks, tabs and '|' become the
    /// single-character wildcard '_'; '%' is a wildcard too). Empty matches everything.
    /// </summary>
    public static bool Like(string? value, string? searchVal, bool handleEscapes = false)
    {
        if (string.IsNullOrEmpty(searchVal))
            return true;
        if (value is null)
            return false;
        if (handleEscapes)
            searchVal = Regex.Replace(searchVal.Replace("%", "////%", StringComparison.Ordinal), "[\n|\r\t]", "_");
        if (searchVal.IndexOfAny(['%', '_']) < 0)
            return value.Contains(searchVal, StringComparison.Ordinal);
        var pattern = new StringBuilder();
        foreach (var c in searchVal)
            pattern.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
        return Regex.IsMatch(value, pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>The project a row belongs to, by code (null when it was deleted).</summary>
    public static ProjectRow? Project(SandboxStore s, long projectCode) => ProjectAccess.ByCode(s, projectCode);

    /// <summary>Valid task instances (flag YES) of an instance, <c>order by start_time desc</c> (MySQL: NULLs last).</summary>
    public static List<TaskInstanceRow> ValidTasks(SandboxStore s, WorkflowInstanceRow w)
        => s.TaskInstances.All
            .Where(t => t.WorkflowInstanceId == w.Id && t.Flag == Flag.YES && t.TestFlag == w.TestFlag)
            .OrderByDescending(t => t.StartTime.HasValue)
            .ThenByDescending(t => t.StartTime)
            .ThenByDescending(t => t.Id)
            .ToList();

    /// <summary>Deletes an instance with its task instances, sub-instances (recursively) and log files.</summary>
    public static void DeleteInstance(SandboxStore s, WorkflowInstanceRow w)
    {
        foreach (var sub in s.WorkflowInstances.All.Where(x => x.ParentWorkflowInstanceId == w.Id).ToList())
            DeleteInstance(s, sub);
        var tasks = s.TaskInstances.All.Where(t => t.WorkflowInstanceId == w.Id).ToList();
        foreach (var t in tasks)
        {
            s.TaskInstances.Remove(t.Id);
            TryDeleteFile(t.LogPath);
        }
        s.WorkflowInstances.Remove(w.Id);
    }

    private static void TryDeleteFile(string? path)
    {
        if (string.IsNullOrEmpty(path))
            return;
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
