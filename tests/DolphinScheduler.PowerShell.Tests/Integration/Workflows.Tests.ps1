# Workflows as code against the sandbox (run once per flavour by Invoke-PesterSuite.ps1).
param($Flavor, $BaseUri)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $script:Connection = Connect-TestAdmin -BaseUri $BaseUri
    $script:Project = New-DsProject -Name (New-TestName 'wf')
}

AfterAll {
    if ($script:Project) {
        Get-DsWorkflow -Project $script:Project -ErrorAction SilentlyContinue | Where-Object ReleaseState -eq 'ONLINE' | Unpublish-DsWorkflow -ErrorAction SilentlyContinue
        Get-DsWorkflow -Project $script:Project -ErrorAction SilentlyContinue | Remove-DsWorkflow -Force -ErrorAction SilentlyContinue
        Remove-DsProject -Project $script:Project -Force -ErrorAction SilentlyContinue
    }
    Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Workflows on DS $Flavor" {
    Context 'round trip of each task type' {
        It 'creates a <Type> task and reads it back unchanged' -ForEach @(
            @{ Type = 'SHELL'; Script = 'echo ${dt}'; Parameter = @{ localParams = @{ dt = '${system.biz.date}' } }; Resource = @('/scripts/lib.sh'); Check = @{} }
            @{ Type = 'PYTHON'; Script = 'print("hi")'; Parameter = @{}; Resource = @(); Check = @{} }
            @{ Type = 'SQL'; Script = 'select 1'; Parameter = @{ type = 'MYSQL'; datasource = 1 }; Resource = @(); Check = @{ type = 'MYSQL'; datasource = 1; sqlType = 0 } }
            @{ Type = 'HTTP'; Script = $null; Parameter = @{ url = 'https://example.com/health'; httpMethod = 'POST' }; Resource = @(); Check = @{ url = 'https://example.com/health'; httpMethod = 'POST'; connectTimeout = 60000 } }
            @{ Type = 'FLINK'; Script = 'INSERT INTO s SELECT 1;'; Parameter = @{ parallelism = 3 }; Resource = @(); Check = @{ programType = 'SQL'; deployMode = 'cluster'; parallelism = 3 } }
            @{ Type = 'SPARK'; Script = $null; Parameter = @{ programType = 'JAVA'; mainJar = '/spark/app.jar'; mainClass = 'org.App' }; Resource = @(); Check = @{ programType = 'JAVA'; mainClass = 'org.App'; mainJar = '/spark/app.jar' } }
        ) {
            $name = New-TestName $Type.ToLowerInvariant()
            $taskArgs = @{ Name = "t-$Type"; Type = $Type; TaskParameter = $Parameter; RetryTimes = 2; TimeoutMinutes = 15; Description = 'd' }
            if ($Script) { $taskArgs.Script = $Script }
            if ($Resource.Count) { $taskArgs.Resource = $Resource }
            $task = New-DsTask @taskArgs
            $created = New-DsWorkflow -Project $script:Project -Name $name -Task $task -Description "round trip $Type"

            $created.GetType().FullName | Should -Be 'DolphinScheduler.DsWorkflow'
            $created.Code | Should -BeGreaterThan 0
            $created.ReleaseState | Should -Be 'OFFLINE'

            $read = Get-DsWorkflow -Project $script:Project -Name $name
            $read.Code | Should -Be $created.Code
            $read.Description | Should -Be "round trip $Type"
            $read.Tasks | Should -HaveCount 1
            $t = $read.Tasks[0]
            $t.GetType().FullName | Should -Be 'DolphinScheduler.DsTaskSpec'
            $t.Name | Should -Be "t-$Type"
            $t.Type | Should -Be $Type
            $t.Code | Should -BeGreaterThan 0
            $t.Script | Should -Be $Script
            $t.RetryTimes | Should -Be 2
            $t.TimeoutMinutes | Should -Be 15
            $t.Description | Should -Be 'd'
            ($t.Resource -join ",") | Should -Be ($Resource -join ",")
            foreach ($key in $Check.Keys) { $t.TaskParameter[$key] | Should -Be $Check[$key] -Because "taskParams.$key" }
        }
    }

    It 'creates a DAG, fills DependsOn from the relations and publishes it' {
        $tasks = @(
            New-DsTask -Name prepare -Script 'echo preparing'
            New-DsTask -Name left -Script 'echo l' -DependsOn prepare
            New-DsTask -Name right -Script 'echo r' -DependsOn prepare
            New-DsTask -Name join -Script 'echo j' -DependsOn left, right
        )
        $wf = $tasks | New-DsWorkflow -Project $script:Project.Name -Name (New-TestName 'dag') -GlobalParameter @{ bizdate = '${system.biz.date}' } -Publish
        $wf.ReleaseState | Should -Be 'ONLINE'
        $read = Get-DsWorkflow -Project $script:Project -Code $wf.Code
        $read.Tasks.Name | Should -Be @('prepare', 'left', 'right', 'join')
        ($read.Tasks | Where-Object Name -eq 'join').DependsOn | Sort-Object | Should -Be @('left', 'right')
        ($read.Tasks | Where-Object Name -eq 'prepare').DependsOn | Should -BeNullOrEmpty
        $read.GlobalParameter['bizdate'] | Should -Be '${system.biz.date}'
        $script:Online = $read
    }

    It 'sends no request at all for a bad DAG (<Case>)' -ForEach @(
        @{ Case = 'cycle'; Id = 'DsWorkflowCycle'; Tasks = { New-DsTask -Name a -Script x -DependsOn c; New-DsTask -Name b -Script x -DependsOn a; New-DsTask -Name c -Script x -DependsOn b } }
        @{ Case = 'duplicate'; Id = 'DsDuplicateTaskName'; Tasks = { New-DsTask -Name a -Script x; New-DsTask -Name A -Script y } }
        @{ Case = 'unknown dependency'; Id = 'DsUnknownDependency'; Tasks = { New-DsTask -Name a -Script x -DependsOn ghost } }
    ) {
        $tasks = @(& $Tasks)
        $script:caught = $null
        $sent = Measure-SandboxRequest -BaseUri $BaseUri -Action {
            try { New-DsWorkflow -Project $script:Project -Name (New-TestName 'bad') -Task $tasks -ErrorAction Stop } catch { $script:caught = $_ }
        }
        $script:caught | Should -Not -BeNullOrEmpty
        $script:caught.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $script:caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $sent | Should -BeNullOrEmpty
    }

    It 'names the cycle in the error' {
        $tasks = @(New-DsTask -Name a -Script x -DependsOn b; New-DsTask -Name b -Script x -DependsOn a)
        New-DsWorkflow -Project $script:Project -Name (New-TestName 'bad') -Task $tasks -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -BeLike "*'a' -> 'b' -> 'a'*"
    }

    It 'reports a duplicate workflow name with the server code (Ds10168)' {
        New-DsWorkflow -Project $script:Project -Name $script:Online.Name -Task (New-DsTask -Name a -Script x) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds10168,*'
    }

    It 'reports an unknown workflow (Ds50003) and lists by wildcard' {
        Get-DsWorkflow -Project $script:Project -Name 'no-such-workflow' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds50003,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Get-DsWorkflow -Project $script:Project -Name 'dag*').Name | Should -Contain $script:Online.Name
        ($script:Project | Get-DsWorkflow).Name | Should -Contain $script:Online.Name
    }

    It 'refuses to edit an ONLINE workflow (Ds50008) without changing it' {
        $wf = Get-DsWorkflow -Project $script:Project -Code $script:Online.Code
        $wf.Tasks[0].Script = 'echo changed'
        $wf | Set-DsWorkflow -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds50008,*'
        $err[0].Exception.Message | Should -BeLike '*-Republish*'
        $after = Get-DsWorkflow -Project $script:Project -Code $wf.Code
        $after.Tasks[0].Script | Should -Be 'echo preparing'
        $after.Version | Should -Be $wf.Version
        $after.ReleaseState | Should -Be 'ONLINE'
    }

    It 'updates an ONLINE workflow with -Republish, keeping task codes and adding new tasks' {
        $wf = Get-DsWorkflow -Project $script:Project -Code $script:Online.Code
        $codes = $wf.Tasks.Code
        $wf.Tasks[0].Script = 'echo v2'
        $wf.Tasks += New-DsTask -Name report -Script 'echo done' -DependsOn join
        $updated = $wf | Set-DsWorkflow -Republish -PassThru
        $updated.ReleaseState | Should -Be 'ONLINE'
        $updated.Version | Should -BeGreaterThan $wf.Version
        $updated.Tasks | Should -HaveCount 5
        ($updated.Tasks | Where-Object Name -eq 'prepare').Script | Should -Be 'echo v2'
        ($updated.Tasks | Where-Object Name -ne 'report').Code | Sort-Object | Should -Be ($codes | Sort-Object)
        ($updated.Tasks | Where-Object Name -eq 'report').DependsOn | Should -Be 'join'
    }

    It 'unpublishes and publishes with -PassThru, and edits an OFFLINE workflow by name' {
        (Unpublish-DsWorkflow -Project $script:Project -Workflow $script:Online.Name -PassThru).ReleaseState | Should -Be 'OFFLINE'
        Set-DsWorkflow -Project $script:Project -Workflow $script:Online.Name -Description 'offline edit'
        (Get-DsWorkflow -Project $script:Project -Code $script:Online.Code).Description | Should -Be 'offline edit'
        (Get-DsWorkflow -Project $script:Project -Code $script:Online.Code | Publish-DsWorkflow -PassThru).ReleaseState | Should -Be 'ONLINE'
    }

    It 'removes a workflow with -Force' {
        $wf = New-DsWorkflow -Project $script:Project -Name (New-TestName 'gone') -Task (New-DsTask -Name a -Script x)
        $wf | Remove-DsWorkflow -Force
        Get-DsWorkflow -Project $script:Project -Code $wf.Code -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
