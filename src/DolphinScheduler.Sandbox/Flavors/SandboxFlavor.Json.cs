using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace DolphinScheduler.Sandbox.Flavors;

public sealed partial class SandboxFlavor
{
    // 3.2 JSON keys of fields renamed in 3.3 (README §1 "Other renames", §4 entity notes).
    private static readonly Dictionary<string, string> JsonRenames32 = new(StringComparer.Ordinal)
    {
        ["workflowDefinitionCode"] = "processDefinitionCode",
        ["workflowDefinitionVersion"] = "processDefinitionVersion",
        ["workflowDefinitionName"] = "processDefinitionName",
        ["workflowDefinition"] = "processDefinition",
        ["workflowTaskRelationList"] = "processTaskRelationList",
        ["workflowInstanceId"] = "processInstanceId",
        ["workflowInstanceName"] = "processInstanceName",
        ["workflowInstancePriority"] = "processInstancePriority",
        ["workflowInstanceState"] = "processInstanceState",
        ["nextWorkflowInstanceId"] = "nextProcessInstanceId",
        ["subWorkflowInstanceId"] = "subProcessInstanceId",
        ["isSubWorkflow"] = "isSubProcess",
    };

    // Where one entity used a different 3.2 key than the global rule (README §4 TaskInstance).
    private static readonly Dictionary<(string Entity, string Field), string> JsonRenames32ByEntity = new()
    {
        [("TaskInstance", "workflowDefinition")] = "processDefine",
        [("TaskInstance", "workflowInstance")] = "processInstance",
    };

    // Fields only one flavour has (README §4).
    private static readonly HashSet<(string Entity, string Field)> JsonOnly32 =
    [
        ("Project", "instRunningCount"),
        // ProcessInstance: boolean isBlocked (Jackson "blocked"); testFlag is gone from 3.4.1 (README §0 item 2).
        ("WorkflowInstance", "blocked"),
        ("WorkflowInstance", "testFlag"),
        // 3.2.2 TaskInstance fields and getter-only properties that 3.3+ dropped (README §4).
        ("TaskInstance", "isCache"),
        ("TaskInstance", "cacheKey"),
        ("TaskInstance", "dependency"),
        ("TaskInstance", "conditionsParameters"),
        ("TaskInstance", "switchDependency"),
        ("TaskInstance", "dependentResult"),
        ("TaskInstance", "testFlag"),
        ("TaskInstance", "conditionResult"),
        ("TaskInstance", "taskComplete"),
        ("TaskInstance", "subProcess"),
        ("TaskInstance", "dependTask"),
        ("TaskInstance", "dynamic"),
        ("TaskInstance", "conditionsTask"),
        ("TaskInstance", "switchTask"),
        ("TaskInstance", "blockingTask"),
        ("TaskInstance", "firstRun"),
        ("TaskDefinition", "isCache"),
        ("TaskDefinition", "dependence"),
    ];

    private static readonly HashSet<(string Entity, string Field)> JsonOnly34 =
    [
        // 3.3+ …/{id}/tasks items are TaskInstanceDependentDetails.
        ("TaskInstance", "taskInstanceDependentResult"),
    ];

    /// <summary>This flavour's key for a newest JSON key (for maps built by hand, e.g. <c>{workflowInstanceState: …}</c>).</summary>
    public string JsonName(string newestName, string? entity = null)
    {
        if (!Is32)
            return newestName;
        if (entity is not null && JsonRenames32ByEntity.TryGetValue((entity, newestName), out var byEntity))
            return byEntity;
        return JsonRenames32.GetValueOrDefault(newestName) ?? newestName;
    }

    /// <summary>Whether an entity's field exists in this flavour's JSON.</summary>
    public bool HasJsonField(string entity, string newestName)
        => Is32 ? !JsonOnly34.Contains((entity, newestName)) : !JsonOnly32.Contains((entity, newestName));

    /// <summary>System.Text.Json contract modifier: applies the two rules above to <see cref="DsEntityAttribute"/> types.</summary>
    internal void ApplyJsonNames(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
            return;
        var entity = typeInfo.Type.GetCustomAttribute<DsEntityAttribute>()?.Name;
        if (entity is null)
            return;
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (!HasJsonField(entity, property.Name))
                typeInfo.Properties.RemoveAt(i);
            else
                property.Name = JsonName(property.Name, entity);
        }
    }
}
