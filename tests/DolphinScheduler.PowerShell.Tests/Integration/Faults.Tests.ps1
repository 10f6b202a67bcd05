param($Flavor, $BaseUri)

# Fault injection (the sandbox's POST /_sandbox/faults): for each fault kind the exact outcome, with the attempts counted
# in the sandbox's request journal. Reads are retried and succeed; a create is never sent twice blindly (after an
# ambiguous failure it is looked up by name); protocol failures, timeouts and refused credentials give the documented
# id and category; a download that breaks leaves no file. docs/reliability.md lists the policy and these results.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsFaultHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $ns = 'DolphinScheduler.PowerShell.Cmdlets'
    $password = ConvertTo-SecureString 'Passw0rd!x' -AsPlainText -Force
    $definition = if ($Flavor -eq '3.2') { 'process-definition' } else { 'workflow-definition' }
    Clear-SandboxFault -BaseUri $BaseUri

    function Add-Fault([hashtable] $Rule) { $null = Add-SandboxFault -BaseUri $BaseUri -Rule $Rule }
    function Get-Attempt($Observed, [string] $Method, [string] $Pattern) { @($Observed.Requests | Select-Request -Method $Method -PathPattern $Pattern -BaseUri $BaseUri) }
    function Get-ProjectCount([string] $Name) { @(Get-DsProject -Name "$Name*" | Where-Object Name -EQ $Name).Count }

    # A token connection of its own (a refused token is remembered by its connection, so each test makes a new one).
    function New-TokenConnection {
        $t = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 30) -Connection $admin
        Connect-DsServer -Uri $BaseUri -Token $t -NotDefault -WarningAction SilentlyContinue
    }
}

