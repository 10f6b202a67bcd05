param($Flavor, $BaseUri)

# One connection shared by ForEach-Object -Parallel -ThrottleLimit 16 across hundreds of calls (reads and creates):
# every result is right, nothing fails, nothing is sent twice, and two connections used side by side never mix.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsFaultHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $module = Join-Path $env:DS_TEST_MODULE_PATH 'DolphinScheduler.psd1'
    $known = New-DsProject -Name (New-TestName cck)
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Concurrency [$Flavor]" {
    It '400 calls (300 reads, 100 creates) over one password connection, 16 at a time: all correct, no errors, one POST per create' {
        $prefix = New-TestName cc
        $o = Invoke-Observed -BaseUri $BaseUri -Action {
            1..400 | ForEach-Object -ThrottleLimit 16 -Parallel {
                Import-Module $using:module
                $c = $using:admin
                $i = $_
                try {
                    switch ($i % 4) {
                        0 { $p = New-DsProject -Name "$($using:prefix)-$i" -Connection $c -ErrorAction Stop; [pscustomobject]@{ I = $i; Kind = 'create'; Name = $p.Name; Code = $p.Code } }
                        1 { $u = Get-DsUser -Current -Connection $c -ErrorAction Stop; [pscustomobject]@{ I = $i; Kind = 'user'; Name = $u.UserName; Code = $u.Id } }
                        2 { $q = Get-DsQueue -Name default -Connection $c -ErrorAction Stop; [pscustomobject]@{ I = $i; Kind = 'queue'; Name = $q.Name; Code = $q.Id } }
                        3 { $p = Get-DsProject -Code ($using:known).Code -Connection $c -ErrorAction Stop; [pscustomobject]@{ I = $i; Kind = 'project'; Name = $p.Name; Code = $p.Code } }
                    }
                }
                catch { [pscustomobject]@{ I = $i; Kind = 'error'; Name = "$($_.FullyQualifiedErrorId): $_"; Code = 0 } }
            }
        }
        $o.Errors | Should -BeNullOrEmpty
        $results = $o.Output
        @($results | Where-Object Kind -EQ 'error' | ForEach-Object Name) | Should -BeNullOrEmpty
        $results.Count | Should -Be 400
        ($results.I | Sort-Object -Unique).Count | Should -Be 400
        $creates = @($results | Where-Object Kind -EQ 'create')
        $creates.Count | Should -Be 100
        $creates | ForEach-Object { $_.Name | Should -Be "$prefix-$($_.I)" }
        ($creates.Code | Sort-Object -Unique).Count | Should -Be 100
        @($results | Where-Object Kind -EQ 'user').Name | Sort-Object -Unique | Should -Be 'admin'
        @($results | Where-Object Kind -EQ 'queue').Name | Sort-Object -Unique | Should -Be 'default'
        @($results | Where-Object Kind -EQ 'project').Code | Sort-Object -Unique | Should -Be $known.Code
        $listed = @(Get-DsProject -Name "$prefix-*")
        $listed.Count | Should -Be 100
        ($listed.Code | Sort-Object) | Should -Be ($creates.Code | Sort-Object)
        @($o.Requests | Select-Request -Method POST -PathPattern '^/projects$' -BaseUri $BaseUri).Count | Should -Be 100
        @($o.Requests | Where-Object { $_.httpStatus -ge 400 -or $_.httpStatus -eq 0 }) | Should -BeNullOrEmpty
    }

    It 'two connections (admin by password, a user by token) used side by side in 200 parallel calls never mix' {
        $name = New-TestName ccu
        $password = ConvertTo-SecureString 'Passw0rd!x' -AsPlainText -Force
        $user = New-DsUser -UserName $name -Password $password -Tenant default -Email "$name@example.com"
        $token = New-DsToken -User $user -ValidFor (New-TimeSpan -Days 30)
        $asUser = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault -WarningAction SilentlyContinue
        $results = 1..200 | ForEach-Object -ThrottleLimit 16 -Parallel {
            Import-Module $using:module
            $c = if ($_ % 2) { $using:admin } else { $using:asUser }
            [pscustomobject]@{ Expected = $c.UserName; Got = (Get-DsUser -Current -Connection $c -ErrorAction Stop).UserName }
        }
        $results.Count | Should -Be 200
        @($results | Where-Object { $_.Expected -ne $_.Got }) | Should -BeNullOrEmpty
        @($results | Where-Object Got -EQ $name).Count | Should -Be 100
    }

    It 'the default connection made by Connect-DsServer is seen by every parallel runspace' {
        $results = 1..48 | ForEach-Object -ThrottleLimit 16 -Parallel {
            Import-Module $using:module
            (Get-DsConnection).Uri.AbsoluteUri + '|' + (Get-DsUser -Current -ErrorAction Stop).UserName
        }
        $results | Sort-Object -Unique | Should -Be "$($admin.Uri.AbsoluteUri)|admin"
    }
}
