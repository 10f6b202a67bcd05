# Whether the sandbox serves an area's endpoints, for the resource, workflow and schedule integration tests.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'DsRunHelpers.psm1')

$script:AreaEndpoints = @{
    Resources = @('/resources/base-dir', '/resources', '/resources/directory', '/resources/download')
    Workflows = @('/resources/base-dir', '/projects/{projectCode}/task-definition/gen-task-codes', '/projects/{projectCode}/workflow-definition',
        '/projects/{projectCode}/workflow-definition/{code}', '/projects/{projectCode}/workflow-definition/query-by-name',
        '/projects/{projectCode}/workflow-definition/{code}/release', '/projects/{projectCode}/schedules')
    Schedules = @('/projects/{projectCode}/task-definition/gen-task-codes', '/projects/{projectCode}/workflow-definition',
        '/projects/{projectCode}/workflow-definition/{code}/release', '/projects/{projectCode}/schedules', '/projects/{projectCode}/schedules/{id}',
        '/projects/{projectCode}/schedules/{id}/online', '/projects/{projectCode}/schedules/{id}/offline')
}

function Test-AreaImplemented {
    <# True when the sandbox source registers every endpoint the area's tests use (asking an unimplemented endpoint would
       be a contract violation), or when DS_TEST_ALL_ENDPOINTS=1 (a real DolphinScheduler, or another DS-compatible server). #>
    param([Parameter(Mandatory)] [ValidateSet('Resources', 'Workflows', 'Schedules')] [string] $Area)
    if ($env:DS_TEST_ALL_ENDPOINTS -eq '1') { return $true }
    Test-SandboxImplements -Template $script:AreaEndpoints[$Area]
}

Export-ModuleMember -Function Test-AreaImplemented
