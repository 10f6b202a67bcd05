param($Flavor, $BaseUri)

# Sessions and tokens for unattended jobs: a token near its end is announced at connect time, a token that expired or
# was revoked gives ONE clear AuthenticationError (the pipeline stops, later commands on that connection fail at once
# without sending anything), and a password session the server dropped is re-established once.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsFaultHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $ns = 'DolphinScheduler.PowerShell.Cmdlets'
}

AfterAll {
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Token expiry warnings [$Flavor]" {
    It 'warns at connect time when the token expires within 7 days, naming the user and the date' {
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 3)
        $c = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault -WarningVariable warned -WarningAction SilentlyContinue
        $c.TokenExpireTime | Should -Not -BeNullOrEmpty
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Match "The access token of admin expires on $($c.TokenExpireTime.ToString('yyyy-MM-dd'))"
        "$($warned[0])" | Should -Match 'New-DsToken'
    }

    It 'does not warn when the token has more than 7 days left' {
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 8)
        $null = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -BeNullOrEmpty
    }

    It 'does not warn for a password connection' {
        $null = Connect-TestAdmin -BaseUri $BaseUri -NotDefault -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -BeNullOrEmpty
    }
}

Describe "A token that stops working [$Flavor]" {
    It 'a token that expires during the job: one AuthenticationError (DsHttp401) naming the connection' {
        # New-DsToken refuses a token with less than a minute left, so this one is made through the raw API.
        $text = -join ((1..32) | ForEach-Object { '{0:x}' -f (Get-Random -Maximum 16) })
        $me = Get-DsUser -Current
        $expires = [DateTime]::UtcNow.AddSeconds(4).ToString('yyyy-MM-dd HH:mm:ss')
        $null = Invoke-DsApi -Method POST -Path /access-tokens -Parameter @{ userId = $me.Id; expireTime = $expires; token = $text }
        $c = Connect-DsServer -Uri $BaseUri -Token $text -NotDefault -WarningAction SilentlyContinue
        (Get-DsUser -Current -Connection $c).UserName | Should -Be 'admin'
        Start-Sleep -Seconds 5
        $o = Invoke-Observed -BaseUri $BaseUri -Action { 'default' | Get-DsQueue -Connection $c }
        $o.Errors.Count | Should -Be 1
        $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsHttp401,$ns.Security.GetDsQueueCommand"
        $o.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $o.Errors[0].Exception | Should -BeOfType DolphinScheduler.DsAuthenticationException
        $o.Errors[0].Exception.Message | Should -Match ([regex]::Escape($BaseUri))
        $o.Errors[0].Exception.Message | Should -Match 'expired, revoked'
        $o.Requests.Count | Should -Be 1
    }

    It 'a token revoked mid-pipeline: the first item fails, the pipeline stops, nothing more is sent' {
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30)
        $c = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault -WarningAction SilentlyContinue
        $names = 1..20 | ForEach-Object { New-TestName sr }
        $token | Remove-DsToken -Force
        $o = Invoke-Observed -BaseUri $BaseUri -Action { $names | New-DsProject -Connection $c }
        $o.Output | Should -BeNullOrEmpty
        $o.Errors.Count | Should -Be 1 -Because 'one clear error, not one per item'
        $o.Terminating | Should -Not -BeNullOrEmpty
        $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsHttp401,$ns.Projects.NewDsProjectCommand"
        $o.Errors[0].TargetObject | Should -Be $names[0]
        $o.Requests.Count | Should -Be 1
        @(Get-DsProject -Name "$($names[0])*").Count | Should -Be 0
    }

    It 'later commands on the refused connection fail at once with the same id and send nothing; a new connection works' {
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30)
        $c = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault -WarningAction SilentlyContinue
        $token | Remove-DsToken -Force
        { Get-DsProject -Connection $c } | Should -Throw -ErrorId "DsHttp401,$ns.Projects.GetDsProjectCommand"
        $o = Invoke-Observed -BaseUri $BaseUri -Action {
            foreach ($command in { Get-DsQueue -Connection $c }, { Get-DsTenant -Connection $c }, { Get-DsUser -Current -Connection $c }) {
                try { & $command } catch { $_ }
            }
        }
        $o.Errors.Count | Should -Be 3
        $o.Errors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'DsHttp401,*' }
        $o.Errors | ForEach-Object { $_.Exception.Message | Should -Match 'refused the credentials of user ''admin'' earlier' }
        $o.Requests | Should -BeNullOrEmpty
        { Disconnect-DsServer -Connection $c } | Should -Not -Throw
        $fresh = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30)
        $again = Connect-DsServer -Uri $BaseUri -Token $fresh -NotDefault -WarningAction SilentlyContinue
        (Get-DsUser -Current -Connection $again).UserName | Should -Be 'admin'
    }

    It 'a revoked token shared by ForEach-Object -Parallel: every item fails with the same AuthenticationError, few requests' {
        $token = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30)
        $c = Connect-DsServer -Uri $BaseUri -Token $token -NotDefault -WarningAction SilentlyContinue
        $token | Remove-DsToken -Force
        $module = Join-Path $env:DS_TEST_MODULE_PATH 'DolphinScheduler.psd1'
        $o = Invoke-Observed -BaseUri $BaseUri -Action {
            1..64 | ForEach-Object -ThrottleLimit 8 -Parallel {
                Import-Module $using:module
                try { $null = Get-DsQueue -Connection $using:c -ErrorAction Stop; 'ok' }
                catch { $_.FullyQualifiedErrorId }
            }
        }
        $o.Output.Count | Should -Be 64
        $o.Output | ForEach-Object { $_ | Should -Be "DsHttp401,$ns.Security.GetDsQueueCommand" }
        $o.Requests.Count | Should -BeLessOrEqual 8 -Because 'once one request was refused, the others are not sent'
    }
}

