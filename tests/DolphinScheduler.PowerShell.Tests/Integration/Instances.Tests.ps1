param($Flavor, $BaseUri)

# Running and watching: Start-DsWorkflow, Get-/Invoke-/Stop-/Suspend-/Resume-/Restart-/Wait-/Remove-DsInstance and
# Get-DsTaskInstance against a sandbox that executes SHELL tasks. The scripts use only echo, sleep, exit and a file
# test ([ -f path ]) so that fixing "the cause" of a failure is creating a file.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $ns = 'DolphinScheduler.PowerShell.Cmdlets.Instances'
    $final = if ($Flavor -eq '3.2') { @('SUCCESS', 'FAILURE', 'STOP', 'PAUSE', 'BLOCK') } else { @('SUCCESS', 'FAILURE', 'STOP', 'PAUSE') }
    $dsRefusal = if ($Flavor -eq '3.2') { 50015 } else { 10000 }   # docs/server-compatibility.md Q3
    $project = New-DsProject -Name (New-TestName run)
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Running workflows [$Flavor]" {
    It 'starts a workflow by name and emits its instance; -Wait ends in SUCCESS' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ extract = 'echo extract'; load = 'echo load' })
        $run = Start-DsWorkflow -Project $project -Workflow $wf.Name -Wait -PollIntervalSec 0.2 -TimeoutSec 120
        $run | Should -BeOfType DolphinScheduler.DsInstance
        $run.State | Should -Be 'SUCCESS'
        $run.WorkflowCode | Should -Be $wf.Code
        $run.ProjectCode | Should -Be $project.Code
        $run.Connection | Should -Be $admin
        $tasks = @($run | Get-DsTaskInstance)
        $tasks.Name | Sort-Object | Should -Be @('extract', 'load')
        $tasks.State | Should -Be @('SUCCESS', 'SUCCESS')
        $tasks[0].InstanceId | Should -Be $run.Id
    }

    It 'takes a workflow-like object (Code, ProjectCode) from the pipeline and emits every instance it started' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ a = 'echo a' })
        $started = @($wf | Start-DsWorkflow -Parameter @{ dt = '2024-05-01' })
        $started.Count | Should -Be 1
        $started[0].State | Should -Not -BeNullOrEmpty
        $done = $started | Wait-DsInstance -PollIntervalSec 0.2 -TimeoutSec 120
        $done.State | Should -Be 'SUCCESS'
    }

    It 'lists instances by workflow and state, newest first, lazily with -First' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ a = 'echo a' })
        1..3 | ForEach-Object { $null = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120 }
        $all = @(Get-DsInstance -Project $project -Workflow $wf.Name -PageSize 2)
        $all.Count | Should -Be 3
        @(Get-DsInstance -Project $project -Workflow $wf -State SUCCESS).Count | Should -Be 3
        @(Get-DsInstance -Project $project -Workflow $wf -State FAILURE).Count | Should -Be 0
        @(Get-DsInstance -Project $project -Workflow $wf -First 1).Id | Should -Be $all[0].Id
        @(Get-DsInstance -Project $project -Workflow $wf -StartedAfter (Get-Date).AddHours(-1)).Count | Should -Be 3
        @(Get-DsInstance -Project $project -Workflow $wf -StartedBefore (Get-Date).AddHours(-1)).Count | Should -Be 0
        (Get-DsInstance -Project $project -Id $all[1].Id).Id | Should -Be $all[1].Id
        ($all[2] | Get-DsInstance).Id | Should -Be $all[2].Id
    }

    It 'refuses a state that only the other server family has, saying so' {
        $other = if ($Flavor -eq '3.2') { 'FAILOVER' } else { 'BLOCK' }
        Get-DsInstance -Project $project -State $other -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -Match 'other server family'
    }

    It 'Get-DsInstance -State FAILURE | Invoke-DsInstance -ExecuteType START_FAILURE_TASK_PROCESS -Wait reruns only the failed tasks and ends in SUCCESS once the cause is fixed' {
        $flag = Join-Path ([IO.Path]::GetTempPath()) ("ds-fix-" + [guid]::NewGuid().ToString('N'))
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{
                prepare = 'echo prepared'
                check   = "if [ -f '$flag' ]; then echo fixed; else echo 'missing $flag'; exit 1; fi"
            })
        $failed = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorVariable waitErr -ErrorAction SilentlyContinue
        $failed.State | Should -Be 'FAILURE'
        $waitErr[0].FullyQualifiedErrorId | Should -BeLike 'DsInstanceNotSucceeded*'
        $before = @($failed | Get-DsTaskInstance)
        ($before | Where-Object Name -eq 'prepare').State | Should -Be 'SUCCESS'
        ($before | Where-Object Name -eq 'check').State | Should -Be 'FAILURE'

        New-Item -ItemType File -Path $flag | Out-Null
        try {
            $rerun = Get-DsInstance -Project $project -Workflow $wf -State FAILURE |
                Invoke-DsInstance -ExecuteType START_FAILURE_TASK_PROCESS -Wait -PollIntervalSec 0.2 -TimeoutSec 120
        }
        finally { Remove-Item $flag -ErrorAction SilentlyContinue }

        $rerun.Id | Should -Be $failed.Id
        $rerun.State | Should -Be 'SUCCESS'
        $rerun.RunTimes | Should -BeGreaterThan $failed.RunTimes
        $after = @($rerun | Get-DsTaskInstance)
        # The successful task kept its task instance; the failed one ran again as a new task instance.
        ($after | Where-Object Name -eq 'prepare').Id | Should -Be ($before | Where-Object Name -eq 'prepare').Id
        ($after | Where-Object Name -eq 'check').Id | Should -Not -Be ($before | Where-Object Name -eq 'check').Id
        ($after | Where-Object Name -eq 'check').State | Should -Be 'SUCCESS'
    }

    It 'Wait-DsInstance emits the instance and writes an error for an end other than SUCCESS, so -ErrorAction Stop fails' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ boom = 'echo boom; exit 3' })
        $run = $wf | Start-DsWorkflow
        $out = $run | Wait-DsInstance -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorVariable err -ErrorAction SilentlyContinue
        $out.State | Should -Be 'FAILURE'
        $err[0].FullyQualifiedErrorId | Should -Be "DsInstanceNotSucceeded,$ns.WaitDsInstanceCommand"
        $err[0].TargetObject.Id | Should -Be $run.Id
        { $run | Wait-DsInstance -PollIntervalSec 0.2 -ErrorAction Stop } | Should -Throw
    }

    It 'times out with an error, then Stop-DsInstance -Force -Wait stops the run' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ slow = 'sleep 60' })
        $run = $wf | Start-DsWorkflow
        $out = $run | Wait-DsInstance -TimeoutSec 1 -PollIntervalSec 0.2 -ErrorVariable err -ErrorAction SilentlyContinue
        $final -contains $out.State | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -Be "DsInstanceWaitTimeout,$ns.WaitDsInstanceCommand"
        Wait-TestCondition -Because 'RUNNING_EXECUTION' { (Get-DsInstance -Project $project -Id $run.Id).State -eq 'RUNNING_EXECUTION' } | Out-Null
        $stopped = $run | Stop-DsInstance -Force -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorAction SilentlyContinue
        $stopped.State | Should -Be 'STOP'
        (@($stopped | Get-DsTaskInstance)[0]).State | Should -Be 'KILL'
    }

    It 'supports -WhatIf and refuses a removal of a running instance with the reason' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ slow = 'sleep 30' })
        $run = $wf | Start-DsWorkflow
        $run | Stop-DsInstance -WhatIf
        Wait-TestCondition -Because 'RUNNING_EXECUTION' { (Get-DsInstance -Project $project -Id $run.Id).State -eq 'RUNNING_EXECUTION' } | Out-Null
        $run | Remove-DsInstance -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err[0].Exception.Message | Should -Match 'RUNNING_EXECUTION'
        $run | Stop-DsInstance -Force -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorAction SilentlyContinue | Out-Null
        $run | Remove-DsInstance -Force
        Get-DsInstance -Project $project -Id $run.Id -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'takes an instance by id with -Project, and an id without -Project is an argument error' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ a = 'echo a' })
        $run = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120
        (Restart-DsInstance -Instance $run.Id -Project $project.Name -Wait -PollIntervalSec 0.2 -TimeoutSec 120).RunTimes | Should -BeGreaterThan $run.RunTimes
        Restart-DsInstance -Instance $run.Id -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'Get-DsInstance without -Project lists the runs of every project newest first, and -First takes the newest overall' {
        $a = New-DsProject -Name (New-TestName runs)
        $b = New-DsProject -Name (New-TestName runs)
        $wfA = New-TestWorkflow -Flavor $Flavor -ProjectCode $a.Code -Task ([ordered]@{ a = 'echo a' })
        $wfB = New-TestWorkflow -Flavor $Flavor -ProjectCode $b.Code -Task ([ordered]@{ b = 'echo b' })
        Start-Sleep -Milliseconds 1100   # runs of earlier tests started in an earlier second than $since
        $since = Get-Date
        $order = foreach ($wf in $wfA, $wfB, $wfA) {
            ($wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120).Id
            Start-Sleep -Milliseconds 1100   # DS keeps start times to the second
        }
        [array]::Reverse($order)
        $listed = @(Get-DsInstance -StartedAfter $since -PageSize 1)
        $listed.Id | Should -Be $order
        $listed.ProjectCode | Should -Be @($a.Code, $b.Code, $a.Code)
        @(Get-DsInstance -StartedAfter $since -First 2).Id | Should -Be $order[0..1]
        @(Get-DsInstance -StartedAfter $since -Skip 1 -First 1).Id | Should -Be $order[1]
    }

    It 'Get-DsTaskInstance -Project alone lists the project''s task instances (no prompt for -Instance); -State and -Name filter them' {
        $own = New-DsProject -Name (New-TestName tasks)
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $own.Code -Task ([ordered]@{ fine = 'echo fine'; broken = 'exit 3' })
        $null = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorAction SilentlyContinue
        $run = Get-DsInstance -Project $own -First 1
        $all = @(Get-DsTaskInstance -Project $own.Name)
        $all.Name | Sort-Object | Should -Be @('broken', 'fine')
        $all.InstanceId | Sort-Object -Unique | Should -Be $run.Id
        $failed = @(Get-DsTaskInstance -Project $own -State FAILURE)
        $failed.Name | Should -Be 'broken'
        @(Get-DsTaskInstance -Project $own -Name fi*).Name | Should -Be 'fine'
        # An instance still selects the instance's tasks, given on the command line or piped in.
        @(Get-DsTaskInstance $run.Id -Project $own.Name).Count | Should -Be 2
        @([pscustomobject]@{ Id = $run.Id; ProjectCode = $own.Code } | Get-DsTaskInstance -State SUCCESS).Name | Should -Be 'fine'
    }
}

