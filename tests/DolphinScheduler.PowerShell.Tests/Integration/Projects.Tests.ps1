param($Flavor, $BaseUri)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $password = ConvertTo-SecureString 'Passw0rd!x' -AsPlainText -Force
    $cmd = 'DolphinScheduler.PowerShell.Cmdlets.Projects'
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Projects [$Flavor]" {
    It 'creates a project with a 64-bit code and reads it back by name and by code' {
        $name = New-TestName p
        $p = New-DsProject -Name $name -Description 'nightly'
        $p | Should -BeOfType DolphinScheduler.DsProject
        $p.Code | Should -BeGreaterThan ([int]::MaxValue)
        $p.Owner | Should -Be 'admin'
        (Get-DsProject -Name $name).Code | Should -Be $p.Code
        (Get-DsProject -Code $p.Code).Name | Should -Be $name
        ($p | Get-DsProject).Name | Should -Be $name
    }

    It 'remembers its connection' {
        $p = New-DsProject -Name (New-TestName p)
        $p.Connection | Should -Be $admin
    }

    It 'renames a project and changes its description' {
        $name = New-TestName p
        $p = New-DsProject -Name $name
        $u = $p | Set-DsProject -NewName "$name-r" -Description 'changed' -PassThru
        $u.Name | Should -Be "$name-r"
        $u.Description | Should -Be 'changed'
        $u.Code | Should -Be $p.Code
    }

    It 'reports a duplicate name as ResourceExists with code 10019 (an HTTP 201 with an error)' {
        $name = New-TestName p
        $null = New-DsProject -Name $name
        New-DsProject -Name $name -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "Ds10019,$cmd.NewDsProjectCommand"
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].Exception.HttpStatus | Should -Be 201
    }

    It 'reports unknown names and codes as ObjectNotFound' {
        Get-DsProject -Name 'no-such-project' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Remove-DsProject -Project 'no-such-project' -Force -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'streams with -First and -Skip' {
        $prefix = New-TestName pg
        1..5 | ForEach-Object { $null = New-DsProject -Name "$prefix-$_" }
        $all = @(Get-DsProject -Name "$prefix-*" -PageSize 2)
        $all.Count | Should -Be 5
        @(Get-DsProject -First 2 -PageSize 1).Count | Should -Be 2
        $skipped = @(Get-DsProject -Skip 1 -First 1 -PageSize 1)
        $skipped.Count | Should -Be 1
        $skipped[0].Code | Should -Be (@(Get-DsProject -First 2 -PageSize 1))[1].Code
    }

    It 'shows a progress bar over a listing longer than one page, and completes it' {
        1..3 | ForEach-Object { $null = New-DsProject -Name (New-TestName pp) }
        # A runspace of its own: its progress stream is collected instead of going to this host.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModulePath, $BaseUri)
                    Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1')
                    $cred = [pscredential]::new('admin', (ConvertTo-SecureString 'dolphinscheduler123' -AsPlainText -Force))
                    $null = Connect-DsServer -Uri $BaseUri -Credential $cred
                    Get-DsProject -PageSize 2
                }).AddArgument($env:DS_TEST_MODULE_PATH).AddArgument($BaseUri).Invoke()
            $records = @($ps.Streams.Progress)
        }
        finally { $ps.Dispose() }
        $records.Count | Should -BeGreaterThan 1
        $records[0].StatusDescription | Should -Match '^\d+ of \d+$'
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'removes a project; -WhatIf sends nothing' {
        $p = New-DsProject -Name (New-TestName p)
        $sent = Measure-SandboxRequest -BaseUri $BaseUri { $p | Remove-DsProject -WhatIf }
        @($sent | Where-Object method -eq 'DELETE').Count | Should -Be 0
        $p | Remove-DsProject -Force
        Get-DsProject -Code $p.Code -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe "Project grants [$Flavor]" {
    BeforeAll {
        $tenant = New-DsTenant -TenantCode (New-TestName t) -Queue default
        $userName = New-TestName u
        $user = New-DsUser -UserName $userName -Password $password -Tenant $tenant -Email "$userName@example.com"
        $asUser = Connect-DsServer -Uri $BaseUri -Credential ([pscredential]::new($userName, $password)) -NotDefault
    }

    It 'a user sees a project only after it is granted, and loses it on revoke' {
        $p = New-DsProject -Name (New-TestName p)
        @(Get-DsProject -Connection $asUser | ForEach-Object Code) | Should -Not -Contain $p.Code
        $p | Grant-DsProject -User $userName
        @(Get-DsProject -Connection $asUser | ForEach-Object Code) | Should -Contain $p.Code
        $p | Revoke-DsProject -User $user
        @(Get-DsProject -Connection $asUser | ForEach-Object Code) | Should -Not -Contain $p.Code
    }

    It 'a read-only grant gives read permission only' {
        $p = New-DsProject -Name (New-TestName p)
        $p | Grant-DsProject -User $userName -ReadOnly
        @(Get-DsProject -Connection $asUser | ForEach-Object Code) | Should -Contain $p.Code
        # DS's project list reports perm 7 to every general user (ProjectServiceImpl.queryProjectListPaging); the
        # authorized-level list shows the real grant.
        $levels = Invoke-DsApi -Path /projects/project-with-authorized-level-list-paging -Parameter @{ userId = $user.Id; pageNo = 1; pageSize = 100 }
        ($levels.totalList | Where-Object code -eq $p.Code).perm | Should -Be 2
    }

    It 'a full grant by an administrator raises an existing read-only grant, and -ReadOnly lowers it again' {
        $p = New-DsProject -Name (New-TestName p)
        $levelOf = { ((Invoke-DsApi -Path /projects/project-with-authorized-level-list-paging -Parameter @{ userId = $user.Id; pageNo = 1; pageSize = 100 }).totalList | Where-Object code -eq $p.Code).perm }
        $p | Grant-DsProject -User $userName -ReadOnly
        & $levelOf | Should -Be 2
        $p | Grant-DsProject -User $userName
        & $levelOf | Should -Be 7
        $p | Grant-DsProject -User $userName -ReadOnly
        & $levelOf | Should -Be 2
    }

    It 'a project owner who is not an administrator grants by user id or DsUser object; a user name is refused with the reason' {
        $ownerName = New-TestName o
        $owner = New-DsUser -UserName $ownerName -Password $password -Tenant $tenant -Email "$ownerName@example.com"
        $asOwner = Connect-DsServer -Uri $BaseUri -Credential ([pscredential]::new($ownerName, $password)) -NotDefault
        $p = New-DsProject -Name (New-TestName p) -Connection $asOwner
        # Only administrators may look users up, so an owner gives the grantee's id (or a DsUser object)...
        Grant-DsProject -Project $p -User ([int]$user.Id) -Connection $asOwner
        @(Get-DsProject -Connection $asUser | ForEach-Object Code) | Should -Contain $p.Code
        $other = New-DsProject -Name (New-TestName p) -Connection $asOwner
        Grant-DsProject -Project $other -User $user -Connection $asOwner
        @(Get-DsProject -Connection $asUser | ForEach-Object Code) | Should -Contain $other.Code
        # ...and a name is refused before anything is sent, saying why and what to give instead.
        $third = New-DsProject -Name (New-TestName p) -Connection $asOwner
        Grant-DsProject -Project $third -User $userName -Connection $asOwner -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DsInvalidArgument,*'
        $err[0].Exception.Message | Should -BeLike '*-User*not an administrator*id*'
        @(Get-DsProject -Connection $asUser | ForEach-Object Code) | Should -Not -Contain $third.Code
        # An unknown id is the server's USER_NOT_EXIST, not a silent success.
        Grant-DsProject -Project $third -User 999999 -Connection $asOwner -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $asOwner | Disconnect-DsServer
    }

    It 'New-DsProject | Grant-DsProject -PassThru emits the project' {
        $out = New-DsProject -Name (New-TestName p) | Grant-DsProject -User $user -PassThru
        $out | Should -BeOfType DolphinScheduler.DsProject
    }
}
