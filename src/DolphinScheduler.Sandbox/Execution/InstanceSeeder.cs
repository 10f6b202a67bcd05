using DolphinScheduler.Sandbox.Flavors;
using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Execution;

/// <summary>
/// Benchmark data: a project, an online one-task SHELL workflow and N finished workflow instances with realistic
/// fields (mixed final states, start times over the last 30 days, durations from 1 s to 2 h) that never ran (no task
/// instances, no logs). Deterministic per count; 10 000 rows take a few milliseconds.
/// </summary>
public static class InstanceSeeder
{
    public sealed record SeedResult(long ProjectCode, string ProjectName, long WorkflowDefinitionCode, int FirstInstanceId, int LastInstanceId, int Instances);

    /// <summary>Seeds under <see cref="SandboxStore.Gate"/>; an existing project of that name is reused.</summary>
    public static SeedResult Seed(SandboxStore s, SandboxFlavor flavor, ExecutionOptions options, int count, string? projectName)
    {
        lock (s.Gate)
        {
            var now = s.Now;
            var admin = s.Users.Find(1) ?? s.Users.All.First();
            projectName = string.IsNullOrWhiteSpace(projectName) ? "sandbox-seed" : projectName;
            var project = s.Projects.All.FirstOrDefault(p => p.Name == projectName)
                ?? s.Projects.Insert(new ProjectRow
                {
                    Name = projectName, Code = s.Codes.Next(), Description = "seeded by the sandbox", UserId = admin.Id, CreateTime = now, UpdateTime = now,
                });

            var definitionName = "seed-workflow";
            var definition = s.WorkflowDefinitions.All.FirstOrDefault(d => d.ProjectCode == project.Code && d.Name == definitionName)
                ?? CreateDefinition(s, project, admin, definitionName, now);

            var random = new Random(count);
            WorkflowExecutionStatus[] states =
            [
                WorkflowExecutionStatus.SUCCESS, WorkflowExecutionStatus.SUCCESS, WorkflowExecutionStatus.SUCCESS, WorkflowExecutionStatus.SUCCESS,
                WorkflowExecutionStatus.SUCCESS, WorkflowExecutionStatus.SUCCESS, WorkflowExecutionStatus.SUCCESS,
                WorkflowExecutionStatus.FAILURE, WorkflowExecutionStatus.FAILURE, WorkflowExecutionStatus.STOP, WorkflowExecutionStatus.PAUSE,
            ];
            var first = 0;
            var last = 0;
            var windowStart = now.AddDays(-30);
            for (var i = 0; i < count; i++)
            {
                var start = windowStart.AddSeconds(Math.Floor(30.0 * 86400 * i / Math.Max(1, count)) + random.Next(0, 60));
                var end = start.AddSeconds(random.Next(1, 7200));
                if (end > now)
                    end = now;
                var state = states[random.Next(states.Length)];
                var commandType = i % 10 == 9 ? "SCHEDULER" : "START_PROCESS";
                var row = new WorkflowInstanceRow
                {
                    WorkflowDefinitionCode = definition.Code,
                    WorkflowDefinitionVersion = definition.Version,
                    ProjectCode = project.Code,
                    State = state,
                    StartTime = start,
                    EndTime = end,
                    RestartTime = start,
                    RunTimes = 1,
                    Name = flavor.InstanceName(definition.Name, definition.Version, start.AddMilliseconds(i % 1000)),
                    Host = options.MasterHost,
                    CommandType = commandType,
                    CommandParam = "{}",
                    TaskDependType = "TASK_POST",
                    FailureStrategy = "CONTINUE",
                    WarningType = "NONE",
                    ScheduleTime = commandType == "SCHEDULER" ? start.Date.AddHours(start.Hour) : null,
                    CommandStartTime = start,
                    GlobalParams = definition.GlobalParams,
                    ExecutorId = admin.Id,
                    ExecutorName = admin.UserName,
                    TenantCode = "default",
                    WorkflowInstancePriority = "MEDIUM",
                    WorkerGroup = "default",
                    EnvironmentCode = -1,
                    Seeded = true,
                };
                row.AddHistoryCmd(commandType);
                row.StateHistory.Add(new StateDesc(start, WorkflowExecutionStatus.RUNNING_EXECUTION, flavor.SeededHistoryDesc(commandType)));
                if (flavor.HistoryRecordsFinalStates)
                    row.StateHistory.Add(new StateDesc(end, state, "update by workflow executor"));
                s.WorkflowInstances.Insert(row);
                if (i == 0)
                    first = row.Id;
                last = row.Id;
            }
            return new SeedResult(project.Code, project.Name, definition.Code, first, last, count);
        }
    }

