param($Flavor, $BaseUri)

# Tab completion of names from the server (src/DolphinScheduler.PowerShell/Completion), through PowerShell's own
# TabExpansion2 as a console would ask.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri

    function Complete([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText
    }
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Argument completion [$Flavor]" {
    BeforeEach { [DolphinScheduler.PowerShell.Completion.DsCompleter]::ClearCache() }

    It 'completes project names for -Project and Get-DsProject -Name' {
        $prefix = New-TestName cmp
        $null = New-DsProject -Name "$prefix-one"
        $null = New-DsProject -Name "$prefix-two"
        @(Complete "Remove-DsProject -Project $prefix") | Should -Be @("$prefix-one", "$prefix-two")
        @(Complete "Get-DsProject -Name $prefix-t") | Should -Be @("$prefix-two")
    }

    It 'answers repeated completions from a short-lived cache, without requests' {
        $prefix = New-TestName cmq
        $null = New-DsQueue -Name "$prefix-q" -QueueValue "root.$prefix"
        @(Complete "Get-DsQueue -Name $prefix") | Should -Be @("$prefix-q")
        $sent = Measure-SandboxRequest -BaseUri $BaseUri { Complete "New-DsTenant -TenantCode x -Queue $prefix" }
        @($sent).Count | Should -Be 0
    }

    It 'completes tenants and users' {
        $tenant = New-DsTenant -TenantCode (New-TestName cmt) -Queue default
        $user = New-TestName cmu
        $null = New-DsUser -UserName $user -Password (ConvertTo-SecureString 'Passw0rd!' -AsPlainText -Force) -Tenant $tenant -Email "$user@example.com"
        @(Complete "Set-DsUser -User alice -Tenant $($tenant.TenantCode.Substring(0, 8))") | Should -Contain $tenant.TenantCode
        @(Complete "Grant-DsProject -Project x -User $($user.Substring(0, 8))") | Should -Contain $user
    }

    It 'completes workflows of the project bound to -Project, and worker groups' {
        $project = New-DsProject -Name (New-TestName cmw)
        $null = New-DsWorkflow -Project $project -Name 'nightly-load' -Task (New-DsTask -Name a -Type SHELL -Script 'echo a' -WorkerGroup default)
        @(Complete "Start-DsWorkflow -Project $($project.Name) -Workflow night") | Should -Be @('nightly-load')
        @(Complete "Start-DsWorkflow -Workflow night") | Should -BeNullOrEmpty -Because 'without a project there is nothing to complete from'
        @(Complete "Start-DsWorkflow -Project $($project.Name) -Workflow nightly-load -WorkerGroup de") | Should -Contain 'default'
    }

    It 'quotes names that need it' {
        $null = New-DsProject -Name 'cmp space name'
        @(Complete "Get-DsProject -Name cmp*space") | Should -Contain "'cmp space name'"
    }

    It 'completes nothing, without an error, when the server is unreachable' {
        $dead = Connect-DsServer -Uri $BaseUri -Credential (Get-AdminCredential) -NotDefault
        Disconnect-DsServer -Connection $dead
        { Complete "Get-DsProject -Connection `$dead -Name x" } | Should -Not -Throw
    }
}
