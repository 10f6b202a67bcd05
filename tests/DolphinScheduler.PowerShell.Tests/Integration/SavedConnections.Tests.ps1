param($Flavor, $BaseUri)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $previousHome = $env:DOLPHINSCHEDULER_CONFIG_HOME
    $env:DOLPHINSCHEDULER_CONFIG_HOME = Join-Path ([IO.Path]::GetTempPath()) "ds-saved-$([guid]::NewGuid().ToString('N'))"
    $admin = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
    $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30) -Connection $admin
    $plain = [System.Net.NetworkCredential]::new('', $token.Token).Password
}

AfterAll {
    Remove-Item $env:DOLPHINSCHEDULER_CONFIG_HOME -Recurse -Force -ErrorAction SilentlyContinue
    $env:DOLPHINSCHEDULER_CONFIG_HOME = $previousHome
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Saved connections [$Flavor]" {
    It 'saves a URI and token and connects by name' {
        $saved = Save-DsConnection -Name nightly -Uri $BaseUri -Token $token -WarningAction SilentlyContinue
        $saved.Name | Should -Be 'nightly'
        $c = Connect-DsServer -Name nightly -NotDefault
        $c.UserName | Should -Be 'admin'
        $c.AuthMethod.ToString() | Should -Be 'Token'
        $c.Name | Should -Be 'nightly'
    }

    It 'lists saved connections without their tokens and never prints the token' {
        $null = Save-DsConnection -Name listed -Uri $BaseUri -Token $token -Force -WarningAction SilentlyContinue
        $out = Get-DsSavedConnection | Format-List * | Out-String
        $out | Should -Match 'listed'
        $out | Should -Not -Match $plain
        (Get-DsSavedConnection -Name 'list*').Name | Should -Be 'listed'
    }

    It 'keeps the file readable only by the current user on Unix' -Skip:$IsWindows {
        $null = Save-DsConnection -Name perms -Uri $BaseUri -Token $token -Force -WarningAction SilentlyContinue
        $file = (Get-DsSavedConnection -Name perms).Path
        (& stat -c '%a' $file) | Should -Be '600'
        (& stat -c '%a' (Split-Path $file)) | Should -Be '700'
    }

    It 'says plainly where the token is not encrypted' -Skip:$IsWindows {
        $null = Save-DsConnection -Name plain -Uri $BaseUri -Token $token -Force -WarningVariable w -WarningAction SilentlyContinue
        ($w -join ' ') | Should -Match 'unencrypted'
    }

    It 'refuses to overwrite without -Force and to connect to an unknown name' {
        $null = Save-DsConnection -Name twice -Uri $BaseUri -Token $token -Force -WarningAction SilentlyContinue
        Save-DsConnection -Name twice -Uri $BaseUri -Token $token -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'DsSavedConnectionExists,DolphinScheduler.PowerShell.Cmdlets.Connection.SaveDsConnectionCommand'
        { Connect-DsServer -Name no-such-saved -NotDefault } | Should -Throw -ErrorId 'DsSavedConnectionNotFound,*'
    }

    It 'removes a saved connection' {
        $null = Save-DsConnection -Name gone -Uri $BaseUri -Token $token -Force -WarningAction SilentlyContinue
        Remove-DsSavedConnection -Name gone -Force
        Get-DsSavedConnection -Name gone -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
