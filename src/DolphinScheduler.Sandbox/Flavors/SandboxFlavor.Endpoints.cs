using System.Text.RegularExpressions;
using DolphinScheduler.Sandbox.Contract;
using DolphinScheduler.Sandbox.Envelope;

namespace DolphinScheduler.Sandbox.Flavors;

public sealed partial class SandboxFlavor
{
    // README §0 item 3: both absent from the 3.4.1 contract; "treat as not available on 3.4.x".
    private static readonly HashSet<string> AbsentFrom34 = new(StringComparer.Ordinal)
    {
        "POST /projects/{projectCode}/workflow-definition/batch-export",
        "POST /projects/{projectCode}/workflow-definition/import",
    };

    // 3.2.2 wire names of parameters renamed in 3.3 (README §1 "Other renames"); endpoint-specific entries first.
    private static readonly Dictionary<(string Path, string Name), string> ParamRenames32ByEndpoint = new()
    {
        [("/projects/{projectCode}/workflow-definition/verify-name", "workflowDefinitionCode")] = "code",
        [("/projects/{projectCode}/workflow-instances", "workflowDefinitionCode")] = "processDefineCode",
    };

    private static readonly Dictionary<string, string> ParamRenames32 = new(StringComparer.Ordinal)
    {
        ["workflowDefinitionCode"] = "processDefinitionCode",
        ["workflowDefinitionCodes"] = "processDefinitionCodes",
        ["workflowDefinitionName"] = "processDefinitionName",
        ["workflowInstanceId"] = "processInstanceId",
        ["workflowInstanceIds"] = "processInstanceIds",
        ["workflowInstanceName"] = "processInstanceName",
        ["workflowInstancePriority"] = "processInstancePriority",
    };

    /// <summary>The endpoint as this flavour serves it, or null when the flavour does not have it.</summary>
    public DsEndpoint? Resolve(ContractEntry entry)
    {
        if (!IsAvailable(entry))
            return null;

        var v32 = Is32 ? entry.V32 : null;
        var raw = Is32
            ? v32?.Params ?? entry.Params
            : entry.Params.Where(p => p.Removed is null).ToList(); // e.g. testFlag: absent from 3.4.1

        return new DsEndpoint
        {
            Entry = entry,
            Method = v32?.Method ?? entry.Method,
            Path = v32?.Path ?? entry.Path,
            Params = raw.Select(p => new DsParam(p.Name, HandlerName(entry, p.Name), p.In, p.Type, p.Required, p.Default, p.IsOptionalPrimitive)).ToList(),
            SuccessStatus = v32?.HttpStatusOnSuccess ?? entry.HttpStatusOnSuccess ?? 200,
            ErrorStatus = entry.ErrorOnUnexpectedException is { } name ? DsStatuses.Find(name) : ApiExceptionsMissingFromContract.GetValueOrDefault(entry.Key),
        };
    }

    /// <summary>This flavour's wire name of a parameter handlers know by its newest name.</summary>
    public string ParamName(string newestPath, string newestName)
    {
        if (!Is32)
            return newestName;
        return ParamRenames32ByEndpoint.GetValueOrDefault((newestPath, newestName))
            ?? ParamRenames32.GetValueOrDefault(newestName)
            ?? newestName;
    }

    private string HandlerName(ContractEntry entry, string wireName)
    {
        if (!Is32)
            return wireName;
        // A 3.2 wire name maps back to the newest name whose rename produces it on this endpoint.
        foreach (var p in entry.Params)
            if (p.Name != wireName && ParamName(entry.Path, p.Name) == wireName)
                return p.Name;
        return wireName;
    }

    private bool IsAvailable(ContractEntry entry)
    {
        if (!Is32 && AbsentFrom34.Contains(entry.Key))
            return false;
        if (ParseVersion(entry.Since) is { } since && Representative < since)
            return false;
        if (ParseVersion(entry.Removed) is { } removed && Representative >= removed)
            return false;
        return true;
    }

    private static Version? ParseVersion(string? text)
    {
        if (text is null)
            return null;
        var m = Regex.Match(text, @"^\s*(\d+)\.(\d+)(?:\.(\d+))?");
        return m.Success
            ? new Version(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : 0)
            : null;
    }
}
