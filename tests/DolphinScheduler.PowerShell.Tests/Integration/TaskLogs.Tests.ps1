param($Flavor, $BaseUri)

# Get-DsTaskLog / Save-DsTaskLog against a sandbox that executes SHELL tasks (echo, sleep, for loops).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
    Import-DsTestModule
    $null = Connect-TestAdmin -BaseUri $BaseUri
    $final = @('SUCCESS', 'FAILURE', 'KILL', 'PAUSE', 'STOP', 'FORCED_SUCCESS')
    $project = New-DsProject -Name (New-TestName log)
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Task logs [$Flavor]" {
    It 'Get-DsTaskLog -Follow streams every line of a task that prints for several seconds once, in order, and returns when it ends' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{
                talk = 'for i in $(seq 1 25); do echo "tick $i"; sleep 0.2; done'
            })
        $run = $wf | Start-DsWorkflow
        $task = Wait-TestCondition -Because 'the task instance' { $run | Get-DsTaskInstance -Name talk | Select-Object -First 1 }
        $arrivals = [System.Collections.Generic.List[datetime]]::new()
        $lines = @($task | Get-DsTaskLog -Follow -PollIntervalSec 0.2 | ForEach-Object { $arrivals.Add((Get-Date)); $_ })
        $returned = Get-Date

        $ticks = @($lines | Where-Object { $_ -match 'tick (\d+)\s*$' } | ForEach-Object { [int]$Matches[1] })
        $ticks | Should -Be (1..25)                                  # every line once, in order
        (Get-DsTaskInstance -Instance $run -Name talk).State | Should -BeIn $final   # returned only when the task ended
        # Streamed while the task ran: the first line came well before the command returned.
        ($returned - $arrivals[0]).TotalSeconds | Should -BeGreaterThan 2
        $run | Wait-DsInstance -PollIntervalSec 0.2 -TimeoutSec 60 | Out-Null
    }

    It 'reads a finished log, its last lines with -Tail, and all of it as one string with -Raw' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ print = 'for i in $(seq 1 12); do echo "row $i"; done' })
        $run = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120
        $task = $run | Get-DsTaskInstance -Name print
        $all = @($task | Get-DsTaskLog)
        @($all | Where-Object { $_ -match 'row \d+\s*$' }).Count | Should -Be 12
        $tail = @($task | Get-DsTaskLog -Tail 3)
        $tail | Should -Be $all[-3..-1]
        $raw = $task | Get-DsTaskLog -Raw
        $raw | Should -BeOfType string
        $raw | Should -Be ($all -join "`n")
        # By id alone, too.
        @(Get-DsTaskLog -TaskInstance $task.Id).Count | Should -Be $all.Count
    }

    It 'Save-DsTaskLog writes the whole log to a file and emits it' {
        $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ print = 'echo saved-line' })
        $run = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120
        $dir = Join-Path ([IO.Path]::GetTempPath()) ('dslogs' + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        try {
            $file = $run | Get-DsTaskInstance | Save-DsTaskLog -Destination $dir
            $file | Should -BeOfType System.IO.FileInfo
            $file.DirectoryName | Should -Be (Get-Item $dir).FullName
            Get-Content $file.FullName -Raw | Should -Match 'saved-line'
            $again = $run | Get-DsTaskInstance | Save-DsTaskLog -Destination $dir -ErrorVariable err -ErrorAction SilentlyContinue
            $again | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            @(Get-ChildItem $dir -Force).Count | Should -Be 1          # no temporary file left behind
            ($run | Get-DsTaskInstance | Save-DsTaskLog -Destination $dir -Force).FullName | Should -Be $file.FullName
        }
        finally { Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
