# Schedules against the sandbox (run once per flavour by Invoke-PesterSuite.ps1).
param($Flavor, $BaseUri)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $script:Connection = Connect-TestAdmin -BaseUri $BaseUri
    $script:Project = New-DsProject -Name (New-TestName 'sch')
    $script:Workflow = New-DsWorkflow -Project $script:Project -Name (New-TestName 'nightly') -Task (New-DsTask -Name a -Script 'echo a') -Publish
}

AfterAll {
    if ($script:Project) {
        Get-DsSchedule -Project $script:Project -ErrorAction SilentlyContinue | Remove-DsSchedule -Force -ErrorAction SilentlyContinue
        Get-DsWorkflow -Project $script:Project -ErrorAction SilentlyContinue | Unpublish-DsWorkflow -ErrorAction SilentlyContinue
        Get-DsWorkflow -Project $script:Project -ErrorAction SilentlyContinue | Remove-DsWorkflow -Force -ErrorAction SilentlyContinue
        Remove-DsProject -Project $script:Project -Force -ErrorAction SilentlyContinue
    }
    Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Schedules on DS $Flavor" {
    It 'refuses an invalid cron naming -Cron, before sending anything (<Cron>)' -ForEach @(
        @{ Cron = '0 2 * * *' }
        @{ Cron = '0 0 2 * * *' }
        @{ Cron = '0 0 25 ? * *' }
    ) {
        $script:caught = $null
        $sent = Measure-SandboxRequest -BaseUri $BaseUri -Action {
            try { $script:Workflow | New-DsSchedule -Cron $Cron -ErrorAction Stop } catch { $script:caught = $_ }
        }
        $script:caught.Exception.Message | Should -BeLike "*parameter 'Cron'*"
        $sent | Should -BeNullOrEmpty
    }

    It 'creates a schedule (OFFLINE) with the given settings' {
        $start = [datetime]::new(2030, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
        $s = $script:Workflow | New-DsSchedule -Cron '0 0 2 * * ? *' -TimeZone 'Asia/Shanghai' -StartTime $start -EndTime $start.AddYears(5) -FailureStrategy END -Priority HIGH -WarningType FAILURE
        $s.GetType().FullName | Should -Be 'DolphinScheduler.DsSchedule'
        $s.Id | Should -BeGreaterThan 0
        $s.WorkflowCode | Should -Be $script:Workflow.Code
        $s.ProjectCode | Should -Be $script:Project.Code
        $s.Cron | Should -Be '0 0 2 * * ? *'
        $s.TimeZone | Should -Be 'Asia/Shanghai'
        $s.StartTime | Should -Be $start
        $s.EndTime | Should -Be $start.AddYears(5)
        $s.ReleaseState | Should -Be 'OFFLINE'
        $s.FailureStrategy | Should -Be 'END'
        $s.Priority | Should -Be 'HIGH'
        $script:Schedule = $s
    }

    It 'refuses a second schedule for the same workflow (Ds10204)' {
        $script:Workflow | New-DsSchedule -Cron '0 0 3 * * ?' -TimeZone UTC -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds10204,*'
    }

    It 'lists schedules of the project and of the workflow' {
        (Get-DsSchedule -Project $script:Project).Id | Should -Contain $script:Schedule.Id
        ($script:Workflow | Get-DsSchedule).Id | Should -Be $script:Schedule.Id
        (Get-DsSchedule -Project $script:Project.Name -Id $script:Schedule.Id).Cron | Should -Be '0 0 2 * * ? *'
    }

    It 'changes only what is given' {
        $updated = $script:Schedule | Set-DsSchedule -Cron '0 30 1 * * ?' -PassThru
        $updated.Cron | Should -Be '0 30 1 * * ?'
        $updated.TimeZone | Should -Be 'Asia/Shanghai'
        $updated.FailureStrategy | Should -Be 'END'
        $updated.Priority | Should -Be 'HIGH'
        $updated.WarningType | Should -Be 'FAILURE'
    }

    It 'enables and disables' {
        ($script:Schedule | Enable-DsSchedule -PassThru).ReleaseState | Should -Be 'ONLINE'
        (Get-DsSchedule -Project $script:Project -Id $script:Schedule.Id).IsEnabled | Should -BeTrue
        (Disable-DsSchedule -Project $script:Project -Id $script:Schedule.Id -PassThru).ReleaseState | Should -Be 'OFFLINE'
        ($script:Workflow | Enable-DsSchedule -PassThru).ReleaseState | Should -Be 'ONLINE'
    }

    It 'reports an unknown schedule id (Ds10203)' {
        Get-DsSchedule -Project $script:Project -Id 987654 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds10203,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'removes an ONLINE schedule with -Force (disabling it first)' {
        (Get-DsSchedule -Project $script:Project -Id $script:Schedule.Id).ReleaseState | Should -Be 'ONLINE'
        Get-DsSchedule -Project $script:Project -Id $script:Schedule.Id | Remove-DsSchedule -Force
        @(Get-DsSchedule -Project $script:Project) | Where-Object Id -eq $script:Schedule.Id | Should -BeNullOrEmpty
    }

    It 'refuses a schedule for an OFFLINE workflow with the server code (Ds50004)' {
        $offline = New-DsWorkflow -Project $script:Project -Name (New-TestName 'off') -Task (New-DsTask -Name a -Script x)
        $offline | New-DsSchedule -Cron '0 0 2 * * ?' -TimeZone UTC -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds50004,*'
    }
}