AfterAll {
    Clear-SandboxFault -BaseUri $BaseUri
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Faults [$Flavor]" {
    AfterEach {
        Clear-SandboxFault -BaseUri $BaseUri
    }

    Describe "Reads under faults are retried and succeed [$Flavor]" {
        It 'GET under HTTP <Status> twice: three attempts, then the answer' -ForEach @(
            @{ Status = 503 }, @{ Status = 502 }, @{ Status = 504 }
        ) {
            $name = New-TestName fr
            $null = New-DsProject -Name $name
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'status'; status = $Status; count = 2 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            $attempts = Get-Attempt $o GET '^/projects$'
            $attempts.Count | Should -Be 3
            $attempts.httpStatus | Should -Be @($Status, $Status, 200)
            @($attempts | Where-Object fault -EQ 'status').Count | Should -Be 2
        }

        It 'GET under HTTP 429 with Retry-After: 1 waits the second the server asked for, then succeeds' {
            $name = New-TestName fr
            $null = New-DsProject -Name $name
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'status'; status = 429; retryAfter = 1; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            @(Get-Attempt $o GET '^/projects$').httpStatus | Should -Be @(429, 200)
            $o.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.95
        }

        It 'a POST under HTTP 429 is repeated too (a rate limiter refuses before processing) and creates one object' {
            $name = New-TestName fr
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'status'; status = 429; retryAfter = 1; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            @(Get-Attempt $o POST '^/projects$').httpStatus | Should -Be @(429, 201)
            Get-ProjectCount $name | Should -Be 1
        }

        It 'GET whose connection is dropped before the server handles it: retried once, succeeds' {
            $name = New-TestName fr
            $null = New-DsProject -Name $name
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'drop'; when = 'before'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            @(Get-Attempt $o GET '^/projects$').fault | Should -Be @('drop', $null)
        }

        It 'GET under HTTP 503 that does not end: three attempts, then DsHttp503 (InvalidResult)' {
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'status'; status = 503 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsProject -Name (New-TestName fr) }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsHttp503,$ns.Projects.GetDsProjectCommand"
            $o.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            @(Get-Attempt $o GET '^/projects$').Count | Should -Be 3
        }
    }

    Describe "Creates are never sent twice blindly [$Flavor]" {
        It 'drop before the handler: one POST, nothing created, DsConnectionFailed saying so' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'drop'; when = 'before'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Output | Should -BeNullOrEmpty
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsConnectionFailed,$ns.Projects.NewDsProjectCommand"
            $o.Errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $o.Errors[0].Exception.Message | Should -Match "project '$name' was not created \(checked after the failure\)"
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            @(Get-Attempt $o GET '^/projects$').Count | Should -Be 1 -Because 'the module looked the project up once'
            Get-ProjectCount $name | Should -Be 0
        }

        It 'drop after the handler: one POST, exactly one project, which the cmdlet emits with a warning' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Count | Should -Be 1
            $o.Output[0] | Should -BeOfType DolphinScheduler.DsProject
            $o.Output[0].Name | Should -Be $name
            $o.Warnings | Should -Match "creating project '$name' was lost .* the server has it now"
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            Get-ProjectCount $name | Should -Be 1
        }

        It 'HTTP 500 on a create: not repeated, DsHttp500 (InvalidResult), and the module says nothing was created' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'status'; status = 500; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsHttp500,$ns.Projects.NewDsProjectCommand"
            $o.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $o.Errors[0].Exception.Message | Should -Match 'was not created'
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            Get-ProjectCount $name | Should -Be 0
        }

        It 'HTTP 500 after the server made it: not repeated, the project is reported as it is' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'status'; status = 500; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            $o.Warnings | Should -Not -BeNullOrEmpty
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            Get-ProjectCount $name | Should -Be 1
        }

        It 'HTTP 503 on a create: sent again only after a lookup found nothing; one project' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'status'; status = 503; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            $sequence = @($o.Requests | Select-Request -PathPattern '^/projects$' -BaseUri $BaseUri | ForEach-Object { "$($_.method) $($_.httpStatus)" })
            $sequence | Should -Be @('POST 503', 'GET 200', 'POST 201')
            Get-ProjectCount $name | Should -Be 1
        }

        It 'HTTP 503 after the server made it: found by the lookup, not sent again' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'status'; status = 503; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            Get-ProjectCount $name | Should -Be 1
        }

        It 'a truncated answer to a create that happened: found by the lookup, one project' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'truncate'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            Get-ProjectCount $name | Should -Be 1
        }

        It 'an HTML page instead of the answer to a create that never reached DS: DsProtocolError, nothing created' {
            $name = New-TestName fc
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'html'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsProtocolError,$ns.Projects.NewDsProjectCommand"
            $o.Errors[0].Exception.Message | Should -Match 'was not created'
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            Get-ProjectCount $name | Should -Be 0
        }

        It 'drop after the handler on <Command>: one create request, exactly one object, reported by the cmdlet' -ForEach @(
            @{ Command = 'New-DsQueue'; Pattern = '^/queues$'
                Create = { param($n) New-DsQueue -Name $n -QueueValue "root.$n" }
                Count = { param($n) @(Get-DsQueue | Where-Object Name -EQ $n).Count }
            }
            @{ Command = 'New-DsTenant'; Pattern = '^/tenants$'
                Create = { param($n) New-DsTenant -TenantCode $n -Queue default }
                Count = { param($n) @(Get-DsTenant | Where-Object TenantCode -EQ $n).Count }
            }
            @{ Command = 'New-DsUser'; Pattern = '^/users/create$'
                Create = { param($n) New-DsUser -UserName $n -Password $password -Tenant default -Email "$n@example.com" }
                Count = { param($n) @(Get-DsUser | Where-Object UserName -EQ $n).Count }
            }
        ) {
            $name = New-TestName fd
            Add-Fault @{ path = $Pattern; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { & $Create $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Count | Should -Be 1
            $o.Warnings | Should -Match 'was lost'
            @(Get-Attempt $o POST $Pattern).Count | Should -Be 1
            & $Count $name | Should -Be 1
        }

        It 'drop after the handler on New-DsToken: one create request, exactly one token, found by its text' {
            $user = New-DsUser -UserName (New-TestName fd) -Password $password -Tenant default -Email 'fd@example.com'
            Add-Fault @{ path = '^/access-tokens$'; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsToken -User $user -ValidFor (New-TimeSpan -Days 3) }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Count | Should -Be 1
            $o.Output[0] | Should -BeOfType DolphinScheduler.DsToken
            @(Get-Attempt $o POST '^/access-tokens$').Count | Should -Be 1
            $tokens = @(Get-DsToken -User $user)
            $tokens.Count | Should -Be 1
            $tokens[0].Id | Should -Be $o.Output[0].Id
            $connected = Connect-DsServer -Uri $BaseUri -Token $o.Output[0] -NotDefault -WarningAction SilentlyContinue
            $connected.UserName | Should -Be $user.UserName
        }

        It 'drop after the handler on New-DsWorkflow: one create request, exactly one workflow' {
            $project = New-DsProject -Name (New-TestName fw)
            $name = New-TestName wf
            $pattern = "^/projects/$($project.Code)/$definition$"
            Add-Fault @{ path = $pattern; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action {
                New-DsWorkflow -Project $project -Name $name -Task (New-DsTask -Name only -Type SHELL -Script 'echo hi')
            }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Count | Should -Be 1
            $o.Output[0].Name | Should -Be $name
            @(Get-Attempt $o POST $pattern).Count | Should -Be 1
            @(Get-DsWorkflow -Project $project | Where-Object Name -EQ $name).Count | Should -Be 1
        }

        It 'drop after the handler on New-DsWorkflow -Publish: one create, one workflow, and it is published' {
            $project = New-DsProject -Name (New-TestName fw)
            $name = New-TestName wf
            $pattern = "^/projects/$($project.Code)/$definition$"
            Add-Fault @{ path = $pattern; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action {
                New-DsWorkflow -Project $project -Name $name -Task (New-DsTask -Name only -Type SHELL -Script 'echo hi') -Publish
            }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output[0].ReleaseState | Should -Be 'ONLINE'
            @(Get-Attempt $o POST $pattern).Count | Should -Be 1
            @(Get-DsWorkflow -Project $project | Where-Object Name -EQ $name).Count | Should -Be 1
        }

        It 'HTTP 500 on New-DsWorkflow before DS made it: not repeated, nothing created, DsHttp500' {
            $project = New-DsProject -Name (New-TestName fw)
            $name = New-TestName wf
            $pattern = "^/projects/$($project.Code)/$definition$"
            Add-Fault @{ path = $pattern; method = 'POST'; kind = 'status'; status = 500; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsWorkflow -Project $project -Name $name -Task (New-DsTask -Name only -Type SHELL -Script 'echo hi') }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -BeLike 'DsHttp500,*'
            $o.Errors[0].Exception.Message | Should -Match "workflow '$name' was not created"
            @(Get-Attempt $o POST $pattern).Count | Should -Be 1
            @(Get-DsWorkflow -Project $project | Where-Object Name -EQ $name).Count | Should -Be 0
        }

        It 'drop after the handler on New-DsSchedule: one create request, exactly one schedule' {
            $project = New-DsProject -Name (New-TestName fs)
            $wf = New-DsWorkflow -Project $project -Name (New-TestName wf) -Task (New-DsTask -Name only -Type SHELL -Script 'echo hi') -Publish
            $pattern = "^/projects/$($project.Code)/schedules$"
            Add-Fault @{ path = $pattern; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsSchedule -Workflow $wf -Cron '0 0 2 * * ? *' }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Count | Should -Be 1
            $o.Warnings | Should -Match 'was lost'
            @(Get-Attempt $o POST $pattern).Count | Should -Be 1
            @(Get-DsSchedule -Project $project).Count | Should -Be 1
        }

        It 'drop after the handler on New-DsResourceDirectory: one create request, the folder exists once' {
            $folder = '/' + (New-TestName fr)
            Add-Fault @{ path = '^/resources/directory$'; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsResourceDirectory -Path $folder }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Count | Should -Be 1
            $o.Output[0].IsDirectory | Should -BeTrue
            @(Get-Attempt $o POST '^/resources/directory$').Count | Should -Be 1
            @(Get-DsResource -Path ($folder.Substring(0, 1)) | Where-Object Path -EQ $folder).Count | Should -Be 1
        }

        It 'drop after the handler on Send-DsResource: one upload, the resource exists once, whole' {
            $folder = '/' + (New-TestName fu)
            $local = Join-Path ([IO.Path]::GetTempPath()) "$(New-TestName up).bin"
            [IO.File]::WriteAllBytes($local, [byte[]]::new(200KB))
            try {
                Add-Fault @{ path = '^/resources$'; method = 'POST'; kind = 'drop'; when = 'after'; count = 1 }
                $o = Invoke-Observed -BaseUri $BaseUri -Action { Send-DsResource -Path $local -Destination $folder }
                $o.Errors | Should -BeNullOrEmpty
                $o.Output.Count | Should -Be 1
                $o.Output[0].Size | Should -Be 200KB
                $o.Warnings | Should -Match 'was lost'
                @(Get-Attempt $o POST '^/resources$').Count | Should -Be 1
                @(Get-DsResource -Path $folder).Count | Should -Be 1
            }
            finally { Remove-Item $local -ErrorAction SilentlyContinue }
        }

        It 'drop before the handler on Send-DsResource: one upload attempt, nothing uploaded, DsConnectionFailed saying so' {
            $folder = '/' + (New-TestName fu)
            $local = Join-Path ([IO.Path]::GetTempPath()) "$(New-TestName up).bin"
            [IO.File]::WriteAllBytes($local, [byte[]]::new(50KB))
            try {
                Add-Fault @{ path = '^/resources$'; method = 'POST'; kind = 'drop'; when = 'before'; count = 1 }
                $o = Invoke-Observed -BaseUri $BaseUri -Action { Send-DsResource -Path $local -Destination $folder }
                $o.Errors.Count | Should -Be 1
                $o.Errors[0].FullyQualifiedErrorId | Should -BeLike 'DsConnectionFailed,*'
                $o.Errors[0].Exception.Message | Should -Match 'was not created'
                @(Get-Attempt $o POST '^/resources$').Count | Should -Be 1
                @(Get-DsResource -Path $folder) | Should -BeNullOrEmpty
            }
            finally { Remove-Item $local -ErrorAction SilentlyContinue }
        }
    }

    Describe "Answers that are not DolphinScheduler's [$Flavor]" {
        It 'a truncated answer to a read: DsProtocolError (InvalidResult), not repeated' {
            $name = New-TestName fp
            $null = New-DsProject -Name $name
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'truncate'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsProject -Name $name }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsProtocolError,$ns.Projects.GetDsProjectCommand"
            $o.Errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $o.Errors[0].Exception.Message | Should -Match 'not valid JSON'
            @(Get-Attempt $o GET '^/projects$').Count | Should -Be 1
        }

        It 'an HTML page (a proxy or portal) instead of the answer to a read: DsProtocolError naming the context path' {
            Add-Fault @{ path = '^/queues/list$'; method = 'GET'; kind = 'html'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsTenant -TenantCode (New-TestName fh) -Queue default }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsProtocolError,$ns.Security.NewDsTenantCommand"
            $o.Errors[0].Exception.Message | Should -Match 'text/html instead of a DolphinScheduler JSON result'
            @(Get-Attempt $o POST '^/tenants$').Count | Should -Be 0 -Because 'nothing is created when the queue could not be read'
        }
    }

    Describe "Timeouts [$Flavor]" {
        BeforeAll {
            $quick = Connect-DsServer -Uri $BaseUri -Credential (Get-AdminCredential) -TimeoutSec 1 -NotDefault
        }

        It 'a read slower than -TimeoutSec: DsTimeout (OperationTimeout) after three attempts of one second' {
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'slow'; delayMs = 4000 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsProject -Connection $quick }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsTimeout,$ns.Projects.GetDsProjectCommand"
            $o.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $o.Errors[0].Exception.Message | Should -Match 'timed out after 1 s'
            $o.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'TimeoutSec'
            @(Get-Attempt $o GET '^/projects$').Count | Should -Be 3
            $o.Elapsed.TotalSeconds | Should -BeLessThan 8
        }

        It 'a create slower than -TimeoutSec that the server finished: found by name, not sent again' {
            $name = New-TestName ft
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'slow'; when = 'after'; delayMs = 2500; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name -Connection $quick }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            $o.Warnings | Should -Match 'timed out'
            Start-Sleep -Milliseconds 1800   # let the slowed answer finish on the server before counting
            @(Get-Attempt $o POST '^/projects$').Count | Should -Be 1
            Get-ProjectCount $name | Should -Be 1
        }

        It 'a create slower than -TimeoutSec that never ran: DsTimeout, nothing created' {
            $name = New-TestName ft
            Add-Fault @{ path = '^/projects$'; method = 'POST'; kind = 'slow'; when = 'before'; delayMs = 2500; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { New-DsProject -Name $name -Connection $quick }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsTimeout,$ns.Projects.NewDsProjectCommand"
            $o.Errors[0].Exception.Message | Should -Match 'was not created'
            Start-Sleep -Milliseconds 1800
            Get-ProjectCount $name | Should -Be 0
        }
    }

    Describe "Credentials refused mid-run [$Flavor]" {
        It 'a token refused mid-pipeline: ONE AuthenticationError naming the connection, the pipeline stops, later commands send nothing' {
            $tokenConnection = New-TokenConnection
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'unauthorized'; count = 1 }
            $names = 1..5 | ForEach-Object { New-TestName fu }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { $names | Get-DsProject -Connection $tokenConnection }
            $o.Errors.Count | Should -Be 1
            $o.Terminating | Should -Not -BeNullOrEmpty
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsHttp401,$ns.Projects.GetDsProjectCommand"
            $o.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            $o.Errors[0].Exception.Message | Should -Match ([regex]::Escape($BaseUri))
            $o.Errors[0].Exception.Message | Should -Match "user 'admin'"
            $o.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-DsServer'
            @(Get-Attempt $o GET '^/projects$').Count | Should -Be 1

            $later = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsQueue -Connection $tokenConnection }
            $later.Errors.Count | Should -Be 1
            $later.Errors[0].FullyQualifiedErrorId | Should -Be "DsHttp401,$ns.Security.GetDsQueueCommand"
            $later.Errors[0].Exception.Message | Should -Match 'earlier'
            $later.Requests | Should -BeNullOrEmpty
        }

        It 'a password session dropped mid-run is re-established once and the command succeeds' {
            $session = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
            $name = New-TestName fu
            $null = New-DsProject -Name $name
            Add-Fault @{ path = '^/projects$'; method = 'GET'; kind = 'unauthorized'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Get-DsProject -Connection $session -Name $name }
            $o.Errors | Should -BeNullOrEmpty
            $o.Output.Name | Should -Be $name
            @($o.Requests | Select-Request -PathPattern '^/(projects|login)$' -BaseUri $BaseUri | ForEach-Object { "$($_.method) $($_.httpStatus)" }) |
                Should -Be @('GET 401', 'POST 200', 'GET 200')
        }

        It 'a password session whose re-login is refused too: one AuthenticationError, one login attempt' {
            $session = Connect-TestAdmin -BaseUri $BaseUri -NotDefault
            Add-Fault @{ path = '^/(projects|login)$'; kind = 'unauthorized' }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { 'a', 'b', 'c' | Get-DsProject -Connection $session }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            @(Get-Attempt $o POST '^/login$').Count | Should -Be 1
            @(Get-Attempt $o GET '^/projects$').Count | Should -Be 1
        }
    }

    Describe "Downloads that break leave no file [$Flavor]" {
        BeforeAll {
            $folder = Join-Path ([IO.Path]::GetTempPath()) "ds-dl-$([guid]::NewGuid().ToString('N'))"
            $null = New-Item -ItemType Directory -Path $folder
            $blobName = "$(New-TestName blob).bin"
            $blob = Join-Path $folder $blobName
            $bytes = [byte[]]::new(3MB)
            [Random]::new(7).NextBytes($bytes)
            [IO.File]::WriteAllBytes($blob, $bytes)
            $baseDir = Invoke-DsApi -Path /resources/base-dir -Parameter @{ type = 'FILE' }
            $null = Invoke-DsApi -Method POST -Path /resources -Parameter @{ type = 'FILE'; name = $blobName; currentDir = $baseDir } -InFile $blob
            # 3.2 puts uploads under <base>/<tenant>/resources, 3.3+ directly under the base it reports: find the file.
            function Find-Resource([string] $Directory, [int] $Depth = 0) {
                if ($Depth -gt 3) { return }
                $query = @{ fullName = $Directory; type = 'FILE'; pageNo = 1; pageSize = 100; searchVal = '' }
                    if ($Flavor -eq '3.2') { $query.tenantCode = 'default' }   # a 3.2-only parameter
                    $page = Invoke-DsApi -Path /resources -Parameter $query
                foreach ($entry in $page.totalList) {
                    if ($entry.directory) { Find-Resource $entry.fullName ($Depth + 1) }
                    elseif ($entry.fullName -like "*/$blobName") { $entry.fullName }
                }
            }
            $fullName = @(Find-Resource $baseDir)[0]
            $expectedHash = (Get-FileHash $blob).Hash
            function Get-Leftover { @(Get-ChildItem $folder -Force | Where-Object Name -NE $blobName) }
        }

        AfterAll {
            Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        }

        It 'the uploaded blob can be found and downloaded whole' {
            $fullName | Should -Not -BeNullOrEmpty
            $out = Join-Path $folder 'whole.bin'
            $file = Invoke-DsApi -Path /resources/download -Parameter @{ fullName = $fullName } -OutFile $out
            $file.Length | Should -Be 3MB
            (Get-FileHash $out).Hash | Should -Be $expectedHash
            Remove-Item $out
        }

        It 'Invoke-DsApi -OutFile: the connection drops mid-download, DsConnectionFailed, no file and no temp file' {
            $out = Join-Path $folder 'broken.bin'
            Add-Fault @{ path = '^/resources/download$'; kind = 'drop'; when = 'during'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Invoke-DsApi -Path /resources/download -Parameter @{ fullName = $fullName } -OutFile $out }
            $o.Output | Should -BeNullOrEmpty
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -Be "DsConnectionFailed,$ns.Connection.InvokeDsApiCommand"
            $o.Errors[0].Exception.Message | Should -Match 'No file was written'
            @(Get-Attempt $o GET '^/resources/download$').Count | Should -Be 1
            Test-Path $out | Should -BeFalse
            Get-Leftover | Should -BeNullOrEmpty
        }

        It 'Invoke-DsApi -OutFile over an existing file: a broken download leaves the old file untouched' {
            $out = Join-Path $folder 'keep.bin'
            Set-Content -Path $out -Value 'previous content'
            Add-Fault @{ path = '^/resources/download$'; kind = 'drop'; when = 'during'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Invoke-DsApi -Path /resources/download -Parameter @{ fullName = $fullName } -OutFile $out }
            $o.Errors.Count | Should -Be 1
            Get-Content $out | Should -Be 'previous content'
            @(Get-Leftover).Name | Should -Be @('keep.bin')
            Remove-Item $out
        }

        It 'Receive-DsResource: the connection drops mid-download, no file' {
            $out = Join-Path $folder 'received.bin'
            Add-Fault @{ path = '^/resources/download$'; kind = 'drop'; when = 'during'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Receive-DsResource -Path $fullName -Destination $out }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            Test-Path $out | Should -BeFalse
            Get-Leftover | Should -BeNullOrEmpty
        }

        It 'Receive-DsResource: an answer cut short but ended cleanly is caught by the resource''s size, no file' {
            $out = Join-Path $folder 'short.bin'
            Add-Fault @{ path = '^/resources/download$'; kind = 'truncate'; count = 1 }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { Receive-DsResource -Path $fullName -Destination $out }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            Test-Path $out | Should -BeFalse
            Get-Leftover | Should -BeNullOrEmpty
        }
    }

    Describe "Task log downloads that break leave no file [$Flavor]" {
        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
            $project = New-DsProject -Name (New-TestName fl)
            $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ talk = 'for i in $(seq 1 200); do echo "line $i of the log"; done' })
            $run = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120
            $task = @($run | Get-DsTaskInstance)[0]
            $folder = Join-Path ([IO.Path]::GetTempPath()) "ds-log-$([guid]::NewGuid().ToString('N'))"
            $null = New-Item -ItemType Directory -Path $folder
        }

        AfterAll {
            Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        }

        It 'Save-DsTaskLog: every attempt''s connection drops mid-download, DsConnectionFailed, no file and no temp file' {
            $out = Join-Path $folder 'task.log'
            Add-Fault @{ path = '^/log/download-log$'; kind = 'drop'; when = 'during' }
            $o = Invoke-Observed -BaseUri $BaseUri -Action { $task | Save-DsTaskLog -Destination $out }
            $o.Errors.Count | Should -Be 1
            $o.Errors[0].FullyQualifiedErrorId | Should -BeLike 'DsConnectionFailed,*'
            @(Get-Attempt $o GET '^/log/download-log$').Count | Should -BeIn 1, 2, 3 -Because 'a GET whose answer never arrived is tried again, at most three times'
            Test-Path $out | Should -BeFalse
            @(Get-ChildItem $folder -Force) | Should -BeNullOrEmpty
            Clear-SandboxFault -BaseUri $BaseUri
            ($task | Save-DsTaskLog -Destination $out).Length | Should -BeGreaterThan 0
        }
    }

    Describe "Ctrl+C stops promptly [$Flavor]" {
        BeforeAll {
            $modulePath = Join-Path $env:DS_TEST_MODULE_PATH 'DolphinScheduler.psd1'
            # Runs the script in another runspace of this process (which shares the module's connections), waits until the
            # sandbox has seen the request the fault rule strikes, then stops it as Ctrl+C does, and returns how long Stop took.
            function Measure-Stop([string] $Script, [hashtable] $Rule, [object[]] $Arguments = @(), [hashtable[]] $Before = @()) {
                foreach ($r in $Before) { $null = Add-SandboxFault -BaseUri $BaseUri -Rule $r }
                $added = Add-SandboxFault -BaseUri $BaseUri -Rule $Rule
                $ps = [powershell]::Create()
                try {
                    $null = $ps.AddScript("param(`$m, `$c, `$a) Import-Module `$m; $Script").AddArgument($modulePath).AddArgument($admin).AddArgument($Arguments)
                    $async = $ps.BeginInvoke()
                    $deadline = [DateTime]::UtcNow.AddSeconds(30)
                    while (@(Get-SandboxFault -BaseUri $BaseUri | Where-Object id -EQ $added.id | Where-Object hits -GE 1).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                    Start-Sleep -Milliseconds 200
                    $async.IsCompleted | Should -BeFalse -Because 'the command is still waiting when it is stopped'
                    $watch = [Diagnostics.Stopwatch]::StartNew()
                    $ps.Stop()
                    $watch.Stop()
                    Write-Host "    Ctrl+C ($($Rule.kind) on $($Rule.path)): stopped in $([int]$watch.Elapsed.TotalMilliseconds) ms"
                    $watch.Elapsed
                }
                finally { $ps.Dispose() }
            }
        }

        It 'cancels a request in flight (a 60 s answer, -TimeoutSec 100) within 2 s' {
            $elapsed = Measure-Stop -Script 'Get-DsProject -Connection $c' -Rule @{ path = '^/projects$'; method = 'GET'; kind = 'slow'; delayMs = 60000 }
            $elapsed.TotalSeconds | Should -BeLessThan 2
        }

        It 'cancels the wait before a retry (Retry-After: 30) within 2 s' {
            $elapsed = Measure-Stop -Script 'Get-DsProject -Connection $c' -Rule @{ path = '^/projects$'; method = 'GET'; kind = 'status'; status = 503; retryAfter = 30 }
            $elapsed.TotalSeconds | Should -BeLessThan 2
        }

        It 'cancels the lookup of an ambiguous create (answered 503, then a 60 s lookup) within 2 s' {
            $elapsed = Measure-Stop -Script 'New-DsProject -Name $a[0] -Connection $c' -Arguments @(New-TestName fx) `
                -Before @(@{ path = '^/projects$'; method = 'POST'; kind = 'status'; status = 503; count = 1 }) `
                -Rule @{ path = '^/projects$'; method = 'GET'; kind = 'slow'; delayMs = 60000 }
            $elapsed.TotalSeconds | Should -BeLessThan 2
        }

        It 'cancels Wait-DsInstance and Get-DsTaskLog -Follow within 2 s' {
            Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
            $project = New-DsProject -Name (New-TestName fx)
            $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ nap = 'sleep 30' })
            $run = $wf | Start-DsWorkflow
            $task = Wait-TestCondition -Because 'the task instance' { @($run | Get-DsTaskInstance -Name nap) | Select-Object -First 1 }
            $pattern = if ($Flavor -eq '3.2') { '^/projects/\d+/process-instances/\d+$' } else { '^/projects/\d+/workflow-instances/\d+$' }
            $elapsed = Measure-Stop -Script '$a[0] | Wait-DsInstance -Connection $c -PollIntervalSec 0.5 -TimeoutSec 120' -Rule @{ path = $pattern; method = 'GET'; kind = 'slow'; delayMs = 1; } -Arguments @($run)
            $elapsed.TotalSeconds | Should -BeLessThan 2
            $elapsed = Measure-Stop -Script '$a[0] | Get-DsTaskLog -Follow -PollIntervalSec 0.5' -Rule @{ path = '^/log/detail$'; method = 'GET'; kind = 'slow'; delayMs = 1 } -Arguments @($task)
            $elapsed.TotalSeconds | Should -BeLessThan 2
            $run | Stop-DsInstance -Force -ErrorAction SilentlyContinue
        }
    }
}
