param($Flavor, $BaseUri)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $expectedVersion = @{ '3.2' = 'V3_2'; '3.3' = 'V3_3'; '3.4' = 'V3_4' }[$Flavor]
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Connect-DsServer [$Flavor]" {
    It 'logs in with a credential, detects the server version and becomes the default' {
        $c = Connect-TestAdmin -BaseUri $BaseUri
        $c | Should -BeOfType DolphinScheduler.DsConnection
        $c.ServerVersion.ToString() | Should -Be $expectedVersion
        $c.UserName | Should -Be 'admin'
        $c.UserType | Should -Be 'ADMIN_USER'
        $c.AuthMethod.ToString() | Should -Be 'Password'
        $c.IsDefault | Should -BeTrue
        (Get-DsConnection) | Should -Be $c
    }

    It 'honours -ServerVersion without probing' {
        $c = Connect-DsServer -Uri $BaseUri -Credential (Get-AdminCredential) -ServerVersion $Flavor -NotDefault
        $c.ServerVersion.ToString() | Should -Be $expectedVersion
        $c.IsDefault | Should -BeFalse
    }

    It 'adds the context path when the URI has none' {
        $origin = ([uri]$BaseUri).GetLeftPart([UriPartial]::Authority)
        $c = Connect-DsServer -Uri $origin -Credential (Get-AdminCredential) -NotDefault
        $c.Uri.AbsolutePath | Should -Be '/dolphinscheduler'
    }

    It 'fails a wrong password as an authentication error with the DS code' {
        $bad = [pscredential]::new('admin', (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force))
        { Connect-DsServer -Uri $BaseUri -Credential $bad -NotDefault } | Should -Throw -ErrorId 'Ds10013,DolphinScheduler.PowerShell.Cmdlets.Connection.ConnectDsServerCommand'
        try { Connect-DsServer -Uri $BaseUri -Credential $bad -NotDefault } catch { $_.CategoryInfo.Category | Should -Be 'AuthenticationError' }
    }

    It 'fails an unknown token with one clear authentication error' {
        $err = $null
        try { Connect-DsServer -Uri $BaseUri -Token 'ffffffffffffffffffffffffffffffff' -NotDefault } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'DsHttp401,DolphinScheduler.PowerShell.Cmdlets.Connection.ConnectDsServerCommand'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err.Exception.Message | Should -Match 'token'
    }

    It 'rejects a URI that is not http(s) naming the parameter' {
        { Connect-DsServer -Uri 'ftp://example.test/x' -Token 'abc' } | Should -Throw -ErrorId 'DsInvalidArgument,DolphinScheduler.PowerShell.Cmdlets.Connection.ConnectDsServerCommand'
    }

    It 'connects with a token given as a DsToken, a SecureString or a string' {
        $admin = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30) -Connection $admin
        $plain = [System.Net.NetworkCredential]::new('', $token.Token).Password
        foreach ($value in @($token, $token.Token, $plain)) {
            $c = Connect-DsServer -Uri $BaseUri -Token $value -NotDefault
            $c.AuthMethod.ToString() | Should -Be 'Token'
            $c.UserName | Should -Be 'admin'
            $c.TokenExpireTime | Should -Not -BeNullOrEmpty
        }
    }

    It 'warns when the token expires within 7 days' {
        $admin = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 2) -Connection $admin
        $null = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault -WarningVariable warnings -WarningAction SilentlyContinue
        ($warnings -join ' ') | Should -Match 'expires'
    }

    It 'never writes the token or password to verbose, debug, warning or error output' {
        $admin = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30) -Connection $admin
        $plain = [System.Net.NetworkCredential]::new('', $token.Token).Password
        $output = & {
            $c = Connect-DsServer -Uri $BaseUri -Token $plain -NotDefault -Verbose -Debug
            Get-DsProject -Connection $c -Verbose -Debug
            Get-DsProject -Name 'no-such-project-x' -Connection $c -Verbose -Debug -ErrorAction Continue
            $c | Format-List * | Out-String
            $token | Format-List * | Out-String
            "$token"
            Connect-DsServer -Uri $BaseUri -Credential (Get-AdminCredential) -NotDefault -Verbose -Debug | Out-String
        } *>&1 | Out-String
        $output | Should -Not -Match $plain
        $output | Should -Not -Match 'dolphinscheduler123'
    }
}

Describe "Get-DsConnection and Disconnect-DsServer [$Flavor]" {
    It 'lists every open connection with -All and removes one on disconnect' {
        $a = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        (Get-DsConnection -All) | Should -Contain $a
        Disconnect-DsServer -Connection $a
        (Get-DsConnection -All) | Should -Not -Contain $a
    }

    It 'signs a password session out on the server' {
        $a = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        $sessionRequestsBefore = @(Get-SandboxRecord -BaseUri $BaseUri -Kind requests | Where-Object { $_.path -like '*/signOut' }).Count
        Disconnect-DsServer -Connection $a
        @(Get-SandboxRecord -BaseUri $BaseUri -Kind requests | Where-Object { $_.path -like '*/signOut' }).Count | Should -Be ($sessionRequestsBefore + 1)
    }
}

Describe "Invoke-DsApi [$Flavor]" {
    BeforeAll { $admin = Connect-TestAdmin -BaseUri $BaseUri -NotDefault }

    It 'returns the data of any endpoint as objects' {
        $me = Invoke-DsApi -Path /users/get-user-info -Connection $admin
        $me.userName | Should -Be 'admin'
    }

    It 'turns a DS error into an error record with the DS code' {
        { Invoke-DsApi -Method GET -Path /projects/1 -Connection $admin -ErrorAction Stop } | Should -Throw -ErrorId 'Ds*,DolphinScheduler.PowerShell.Cmdlets.Connection.InvokeDsApiCommand'
    }

    It 'sends nothing with -WhatIf' {
        $sent = Measure-SandboxRequest -BaseUri $BaseUri { Invoke-DsApi -Method POST -Path /projects -Parameter @{ projectName = (New-TestName p) } -Connection $admin -WhatIf }
        @($sent).Count | Should -Be 0
    }
}