Describe "Tokens of one user [$Flavor]" {
    It 'Get-DsToken -User lists only that user''s tokens, although DS answers an admin with everyone''s' {
        $password = ConvertTo-SecureString 'Passw0rd!x' -AsPlainText -Force
        $users = 1..2 | ForEach-Object { $n = New-TestName st; New-DsUser -UserName $n -Password $password -Tenant default -Email "$n@example.com" }
        $null = New-DsToken -User $users[0] -ValidFor (New-TimeSpan -Days 2)
        $null = New-DsToken -User $users[1] -ValidFor (New-TimeSpan -Days 2)
        $null = New-DsToken -User $users[1] -ValidFor (New-TimeSpan -Days 3)
        @(Get-DsToken -User $users[0]).UserId | Should -Be @($users[0].Id)
        @(Get-DsToken -User $users[1]).Count | Should -Be 2
        Get-DsToken -User $users[0] | Remove-DsToken -Force
        @(Get-DsToken -User $users[1]).Count | Should -Be 2 -Because 'removing one user''s tokens leaves the others'' alone'
    }
}

Describe "A password session the server dropped [$Flavor]" {
    It 'is re-established once when another sign-out deleted every session of the user' {
        $session = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        $other = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        Disconnect-DsServer -Connection $other   # DS deletes all sessions of the user (contract README §2)
        $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsUser -Current -Connection $session -Verbose 4>&1 }
        $o.Errors | Should -BeNullOrEmpty
        @($o.Output | Where-Object { $_.PSObject.TypeNames -contains 'DolphinScheduler.DsUser' }).UserName | Should -Be 'admin'
        @($o.Output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Where-Object Message -Match 'logged in again').Count | Should -Be 1
        @($o.Requests | Select-Request -Method POST -PathPattern '^/login$' -BaseUri $BaseUri).Count | Should -Be 1
        @($o.Requests | Select-Request -Method GET -PathPattern '^/users/get-user-info$' -BaseUri $BaseUri).httpStatus | Should -Be @(401, 200)
    }

    It 'many parallel requests that meet the dropped session log in once between them' {
        $session = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        $other = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
        Disconnect-DsServer -Connection $other
        $module = Join-Path $env:DS_TEST_MODULE_PATH 'DolphinScheduler.psd1'
        $o = Invoke-Observed -BaseUri $BaseUri -Action {
            1..32 | ForEach-Object -ThrottleLimit 16 -Parallel {
                Import-Module $using:module
                (Get-DsUser -Current -Connection $using:session -ErrorAction Stop).UserName
            }
        }
        $o.Errors | Should -BeNullOrEmpty
        $o.Output.Count | Should -Be 32
        $o.Output | Sort-Object -Unique | Should -Be 'admin'
        @($o.Requests | Select-Request -Method POST -PathPattern '^/login$' -BaseUri $BaseUri).Count | Should -Be 1
    }
}
