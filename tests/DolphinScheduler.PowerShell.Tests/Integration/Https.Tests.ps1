param($Flavor, $BaseUri)

# TLS certificate validation is on unless -SkipCertificateCheck: against a sandbox started with --https (a self-signed
# certificate nothing trusts) a connection fails with DsConnectionFailed naming TLS and the certificate, sending nothing;
# with the switch it works and warns, for that connection only.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsFaultHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../../tools/SandboxProcess.psm1') -Force
    Import-DsTestModule
    $secure = Start-DsSandbox -ServerVersion $Flavor -ExtraArguments @('--https')
    $httpsUri = $secure.BaseUri
    # The journal of the HTTPS sandbox is read with certificate checks off (it is the test's own server).
    function Get-SecureRequestCount { (Invoke-RestMethod -Uri "$(Get-SandboxOrigin $httpsUri)/_sandbox/requests/count" -SkipCertificateCheck).requests }
    $ns = 'DolphinScheduler.PowerShell.Cmdlets.Connection'
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
    $secure | Stop-DsSandbox
}

Describe "TLS validation [$Flavor]" {
    It 'the sandbox serves https' {
        $httpsUri | Should -Match '^https://'
    }

    It 'without -SkipCertificateCheck: DsConnectionFailed naming TLS and the certificate, at once, and nothing reaches the server' {
        $before = Get-SecureRequestCount
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = $null
        try { Connect-DsServer -Uri $httpsUri -Credential (Get-AdminCredential) -NotDefault } catch { $err = $_ }
        $watch.Stop()
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be "DsConnectionFailed,$ns.ConnectDsServerCommand"
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -Match 'TLS'
        $err.Exception.Message | Should -Match 'certificate'
        $err.Exception.Message | Should -Match 'SkipCertificateCheck'
        $err.Exception.Message | Should -Not -Match 'dolphinscheduler123'
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5 -Because 'a certificate failure is not retried'
        Get-SecureRequestCount | Should -Be $before
    }

    It 'a token connection is refused the same way, and the token does not appear in the error' {
        $plain = 'abcdefabcdefabcdefabcdefabcdef12'
        $err = $null
        try { Connect-DsServer -Uri $httpsUri -Token $plain -NotDefault } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "DsConnectionFailed,$ns.ConnectDsServerCommand"
        ($err | Out-String) + $err.Exception.ToString() | Should -Not -Match $plain
    }

    It 'with -SkipCertificateCheck: connects, warns that validation is off, and works' {
        $c = Connect-DsServer -Uri $httpsUri -Credential (Get-AdminCredential) -NotDefault -SkipCertificateCheck -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match 'TLS certificate validation is off'
        $c.Uri.Scheme | Should -Be 'https'
        $c.ServerVersion.ToString() | Should -Be $(if ($Flavor -eq '3.2') { 'V3_2' } else { 'V3_4' })
        (Get-DsUser -Current -Connection $c).UserName | Should -Be 'admin'
        $p = New-DsProject -Name (New-TestName tls) -Connection $c
        (Get-DsProject -Code $p.Code -Connection $c).Name | Should -Be $p.Name
    }

    It 'skipping is per connection: a later connection without the switch is still checked' {
        $null = Connect-DsServer -Uri $httpsUri -Credential (Get-AdminCredential) -NotDefault -SkipCertificateCheck -WarningAction SilentlyContinue
        { Connect-DsServer -Uri $httpsUri -Credential (Get-AdminCredential) -NotDefault } | Should -Throw -ErrorId "DsConnectionFailed,$ns.ConnectDsServerCommand"
    }
}
