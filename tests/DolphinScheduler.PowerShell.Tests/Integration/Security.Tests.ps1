param($Flavor, $BaseUri)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $password = ConvertTo-SecureString 'Passw0rd!x' -AsPlainText -Force
    $cmd = 'DolphinScheduler.PowerShell.Cmdlets.Security'
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Queues [$Flavor]" {
    It 'creates, lists, renames and removes a queue' {
        $name = New-TestName q
        $q = New-DsQueue -Name $name -QueueValue "root.$name"
        $q | Should -BeOfType DolphinScheduler.DsQueue
        $q.QueueValue | Should -Be "root.$name"
        (Get-DsQueue -Name $name).Id | Should -Be $q.Id
        (Get-DsQueue -Name "$($name.Substring(0,5))*" | Where-Object Name -eq $name) | Should -Not -BeNullOrEmpty
        $renamed = $q | Set-DsQueue -NewName "$name-x" -PassThru
        $renamed.Name | Should -Be "$name-x"
        $renamed | Remove-DsQueue -Force
        Get-DsQueue -Name "$name-x" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reports a duplicate name as ResourceExists with the DS code' {
        $name = New-TestName q
        $null = New-DsQueue -Name $name -QueueValue "root.$name"
        $err = $null
        New-DsQueue -Name $name -QueueValue "root.other$name" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "Ds10130,$cmd.NewDsQueueCommand"
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].Exception.Code | Should -Be 10130
        $err[0].TargetObject | Should -Be $name
    }

    It 'reports an unknown name as ObjectNotFound and goes on with the next item' {
        $name = New-TestName q
        $null = New-DsQueue -Name $name -QueueValue "root.$name"
        $result = Get-DsQueue -Name 'no-such-queue', $name -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Name | Should -Be $name
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'no-such-queue'
    }

    It 'sends nothing with -WhatIf' {
        $sent = Measure-SandboxRequest -BaseUri $BaseUri { New-DsQueue -Name (New-TestName q) -QueueValue root.whatif -WhatIf }
        @($sent).Count | Should -Be 0
    }
}

Describe "Tenants [$Flavor]" {
    It 'creates a tenant on a queue given by name and reads it back' {
        $q = New-DsQueue -Name (New-TestName q) -QueueValue "root.$(New-TestName v)"
        $code = New-TestName t
        $t = New-DsTenant -TenantCode $code -Queue $q.Name -Description 'etl jobs'
        $t.TenantCode | Should -Be $code
        $t.QueueId | Should -Be $q.Id
        $got = Get-DsTenant -TenantCode $code
        $got.QueueName | Should -Be $q.Name
        $got.Description | Should -Be 'etl jobs'
    }

    It 'changes the queue and description' {
        $q1 = New-DsQueue -Name (New-TestName q) -QueueValue "root.$(New-TestName v)"
        $q2 = New-DsQueue -Name (New-TestName q) -QueueValue "root.$(New-TestName v)"
        $t = New-DsTenant -TenantCode (New-TestName t) -Queue $q1
        $updated = $t | Set-DsTenant -Queue $q2 -Description 'moved' -PassThru
        $updated.QueueId | Should -Be $q2.Id
        $updated.Description | Should -Be 'moved'
    }

    It 'reports a duplicate tenant code as ResourceExists (10009)' {
        $code = New-TestName t
        $null = New-DsTenant -TenantCode $code -Queue default
        New-DsTenant -TenantCode $code -Queue default -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "Ds10009,$cmd.NewDsTenantCommand"
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'reports an unknown queue as ObjectNotFound without creating anything' {
        $code = New-TestName t
        New-DsTenant -TenantCode $code -Queue 'no-such-queue' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-DsTenant -TenantCode $code -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes a tenant' {
        $t = New-DsTenant -TenantCode (New-TestName t) -Queue default
        Remove-DsTenant -Tenant $t.TenantCode -Force
        Get-DsTenant -TenantCode $t.TenantCode -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe "Users and tokens [$Flavor]" {
    BeforeAll {
        $tenant = New-DsTenant -TenantCode (New-TestName t) -Queue default
    }

    It 'creates a user in a tenant; the password never comes back' {
        $name = New-TestName u
        $u = New-DsUser -UserName $name -Password $password -Tenant $tenant -Email "$name@example.com"
        $u.UserName | Should -Be $name
        $u.TenantId | Should -Be $tenant.Id
        $u.UserType | Should -Be 'GENERAL_USER'
        $u.Enabled | Should -BeTrue
        $u.PSObject.Properties.Name | Should -Not -Contain 'UserPassword'
        (Get-DsUser -UserName $name).Email | Should -Be "$name@example.com"
    }

    It 'updates e-mail and disables and enables a user' {
        $name = New-TestName u
        $u = New-DsUser -UserName $name -Password $password -Tenant $tenant -Email "$name@example.com"
        $d = $u | Set-DsUser -Email "new$name@example.com" -Disabled -PassThru
        $d.Enabled | Should -BeFalse
        $d.Email | Should -Be "new$name@example.com"
        ($u | Set-DsUser -Disabled:$false -PassThru).Enabled | Should -BeTrue
    }

    It 'reports a duplicate user name as ResourceExists (10003)' {
        $name = New-TestName u
        $null = New-DsUser -UserName $name -Password $password -Tenant $tenant -Email "$name@example.com"
        New-DsUser -UserName $name -Password $password -Tenant $tenant -Email "$name@example.com" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "Ds10003,$cmd.NewDsUserCommand"
    }

    It 'creates a token the user can connect with, lists and removes it' {
        $name = New-TestName u
        $u = New-DsUser -UserName $name -Password $password -Tenant $tenant -Email "$name@example.com"
        $token = New-DsToken -User $u -ValidFor (New-TimeSpan -Days 30)
        $token.Token | Should -BeOfType System.Security.SecureString
        $token.UserId | Should -Be $u.Id
        "$token" | Should -Not -Match ([System.Net.NetworkCredential]::new('', $token.Token).Password)
        $asUser = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault
        $asUser.UserName | Should -Be $name
        (Get-DsToken -User $name).Id | Should -Contain $token.Id
        $token | Remove-DsToken -Force
        { Connect-DsServer -Uri $BaseUri -Token $token -NotDefault } | Should -Throw -ErrorId 'DsHttp401,*'
    }

    It 'refuses a token that would be dead on arrival, naming the parameter' {
        New-DsToken -User admin -ExpiresAt (Get-Date).AddDays(-1) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "DsInvalidArgument,$cmd.NewDsTokenCommand"
        $err[0].Exception.Message | Should -Match 'ExpiresAt'
    }

    It 'a general user may not manage queues: PermissionDenied with the DS code' {
        $name = New-TestName u
        $u = New-DsUser -UserName $name -Password $password -Tenant $tenant -Email "$name@example.com"
        $asUser = Connect-DsServer -Uri $BaseUri -Credential ([pscredential]::new($name, $password)) -NotDefault
        New-DsQueue -Name (New-TestName q) -QueueValue root.denied -Connection $asUser -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "Ds30001,$cmd.NewDsQueueCommand"
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }

    It 'removes a user' {
        $name = New-TestName u
        $null = New-DsUser -UserName $name -Password $password -Tenant $tenant -Email "$name@example.com"
        Remove-DsUser -User $name -Force
        Get-DsUser -UserName $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