Describe "Execute types against every reachable state [$Flavor]" {
    BeforeAll {
        $slow = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ one = 'sleep 5'; two = 'echo two' })
        $fast = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ a = 'echo a' })
        $fail = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ a = 'exit 1' })
        function New-InState([string] $State) {
            switch ($State) {
                'SUCCESS' { return $fast | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120 }
                'FAILURE' { return $fail | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorAction SilentlyContinue }
                default {
                    $run = $slow | Start-DsWorkflow
                    $running = Wait-TestCondition -Because "instance $($run.Id) RUNNING_EXECUTION" { $i = $run | Get-DsInstance; if ($i.State -eq 'RUNNING_EXECUTION') { $i } }
                    if ($State -eq 'RUNNING_EXECUTION') { return $running }
                    $type = if ($State -eq 'PAUSE') { 'PAUSE' } else { 'STOP' }
                    return $running | Invoke-DsInstance -ExecuteType $type -Force -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorAction SilentlyContinue
                }
            }
        }
    }

    $cases = foreach ($state in 'RUNNING_EXECUTION', 'PAUSE', 'STOP', 'FAILURE', 'SUCCESS') {
        foreach ($type in 'REPEAT_RUNNING', 'START_FAILURE_TASK_PROCESS', 'RECOVER_SUSPENDED_PROCESS', 'PAUSE', 'STOP') {
            @{ State = $state; Type = $type }
        }
    }

    It '<Type> on a <State> instance either works or is refused with the reason, exactly when DS refuses it' -TestCases $cases {
        $instance = New-InState $State
        $instance.State | Should -Be $State
        $out = Invoke-DsInstance -Instance $instance -ExecuteType $Type -Force -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorVariable err -ErrorAction SilentlyContinue
        $refused = @($err | Where-Object { $_.Exception.GetType().Name -eq 'DsApiException' -and "$($_.Exception.Kind)" -eq 'InvalidState' })
        if ($refused.Count -eq 0) {
            # It worked: DS took the command and the instance (the new run, for reruns and recoveries) ended.
            @($err | Where-Object { $_.FullyQualifiedErrorId -notlike 'DsInstanceNotSucceeded*' }) | Should -BeNullOrEmpty
            $out.Id | Should -Be $instance.Id
            $final -contains $out.State | Should -BeTrue
        }
        else {
            $refused[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $refused[0].FullyQualifiedErrorId | Should -Be "DsInvalidState,$ns.InvokeDsInstanceCommand"
            $refused[0].Exception.Message | Should -Match $Type
            $refused[0].Exception.Message | Should -Match $State
            # DS itself refuses the same thing, with its own error.
            Send-RawExecute -Flavor $Flavor -Instance $instance -ExecuteType $Type -ErrorVariable raw -ErrorAction SilentlyContinue
            $raw.Count | Should -BeGreaterThan 0
            $raw[0].Exception.Code | Should -Be $dsRefusal
        }
        if ($final -notcontains ($instance | Get-DsInstance).State) {
            $instance | Stop-DsInstance -Force -Wait -PollIntervalSec 0.2 -TimeoutSec 120 -ErrorAction SilentlyContinue | Out-Null
        }
    }
}

Describe "Instance views [$Flavor]" {
    It 'colours the state where the host renders ANSI, and shows it plain otherwise' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ ok = 'echo ok' })
        $done = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 60
        $previous = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'Ansi'
            ($done | Format-Table | Out-String) | Should -Match ([regex]::Escape($PSStyle.Foreground.Green) + 'SUCCESS')
            $PSStyle.OutputRendering = 'PlainText'
            $plain = $done | Format-Table | Out-String
            $plain | Should -Not -Match "`e\["
            $plain | Should -Match 'SUCCESS'
        }
        finally { $PSStyle.OutputRendering = $previous }
    }
}