    private static WorkflowDefinitionRow CreateDefinition(SandboxStore s, ProjectRow project, UserRow admin, string name, DateTime now)
    {
        var taskCode = s.Codes.Next();
        var task = new TaskDefinitionRow
        {
            Code = taskCode,
            Name = "seed-task",
            Version = 1,
            Description = "",
            ProjectCode = project.Code,
            UserId = admin.Id,
            TaskType = "SHELL",
            TaskParams = "{\"localParams\":[],\"rawScript\":\"echo seeded\",\"resourceList\":[]}",
            Flag = Flag.YES,
            IsCache = Flag.NO,
            TaskPriority = Priority.MEDIUM,
            WorkerGroup = "default",
            EnvironmentCode = -1,
            FailRetryInterval = 1,
            TimeoutFlag = TimeoutFlag.CLOSE,
            CreateTime = now,
            UpdateTime = now,
            CpuQuota = -1,
            MemoryMax = -1,
            TaskExecuteType = TaskExecuteType.BATCH,
        };
        s.TaskDefinitions.Insert(task);
        var taskLog = new TaskDefinitionLogRow { Operator = admin.Id, OperateTime = now };
        CopyTask(task, taskLog);
        s.TaskDefinitionLogs.Insert(taskLog);

        var definition = s.WorkflowDefinitions.Insert(new WorkflowDefinitionRow
        {
            Code = s.Codes.Next(),
            Name = name,
            Version = 1,
            ReleaseState = ReleaseState.ONLINE,
            ProjectCode = project.Code,
            Description = "seeded by the sandbox",
            GlobalParams = "[]",
            UserId = admin.Id,
            Locations = $"[{{\"taskCode\":{taskCode},\"x\":100,\"y\":100}}]",
            ExecutionType = WorkflowExecutionType.PARALLEL,
            CreateTime = now,
            UpdateTime = now,
        });
        s.WorkflowDefinitionLogs.Insert(WorkflowDefinitionLogRow.From(definition, admin.Id, now));
        var relation = new WorkflowTaskRelationRow
        {
            Name = "",
            WorkflowDefinitionVersion = 1,
            ProjectCode = project.Code,
            WorkflowDefinitionCode = definition.Code,
            PreTaskCode = 0,
            PreTaskVersion = 0,
            PostTaskCode = taskCode,
            PostTaskVersion = 1,
            ConditionType = ConditionType.NONE,
            ConditionParams = "{}",
            CreateTime = now,
            UpdateTime = now,
        };
        s.WorkflowTaskRelations.Insert(relation);
        s.WorkflowTaskRelationLogs.Insert(new WorkflowTaskRelationLogRow
        {
            Name = relation.Name, WorkflowDefinitionVersion = 1, ProjectCode = project.Code, WorkflowDefinitionCode = definition.Code,
            PreTaskCode = 0, PreTaskVersion = 0, PostTaskCode = taskCode, PostTaskVersion = 1, ConditionType = ConditionType.NONE,
            ConditionParams = "{}", CreateTime = now, UpdateTime = now, Operator = admin.Id, OperateTime = now,
        });
        return definition;
    }

    private static void CopyTask(TaskDefinitionRow from, TaskDefinitionLogRow to)
    {
        to.Code = from.Code; to.Name = from.Name; to.Version = from.Version; to.Description = from.Description; to.ProjectCode = from.ProjectCode;
        to.UserId = from.UserId; to.TaskType = from.TaskType; to.TaskParams = from.TaskParams; to.Flag = from.Flag; to.IsCache = from.IsCache;
        to.TaskPriority = from.TaskPriority; to.WorkerGroup = from.WorkerGroup; to.EnvironmentCode = from.EnvironmentCode;
        to.FailRetryTimes = from.FailRetryTimes; to.FailRetryInterval = from.FailRetryInterval; to.TimeoutFlag = from.TimeoutFlag;
        to.TimeoutNotifyStrategy = from.TimeoutNotifyStrategy; to.Timeout = from.Timeout; to.DelayTime = from.DelayTime;
        to.CreateTime = from.CreateTime; to.UpdateTime = from.UpdateTime; to.CpuQuota = from.CpuQuota; to.MemoryMax = from.MemoryMax;
        to.TaskExecuteType = from.TaskExecuteType;
    }
}
