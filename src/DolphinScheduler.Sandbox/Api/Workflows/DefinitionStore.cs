using DolphinScheduler.Sandbox.State;

namespace DolphinScheduler.Sandbox.Api.Workflows;

/// <summary>
/// DS's <c>ProcessService.saveTaskDefine</c>, <c>saveWorkflowDefine</c> and <c>saveTaskRelation</c>: how a submitted
/// DAG becomes current rows plus version-log rows. Callers hold <see cref="SandboxStore.Gate"/>. Also used for
/// "save as the definition" paths of other areas (e.g. a workflow-instance update with syncDefine).
/// </summary>
public static class DefinitionStore
{
    /// <summary>
    /// saveTaskDefine: code 0 gets a fresh code, version 0 becomes 1; a (code, version) that is not stored is inserted
    /// as given; one that is stored and equal is left alone; one that is stored but differs becomes max version + 1.
    /// The submitted rows are updated in place (codes, versions, owner, times), as DS mutates its list.
    /// </summary>
    public static void SaveTasks(SandboxStore s, UserRow user, long projectCode, IReadOnlyList<TaskDefinitionLogRow> tasks, DateTime now)
    {
        foreach (var t in tasks)
        {
            t.ProjectCode = projectCode;
            t.UpdateTime = now;
            t.OperateTime = now;
            t.Operator = user.Id;
            if (t.Code == 0)
                t.Code = s.Codes.Next();
            if (t.Version == 0)
                t.Version = 1;

            var stored = WorkflowDags.TaskVersion(s, t.Code, t.Version);
            if (stored is null)
            {
                t.UserId = user.Id;
                t.CreateTime = now;
            }
            else if (t.SameDefinitionAs(stored))
            {
                continue;
            }
            else
            {
                t.UserId = stored.UserId;
                t.Version = s.TaskDefinitionLogs.All.Where(x => x.Code == t.Code).Max(x => x.Version) + 1;
                t.CreateTime = stored.CreateTime;
            }

            s.TaskDefinitionLogs.Insert(t.CopyLog());
            var current = s.TaskDefinitions.All.FirstOrDefault(x => x.Code == t.Code);
            var row = t.ToCurrent();
            if (current is not null)
            {
                row.Id = current.Id;
                s.TaskDefinitions.Remove(current.Id);
                s.TaskDefinitions.InsertWithId(row);
            }
            else
            {
                s.TaskDefinitions.Insert(row);
            }
        }
    }

    /// <summary>
    /// saveWorkflowDefine: logs the definition as version max + 1 (ONLINE only when it already was) and makes that the
    /// current row. Returns the saved version; the caller's object keeps its old version number, as in DS.
    /// </summary>
    public static int SaveDefinition(SandboxStore s, UserRow user, WorkflowDefinitionRow definition)
    {
        var max = s.WorkflowDefinitionLogs.All.Where(x => x.Code == definition.Code).Select(x => x.Version).DefaultIfEmpty(0).Max();
        var version = max == 0 ? 1 : max + 1;
        var log = WorkflowDefinitionLogRow.From(definition, user.Id, definition.UpdateTime);
        log.Version = version;
        log.ReleaseState = definition.ReleaseState == ReleaseState.ONLINE ? ReleaseState.ONLINE : ReleaseState.OFFLINE;
        s.WorkflowDefinitionLogs.Insert(log);

        var current = log.CopyDefinition();
        var existing = WorkflowDags.Definition(s, definition.Code);
        if (existing is null)
        {
            s.WorkflowDefinitions.Insert(current);
        }
        else
        {
            current.Id = existing.Id;
            s.WorkflowDefinitions.Remove(existing.Id);
            s.WorkflowDefinitions.InsertWithId(current);
        }
        definition.Id = current.Id;
        return version;
    }

    /// <summary>
    /// saveTaskRelation: stamps the edges with the workflow code/version and the saved task versions, replaces the
    /// current edges of the workflow and logs them under that version.
    /// </summary>
    public static void SaveRelations(SandboxStore s, UserRow user, long projectCode, long workflowCode, int version,
        IReadOnlyList<WorkflowTaskRelationLogRow> relations, IReadOnlyList<TaskDefinitionLogRow> tasks, DateTime now)
    {
        var byCode = tasks.GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.First());
        foreach (var r in relations)
        {
            r.ProjectCode = projectCode;
            r.WorkflowDefinitionCode = workflowCode;
            r.WorkflowDefinitionVersion = version;
            if (byCode.TryGetValue(r.PreTaskCode, out var pre))
                r.PreTaskVersion = pre.Version;
            if (byCode.TryGetValue(r.PostTaskCode, out var post))
                r.PostTaskVersion = post.Version;
            r.CreateTime = now;
            r.UpdateTime = now;
            r.Operator = user.Id;
            r.OperateTime = now;
        }
        s.WorkflowTaskRelations.RemoveWhere(x => x.WorkflowDefinitionCode == workflowCode);
        foreach (var r in relations)
        {
            s.WorkflowTaskRelations.Insert(r.ToCurrent());
            s.WorkflowTaskRelationLogs.Insert(r.CopyLog());
        }
    }

    /// <summary>processService.switchVersion: the definition takes the logged version's fields (OFFLINE, flag YES) and its edges.</summary>
    public static void SwitchVersion(SandboxStore s, WorkflowDefinitionRow current, WorkflowDefinitionLogRow log, DateTime now)
    {
        var row = log.CopyDefinition();
        row.Id = current.Id;
        row.ReleaseState = ReleaseState.OFFLINE;
        row.Flag = Flag.YES;
        s.WorkflowDefinitions.Remove(current.Id);
        s.WorkflowDefinitions.InsertWithId(row);
        s.WorkflowTaskRelations.RemoveWhere(x => x.WorkflowDefinitionCode == current.Code);
        foreach (var r in WorkflowDags.Relations(s, log.Code, log.Version))
        {
            var edge = r.ToCurrent();
            edge.UpdateTime = now;
            s.WorkflowTaskRelations.Insert(edge);
        }
    }

    /// <summary>Removes a definition with its tasks, edges and every logged version (deleteWorkflowDefinitionByCode).</summary>
    public static void Delete(SandboxStore s, WorkflowDefinitionRow d)
    {
        var taskCodes = s.WorkflowTaskRelationLogs.All.Where(r => r.WorkflowDefinitionCode == d.Code)
            .SelectMany(r => new[] { r.PreTaskCode, r.PostTaskCode }).Where(c => c != 0).ToHashSet();
        // Tasks still used by another workflow's edges stay.
        taskCodes.ExceptWith(s.WorkflowTaskRelations.All.Where(r => r.WorkflowDefinitionCode != d.Code)
            .SelectMany(r => new[] { r.PreTaskCode, r.PostTaskCode }));
        s.TaskDefinitions.RemoveWhere(t => taskCodes.Contains(t.Code));
        s.TaskDefinitionLogs.RemoveWhere(t => taskCodes.Contains(t.Code));
        s.WorkflowTaskRelations.RemoveWhere(r => r.WorkflowDefinitionCode == d.Code);
        s.WorkflowTaskRelationLogs.RemoveWhere(r => r.WorkflowDefinitionCode == d.Code);
        s.WorkflowDefinitionLogs.RemoveWhere(x => x.Code == d.Code);
        s.WorkflowDefinitions.Remove(d.Id);
    }
}
