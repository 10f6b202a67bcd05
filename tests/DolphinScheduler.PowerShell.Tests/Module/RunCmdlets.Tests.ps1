# The public surface of the running-and-watching cmdlets (shared/cmdlet-surface.md), checked without a server:
# parameters, pipeline binding and aliases, confirmation levels, output types, views, and argument conversion.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    function Get-Param([string] $Command, [string] $Name) { (Get-Command $Command).Parameters[$Name] }
    function Get-CmdletAttribute([string] $Command) {
        (Get-Command $Command).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
    }
}

Describe 'Running and watching cmdlets' {
    It 'exports <_>' -TestCases @('Start-DsWorkflow', 'Get-DsInstance', 'Invoke-DsInstance', 'Stop-DsInstance', 'Suspend-DsInstance', 'Resume-DsInstance',
        'Restart-DsInstance', 'Wait-DsInstance', 'Remove-DsInstance', 'Get-DsTaskInstance', 'Get-DsTaskLog', 'Save-DsTaskLog') {
        Get-Command $_ -Module DolphinScheduler -CommandType Cmdlet | Should -Not -BeNullOrEmpty
    }

    It '<Command> -Instance binds from the pipeline by value and by Id/InstanceId' -TestCases @(
        @{ Command = 'Invoke-DsInstance' }, @{ Command = 'Stop-DsInstance' }, @{ Command = 'Suspend-DsInstance' }, @{ Command = 'Resume-DsInstance' },
        @{ Command = 'Restart-DsInstance' }, @{ Command = 'Wait-DsInstance' }, @{ Command = 'Remove-DsInstance' }, @{ Command = 'Get-DsTaskInstance' }) {
        $p = Get-Param $Command 'Instance'
        $p.Aliases | Should -Contain 'Id'
        $p.Aliases | Should -Contain 'InstanceId'
        $p.ParameterSets.Values[0].ValueFromPipeline | Should -BeTrue
        $p.ParameterSets.Values[0].ValueFromPipelineByPropertyName | Should -BeTrue
        (Get-Param $Command 'Project').Aliases | Should -Contain 'ProjectCode'
    }

    It 'Stop-DsInstance and Remove-DsInstance confirm at High and have -Force' {
        foreach ($c in 'Stop-DsInstance', 'Remove-DsInstance') {
            (Get-CmdletAttribute $c).ConfirmImpact | Should -Be 'High'
            (Get-CmdletAttribute $c).SupportsShouldProcess | Should -BeTrue
            Get-Param $c 'Force' | Should -Not -BeNullOrEmpty
        }
        foreach ($c in 'Invoke-DsInstance', 'Suspend-DsInstance', 'Resume-DsInstance', 'Restart-DsInstance', 'Start-DsWorkflow') {
            (Get-CmdletAttribute $c).SupportsShouldProcess | Should -BeTrue
        }
        (Get-Param 'Invoke-DsInstance' 'Force') | Should -Not -BeNullOrEmpty
    }

    It 'Invoke-DsInstance offers exactly the execute types DS accepts on an instance' {
        $set = (Get-Param 'Invoke-DsInstance' 'ExecuteType').Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $set.ValidValues | Sort-Object | Should -Be @('PAUSE', 'RECOVER_SUSPENDED_PROCESS', 'REPEAT_RUNNING', 'START_FAILURE_TASK_PROCESS', 'STOP')
    }

    It 'has the parameters of the surface' {
        foreach ($p in 'Workflow', 'Parameter', 'Tenant', 'WorkerGroup', 'FailureStrategy', 'DryRun', 'Wait') { Get-Param 'Start-DsWorkflow' $p | Should -Not -BeNullOrEmpty }
        foreach ($p in 'Project', 'Workflow', 'Id', 'State', 'StartedAfter', 'StartedBefore', 'Host', 'SearchText', 'First', 'Skip', 'PageSize') { Get-Param 'Get-DsInstance' $p | Should -Not -BeNullOrEmpty }
        foreach ($p in 'Wait', 'PassThru') { Get-Param 'Invoke-DsInstance' $p | Should -Not -BeNullOrEmpty }
        foreach ($p in 'TimeoutSec', 'PollIntervalSec') { Get-Param 'Wait-DsInstance' $p | Should -Not -BeNullOrEmpty }
        Get-Param 'Restart-DsInstance' 'FailedTasksOnly' | Should -Not -BeNullOrEmpty
        foreach ($p in 'Instance', 'State', 'Name') { Get-Param 'Get-DsTaskInstance' $p | Should -Not -BeNullOrEmpty }
        foreach ($p in 'TaskInstance', 'Tail', 'Follow', 'Raw') { Get-Param 'Get-DsTaskLog' $p | Should -Not -BeNullOrEmpty }
        foreach ($p in 'TaskInstance', 'Destination') { Get-Param 'Save-DsTaskLog' $p | Should -Not -BeNullOrEmpty }
        (Get-Param 'Get-DsTaskLog' 'TaskInstance').Aliases | Should -Contain 'TaskInstanceId'
    }

    It 'declares its output types' {
        # By name: the module's types live in its own load context.
        foreach ($c in 'Start-DsWorkflow', 'Get-DsInstance', 'Invoke-DsInstance', 'Wait-DsInstance') { (Get-Command $c).OutputType.Name | Should -Be 'DolphinScheduler.DsInstance' }
        (Get-Command Get-DsTaskInstance).OutputType.Name | Should -Be 'DolphinScheduler.DsTaskInstance'
        (Get-Command Get-DsTaskLog).OutputType.Name | Should -Be 'System.String'
        (Get-Command Save-DsTaskLog).OutputType.Name | Should -Be 'System.IO.FileInfo'
    }

    It 'has default table and list views for DsInstance and DsTaskInstance' {
        foreach ($t in 'DolphinScheduler.DsInstance', 'DolphinScheduler.DsTaskInstance') {
            $views = @(Get-FormatData -TypeName $t -PowerShellVersion $PSVersionTable.PSVersion)
            $kinds = @($views.FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name })
            $kinds | Should -Contain 'TableControl'
            $kinds | Should -Contain 'ListControl'
        }
    }

    It 'converts ids and names to instance and task-instance arguments' {
        ([DolphinScheduler.PowerShell.Arguments.InstanceArgument]42).Id | Should -Be 42
        ([DolphinScheduler.PowerShell.Arguments.InstanceArgument]'42').Id | Should -Be 42
        ([DolphinScheduler.PowerShell.Arguments.InstanceArgument]'nightly-1-20240501').Name | Should -Be 'nightly-1-20240501'
        ([DolphinScheduler.PowerShell.Arguments.TaskInstanceArgument]7).TaskInstanceId | Should -Be 7
        { [DolphinScheduler.PowerShell.Arguments.TaskInstanceArgument]'abc' } | Should -Throw
    }

    It 'needs a connection, and says so' {
        { Get-DsInstance -Project 1 -Connection $null -ErrorAction Stop } | Should -Throw
    }
}
