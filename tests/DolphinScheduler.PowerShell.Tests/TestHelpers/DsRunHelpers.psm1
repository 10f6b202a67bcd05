# Helpers for the run-and-watch integration tests (Instances.Tests.ps1, TaskLogs.Tests.ps1). Workflows are created
# through Invoke-DsApi with each flavour's raw paths, so these tests depend only on the REST contract, not on the
# workflow cmdlets.
Set-StrictMode -Version Latest

function Get-DefinitionSegment([string] $Flavor) { if ($Flavor -eq '3.2') { 'process-definition' } else { 'workflow-definition' } }

function New-TestWorkflow {
    <# Creates and publishes a workflow of SHELL tasks: -Task @{ name = script } in order, each depending on the previous
       (or all roots with -Parallel). Returns an object with Code, ProjectCode and Name, as a DsWorkflow has. #>
    param(
        [Parameter(Mandatory)] [string] $Flavor,
        [Parameter(Mandatory)] [long] $ProjectCode,
        [Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Task,
        [string] $Name = ('wf' + [guid]::NewGuid().ToString('N').Substring(0, 8)),
        [switch] $Parallel
    )
    $seg = Get-DefinitionSegment $Flavor
    $codes = @(Invoke-DsApi -Method GET -Path "/projects/$ProjectCode/task-definition/gen-task-codes" -Parameter @{ genNum = $Task.Count })
    $defs = [System.Collections.Generic.List[object]]::new()
    $rels = [System.Collections.Generic.List[object]]::new()
    $i = 0
    $previous = 0
    foreach ($entry in $Task.GetEnumerator()) {
        $code = [long]$codes[$i]
        $definition = [ordered]@{
            code = $code; version = 0; name = $entry.Key; description = ''; taskType = 'SHELL'
            taskParams = @{ localParams = @(); rawScript = $entry.Value; resourceList = @() }
            flag = 'YES'; taskPriority = 'MEDIUM'; workerGroup = 'default'; environmentCode = -1
            failRetryTimes = 0; failRetryInterval = 1; timeoutFlag = 'CLOSE'; timeoutNotifyStrategy = ''; timeout = 0
            delayTime = 0; taskGroupId = 0; taskGroupPriority = 0; cpuQuota = -1; memoryMax = -1; taskExecuteType = 'BATCH'
        }
        # 3.2.2 reads isCache on every task and fails with 10001 without it (docs/server-compatibility.md).
        if ($Flavor -eq '3.2') { $definition.isCache = 'NO' }
        $defs.Add($definition)
        $pre = if ($Parallel) { 0 } else { $previous }
        $rels.Add([ordered]@{ name = ''; preTaskCode = $pre; preTaskVersion = 0; postTaskCode = $code; postTaskVersion = 0; conditionType = 'NONE'; conditionParams = @{} })
        $previous = $code
        $i++
    }
    $created = Invoke-DsApi -Method POST -Path "/projects/$ProjectCode/$seg" -Parameter @{
        name               = $Name
        description        = 'run-and-watch test'
        executionType      = 'PARALLEL'
        globalParams       = '[]'
        locations          = '[]'
        timeout            = 0
        taskDefinitionJson = (ConvertTo-Json -InputObject $defs.ToArray() -Depth 10 -Compress)
        taskRelationJson   = (ConvertTo-Json -InputObject $rels.ToArray() -Depth 10 -Compress)
    }
    $code = [long]$created.code
    $null = Invoke-DsApi -Method POST -Path "/projects/$ProjectCode/$seg/$code/release" -Parameter @{ releaseState = 'ONLINE' }
    [pscustomobject]@{ Code = $code; ProjectCode = $ProjectCode; Name = $Name }
}

function Send-RawExecute {
    <# executors/execute straight through Invoke-DsApi (no state check by the module): DS's own answer. #>
    param([Parameter(Mandatory)] [string] $Flavor, [Parameter(Mandatory)] $Instance, [Parameter(Mandatory)] [string] $ExecuteType)
    $idName = if ($Flavor -eq '3.2') { 'processInstanceId' } else { 'workflowInstanceId' }
    Invoke-DsApi -Method POST -Path "/projects/$($Instance.ProjectCode)/executors/execute" -Parameter @{ $idName = $Instance.Id; executeType = $ExecuteType }
}

function Wait-TestCondition {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [double] $TimeoutSec = 60, [string] $Because = 'the condition')
    $deadline = (Get-Date).AddSeconds($TimeoutSec)
    while ((Get-Date) -lt $deadline) {
        $value = & $Condition
        if ($value) { return $value }
        Start-Sleep -Milliseconds 200
    }
    throw "Timed out after $TimeoutSec s waiting for $Because."
}

Export-ModuleMember -Function New-TestWorkflow, Send-RawExecute, Wait-TestCondition
