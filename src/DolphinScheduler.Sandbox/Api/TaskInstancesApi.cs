using DolphinScheduler.Sandbox.Api.Views;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;
using DolphinScheduler.Sandbox.Execution;
using DolphinScheduler.Sandbox.State;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>/projects/{projectCode}/task-instances (README §6 "Task instances"), TaskInstanceServiceImpl.</summary>
public static class TaskInstancesApi
{
    public static IEndpointRouteBuilder MapTaskInstances(this IEndpointRouteBuilder app)
    {
        app.MapDs("GET", "/projects/{projectCode}/task-instances", List);
        app.MapDs("POST", "/projects/{projectCode}/task-instances/{id}/force-success", ForceSuccess);
        app.MapDs("POST", "/projects/{projectCode}/task-instances/{id}/stop", Stop);
        app.MapDs("POST", "/projects/{projectCode}/task-instances/{id}/savepoint", Savepoint);
        return app;
    }

    private static ExecutionEngine Engine(DsRequest r) => r.Http.RequestServices.GetRequiredService<ExecutionEngine>();

    // queryTaskListPaging: every attempt (flag YES and NO), default taskExecuteType BATCH, order submit_time desc
    // (STREAM: start_time desc, filtered by processDefinitionName on the instance name), duration and executorName filled.
    private static DsResult List(DsRequest r)
    {
        var (pageNo, pageSize) = Paging.Read(r);
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var instanceId = r.IntOrNull("workflowInstanceId") ?? 0;
        var instanceName = r.Str("workflowInstanceName");
        var definitionName = r.Str("workflowDefinitionName");
        var search = r.Str("searchVal");
        var taskName = r.Str("taskName");
        var taskCode = r.LongOrNull("taskCode");
        var executor = r.Str("executorName");
        TaskExecutionStatus? state = r.Enum("stateType") is { } st ? Enum.Parse<TaskExecutionStatus>(st) : null;
        var host = r.Str("host");
        var executeType = r.Enum("taskExecuteType") ?? "BATCH";
        var start = InstanceQueries.ParseDateFilter(r.Str("startDate"), r.User);
        var end = InstanceQueries.ParseDateFilter(r.Str("endDate"), r.User);
        var stream = executeType == "STREAM";

        var query = s.TaskInstances.All.Where(t =>
                t.ProjectCode == projectCode
                && (start is null || t.StartTime >= start)
                && (end is null || t.StartTime <= end)
                && (stream || instanceId == 0 || t.WorkflowInstanceId == instanceId)
                && (string.IsNullOrEmpty(taskName) || t.Name == taskName)
                && (taskCode is null || t.TaskCode == taskCode)
                && (state is null || t.State == state)
                && t.TaskExecuteType == executeType
                && (string.IsNullOrEmpty(executor) || t.ExecutorName == executor))
            .Where(t => InstanceQueries.Like(t.Name, search, handleEscapes: true)
                && InstanceQueries.Like(t.Host, host)
                && (stream ? InstanceQueries.Like(t.WorkflowInstanceName, definitionName) : InstanceQueries.Like(t.WorkflowInstanceName, instanceName)));
        var ordered = stream
            ? query.OrderByDescending(t => t.StartTime.HasValue).ThenByDescending(t => t.StartTime).ThenByDescending(t => t.Id)
            : query.OrderByDescending(t => t.SubmitTime.HasValue).ThenByDescending(t => t.SubmitTime).ThenByDescending(t => t.Id);
        var page = PageInfo.Of(ordered.ToList(), pageNo, pageSize);
        var now = r.Now;
        var items = page.TotalList.Select(t =>
        {
            var v = TaskInstanceView.From(t, InstanceQueries.Duration(t.StartTime, t.EndTime, now));
            if (s.Users.Find(t.ExecutorId) is { } u)
                v.ExecutorName = u.UserName;
            return v;
        }).ToList();
        return DsResult.Ok(new PageInfo<TaskInstanceView> { TotalList = items, Total = page.Total, PageSize = page.PageSize, CurrentPage = page.CurrentPage });
    }

    // forceTaskSuccess: permission (throws), task (10008), same project (10000), workflow instance finished (10000),
    // task FAILURE/KILL (10166), then FORCED_SUCCESS. DS's "instance becomes SUCCESS" check runs after the task row
    // was updated, so it never finds the task among the failed ones and the instance keeps its state; the sandbox
    // does the same. START_FAILURE_TASK_PROCESS afterwards keeps the task and runs its successors.
    private static DsResult ForceSuccess(DsRequest r)
    {
        var s = r.Store;
        var projectCode = r.Long("projectCode");
        ProjectAccess.CheckAuthorizedOrThrow(s, r.User, projectCode);
        var id = r.Int("id");
        var task = s.TaskInstances.Find(id) ?? throw new DsServiceException(DsStatuses.TaskInstanceNotFound);
        if (task.ProjectCode != projectCode)
            throw new DsServiceException(DsStatuses.InternalServerErrorArgs, "The task instance is not under the project: " + projectCode);
        var w = s.WorkflowInstances.Find(task.WorkflowInstanceId)
            ?? throw new DsServiceException(DsStatuses.WorkflowInstanceNotExist, task.WorkflowInstanceId);
        if (!w.State.IsFinished())
            throw new DsServiceException(DsStatuses.InternalServerErrorArgs,
                "The workflow instance is not finished: " + r.Flavor.StateText(w.State) + " cannot force start task instance");
        if (task.State is not (TaskExecutionStatus.FAILURE or TaskExecutionStatus.KILL))
            throw new DsServiceException(DsStatuses.TaskInstanceStateOperationError, id, r.Flavor.StateText(task.State));
        task.State = TaskExecutionStatus.FORCED_SUCCESS;
        task.EndTime = r.Now;
        return DsResult.Ok();
    }

    // stopTask: project (returned 10190/30002), task (10008 returned), then a kill to the task's host. The sandbox
    // kills a running attempt (its workflow sees a KILL) or a stream task; otherwise nothing happens, as on DS.
    private static DsResult Stop(DsRequest r)
    {
        var s = r.Store;
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, r.Long("projectCode"), out _) is { } denied)
            return denied;
        var task = s.TaskInstances.Find(r.Int("id"));
        if (task is null)
            return DsResult.Error(DsStatuses.TaskInstanceNotFound);
        Engine(r).KillTask(task);
        return DsResult.Ok();
    }

    // taskSavePoint: project (returned), task (10008 returned), then an RPC to the worker; the sandbox logs it.
    private static DsResult Savepoint(DsRequest r)
    {
        var s = r.Store;
        if (ProjectAccess.CheckProjectAndAuth(s, r.User, r.Long("projectCode"), out _) is { } denied)
            return denied;
        var task = s.TaskInstances.Find(r.Int("id"));
        if (task is null)
            return DsResult.Error(DsStatuses.TaskInstanceNotFound);
        if (task.LogPath is { } path && File.Exists(path))
            new TaskLog(path, r.Flavor, s.Clock, r.Flavor.LogThread(task.Id)).Info("savepoint triggered (simulated by the sandbox)");
        return DsResult.Ok();
    }
}
