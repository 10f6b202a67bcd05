param($Flavor, $BaseUri)

# No token or password text appears anywhere: every exported cmdlet runs with -Verbose -Debug inside Start-Transcript
# (successes and failures both), and the transcript, every stream, every error record (message, exception chain,
# details, target), ToString() and the format views of every emitted object are searched for every secret the run
# used: passwords (right and wrong), token texts, and the session ids of the password connections.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
    Import-DsTestModule
    $previousHome = $env:DOLPHINSCHEDULER_CONFIG_HOME
    $env:DOLPHINSCHEDULER_CONFIG_HOME = Join-Path ([IO.Path]::GetTempPath()) "ds-secrets-$([guid]::NewGuid().ToString('N'))"
    $work = Join-Path ([IO.Path]::GetTempPath()) "ds-secrets-work-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $work

    # The session id of a password connection, read by reflection (it is never exposed) so that it can be searched for.
    function Get-SessionText($Connection) {
        $flags = [Reflection.BindingFlags]'Instance,NonPublic,Public'
        $client = $Connection.GetType().GetProperty('Client', $flags).GetValue($Connection)
        $transport = $client.GetType().GetProperty('Transport', $flags).GetValue($client)
        $auth = $transport.GetType().GetProperty('Authenticator', $flags).GetValue($transport)
        $field = $auth.GetType().GetField('_sessionId', $flags)
        if ($field -and $field.GetValue($auth)) { [Net.NetworkCredential]::new('', $field.GetValue($auth)).Password }
    }
    function Get-Plain([securestring] $Secure) { [Net.NetworkCredential]::new('', $Secure).Password }

    $adminPasswordText = 'dolphinscheduler123'
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $userPasswordText = 'Us3r-Secret-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $newPasswordText = 'N3w-Secret-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $wrongPasswordText = 'Wr0ng-Secret-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $userPassword = ConvertTo-SecureString $userPasswordText -AsPlainText -Force
    $newPassword = ConvertTo-SecureString $newPasswordText -AsPlainText -Force
    $wrongCredential = [pscredential]::new('admin', (ConvertTo-SecureString $wrongPasswordText -AsPlainText -Force))
    $adminToken = New-DsToken -User admin -ValidFor (New-TimeSpan -Days 3)
    $adminTokenText = Get-Plain $adminToken.Token
    $tokenConnection = Connect-DsServer -Uri $BaseUri -Token $adminTokenText -NotDefault -WarningAction SilentlyContinue
    $sessions = [System.Collections.Generic.List[string]]::new()
    $sessions.Add((Get-SessionText $admin))

    $base = New-TestName sec
    $project = New-DsProject -Name "$base-p"
    $queue = New-DsQueue -Name "$base-q" -QueueValue "root.$base"
    $tenant = New-DsTenant -TenantCode "$base-t" -Queue $queue
    $user = New-DsUser -UserName "$base-u" -Password $userPassword -Tenant $tenant -Email "$base@example.com"
    $userToken = New-DsToken -User $user -ValidFor (New-TimeSpan -Days 30)
    $madeTokens = [System.Collections.Generic.List[string]]::new()
    $madeTokens.Add($adminTokenText)
    $madeTokens.Add((Get-Plain $userToken.Token))
    # -Debug makes PowerShell ask before each warning (WarningPreference Inquire); an unattended run answers Continue.
    $v = @{ Verbose = $true; Debug = $true; WarningAction = 'Continue' }
    $sample = Join-Path $work 'sample.txt'
    Set-Content -Path $sample -Value 'sample content'
    $missing = 999999

    # One entry per exported cmdlet: what it runs (with -Verbose -Debug). Entries may fail; their errors are searched too.
    $scenarios = [ordered]@{
        'Connect-DsServer'         = {
            $script:passwordConnection = Connect-DsServer -Uri $BaseUri -Credential (Get-AdminCredential) -NotDefault @v
            $script:passwordConnection
            Connect-DsServer -Uri $BaseUri -Token $adminTokenText -NotDefault @v
            Connect-DsServer -Uri $BaseUri -Token $adminToken -NotDefault @v
            try { Connect-DsServer -Uri $BaseUri -Credential $wrongCredential -NotDefault @v } catch { $_ }
        }
        'Save-DsConnection'        = { Save-DsConnection -Name "$base-saved" -Uri $BaseUri -Token $adminToken -Force @v }
        'Get-DsSavedConnection'    = { Get-DsSavedConnection @v; Connect-DsServer -Name "$base-saved" -NotDefault @v }
        'Remove-DsSavedConnection' = { Remove-DsSavedConnection -Name "$base-saved" -Force @v }
        'Get-DsConnection'         = { Get-DsConnection -All @v }
        'Get-DsProject'            = { Get-DsProject -Name $project.Name @v; Get-DsProject -Code $project.Code -Connection $tokenConnection @v }
        'New-DsProject'            = { New-DsProject -Name "$base-p2" -Description 'secret test' @v }
        'Set-DsProject'            = { Set-DsProject -Project "$base-p2" -Description 'changed' -PassThru @v }
        'Grant-DsProject'          = { Grant-DsProject -Project $project -User $user -PassThru @v }
        'Revoke-DsProject'         = { Revoke-DsProject -Project $project -User $user -PassThru @v }
        'Remove-DsProject'         = { Remove-DsProject -Project "$base-p2" -Force @v }
        'New-DsTask'               = { $script:task = New-DsTask -Name say -Type SHELL -Script 'echo hello' @v; $script:task }
        'New-DsWorkflow'           = { $script:workflow = New-DsWorkflow -Project $project -Name "$base-wf" -Task $script:task -Publish @v; $script:workflow }
        'Get-DsWorkflow'           = { Get-DsWorkflow -Project $project @v; Get-DsWorkflow -Project $project -Name "$base-wf" @v }
        'New-DsSchedule'           = { $script:schedule = New-DsSchedule -Workflow $script:workflow -Cron '0 0 2 * * ? *' @v; $script:schedule }
        'Get-DsSchedule'           = { Get-DsSchedule -Project $project @v }
        'Set-DsSchedule'           = { Set-DsSchedule -Schedule $script:schedule -Cron '0 30 2 * * ? *' -PassThru @v }
        'Enable-DsSchedule'        = { Enable-DsSchedule -Schedule $script:schedule -PassThru @v }
        'Disable-DsSchedule'       = { Disable-DsSchedule -Schedule $script:schedule -PassThru @v }
        'Remove-DsSchedule'        = { Remove-DsSchedule -Schedule $script:schedule -Force @v }
        'Unpublish-DsWorkflow'     = { Unpublish-DsWorkflow -Workflow $script:workflow -PassThru @v }
        'Set-DsWorkflow'           = { Set-DsWorkflow -Workflow $script:workflow -Description 'changed' -PassThru @v }
        'Publish-DsWorkflow'       = { Publish-DsWorkflow -Workflow $script:workflow -PassThru @v }
        'Remove-DsWorkflow'        = { Unpublish-DsWorkflow -Workflow $script:workflow @v; Remove-DsWorkflow -Workflow $script:workflow -Force @v }
        'New-DsResourceDirectory'  = { New-DsResourceDirectory -Path "/$base/dir" @v }
        'Send-DsResource'          = { Send-DsResource -Path $sample -Destination "/$base/dir" -Force @v }
        'Get-DsResource'           = { Get-DsResource -Path "/$base" -Recurse @v }
        'Receive-DsResource'       = { Receive-DsResource -Path "/$base/dir/sample.txt" -Destination (Join-Path $work 'received.txt') -Force @v }
        'Remove-DsResource'        = { Remove-DsResource -Path "/$base" -Force @v }
        'Get-DsQueue'              = { Get-DsQueue -Name $queue.Name @v }
        'New-DsQueue'              = { New-DsQueue -Name "$base-q2" -QueueValue "root.$base.2" @v }
        'Set-DsQueue'              = { Set-DsQueue -Queue "$base-q2" -QueueValue "root.$base.3" -PassThru @v }
        'Remove-DsQueue'           = { Remove-DsQueue -Queue "$base-q2" -Force @v }
        'Get-DsTenant'             = { Get-DsTenant -TenantCode $tenant.TenantCode @v }
        'New-DsTenant'             = { New-DsTenant -TenantCode "$base-t2" -Queue $queue @v }
        'Set-DsTenant'             = { Set-DsTenant -Tenant "$base-t2" -Description 'changed' -PassThru @v }
        'Remove-DsTenant'          = { Remove-DsTenant -Tenant "$base-t2" -Force @v }
        'Get-DsUser'               = { Get-DsUser -UserName $user.UserName @v; Get-DsUser -Current -Connection $tokenConnection @v }
        'New-DsUser'               = { New-DsUser -UserName "$base-u2" -Password $userPassword -Tenant $tenant -Email "$base-2@example.com" @v }
        'Set-DsUser'               = {
            Set-DsUser -User "$base-u2" -Password $newPassword -PassThru @v
            $asUser = Connect-DsServer -Uri $BaseUri -Credential ([pscredential]::new("$base-u2", $newPassword)) -NotDefault @v
            $sessions.Add((Get-SessionText $asUser))
            Get-DsUser -Current -Connection $asUser @v
        }
        'Remove-DsUser'            = { Remove-DsUser -User "$base-u2" -Force @v }
        'Get-DsToken'              = { Get-DsToken @v; Get-DsToken -User $user @v }
        'New-DsToken'              = { $t = New-DsToken -User $user -ValidFor (New-TimeSpan -Days 1) @v; $madeTokens.Add((Get-Plain $t.Token)); $t }
        'Remove-DsToken'           = { Get-DsToken -User $user | Select-Object -First 1 | Remove-DsToken -Force @v }
        'Invoke-DsApi'             = {
            Invoke-DsApi -Path /projects -Parameter @{ pageNo = 1; pageSize = 5 } @v
            Invoke-DsApi -Path /access-tokens -Parameter @{ pageNo = 1; pageSize = 50 } @v
            Invoke-DsApi -Method POST -Path /login -Parameter @{ userName = 'admin'; userPassword = $adminPasswordText } @v
            Invoke-DsApi -Path /resources/download -Parameter @{ fullName = 'file:/nope/none.txt' } -OutFile (Join-Path $work 'none.txt') @v
        }
        'Get-DsInstance'           = { Get-DsInstance -Project $project @v; Get-DsInstance -Project $project -Id $missing @v }
        'Start-DsWorkflow'         = { Start-DsWorkflow -Project $project -Workflow $missing -Parameter @{ dt = '2024-01-01' } @v }
        'Invoke-DsInstance'        = { Invoke-DsInstance -Project $project -Instance $missing -ExecuteType STOP -Force @v }
        'Stop-DsInstance'          = { Stop-DsInstance -Project $project -Instance $missing -Force @v }
        'Suspend-DsInstance'       = { Suspend-DsInstance -Project $project -Instance $missing @v }
        'Resume-DsInstance'        = { Resume-DsInstance -Project $project -Instance $missing @v }
        'Restart-DsInstance'       = { Restart-DsInstance -Project $project -Instance $missing @v }
        'Wait-DsInstance'          = { Wait-DsInstance -Project $project -Instance $missing -TimeoutSec 2 @v }
        'Remove-DsInstance'        = { Remove-DsInstance -Project $project -Instance $missing -Force @v }
        'Get-DsTaskInstance'       = { Get-DsTaskInstance -Instance $missing -Project $project @v }
        'Get-DsTaskLog'            = { Get-DsTaskLog -TaskInstance $missing -Project $project @v }
        'Save-DsTaskLog'           = { Save-DsTaskLog -TaskInstance $missing -Destination (Join-Path $work 'task.log') @v }
        'Disconnect-DsServer'      = { Disconnect-DsServer -Connection $script:passwordConnection @v; Disconnect-DsServer -Connection $tokenConnection @v }
    }
    # The run cmdlets also run for real, on a workflow whose task echoes a start parameter.
    $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $project.Code -Task ([ordered]@{ say = 'echo "value=${pw}"' })
    $scenarios['Start-DsWorkflow'] = { $script:run = $wf | Start-DsWorkflow -Parameter @{ pw = 'not-a-secret' } -Wait -PollIntervalSec 0.2 -TimeoutSec 120 @v; $script:run }
    $scenarios['Get-DsTaskInstance'] = { $script:run | Get-DsTaskInstance @v }
    $scenarios['Get-DsTaskLog'] = { $script:run | Get-DsTaskInstance | Get-DsTaskLog @v }
    $scenarios['Save-DsTaskLog'] = { $script:run | Get-DsTaskInstance | Save-DsTaskLog -Destination $work -Force @v }
    $scenarios['Wait-DsInstance'] = { $script:run | Wait-DsInstance -TimeoutSec 30 @v }
    $scenarios['Invoke-DsInstance'] = { $script:run | Invoke-DsInstance -ExecuteType REPEAT_RUNNING -Wait -PollIntervalSec 0.2 -TimeoutSec 120 @v }

    # Run everything inside one transcript, collecting every stream.
    $transcript = Join-Path $work 'transcript.txt'
    $errorsBefore = $Error.Count
    $captured = [System.Collections.Generic.List[object]]::new()
    $ran = [System.Collections.Generic.List[string]]::new()
    $null = Start-Transcript -Path $transcript -Force
    try {
        foreach ($entry in $scenarios.GetEnumerator()) {
            $ran.Add($entry.Key)
            try {
                & {
                    $ErrorActionPreference = 'Continue'
                    & $entry.Value *>&1
                } | ForEach-Object { $captured.Add($_); $_ | Out-Host }
            }
            catch { $captured.Add($_); $_ | Out-Host }
        }
    }
    finally {
        $null = Stop-Transcript
    }
    $sessions.Add((Get-SessionText $admin))
    # Sessions made by Invoke-DsApi POST /login come back as SecureStrings; they must not show either.
    foreach ($item in $captured) {
        if ($item -is [psobject] -and $item.PSObject.Properties['sessionId'] -and $item.sessionId -is [securestring]) { $sessions.Add((Get-Plain $item.sessionId)) }
    }
    $newErrors = @($Error | Select-Object -First ([Math]::Max(0, $Error.Count - $errorsBefore)))

    # Everything that could show a secret, as text: one entry per place, so a failure says where.
    $places = [System.Collections.Generic.List[object]]::new()
    function Add-Place([string] $Where, $Text) { if ($null -ne $Text) { $places.Add([pscustomobject]@{ Where = $Where; Text = "$Text" }) } }
    Add-Place 'transcript' (Get-Content $transcript -Raw)
    $i = 0
    foreach ($item in @($captured) + $newErrors) {
        $i++
        if ($null -eq $item) { continue }
        $kind = $item.GetType().Name
        if ($item -is [System.Management.Automation.ErrorRecord]) {
            Add-Place "$i $kind Out-String" ($item | Out-String -Width 400)
            Add-Place "$i $kind exception" $item.Exception.ToString()
            for ($e = $item.Exception; $e; $e = $e.InnerException) { Add-Place "$i $kind $($e.GetType().Name).Message" $e.Message }
            if ($item.ErrorDetails) { Add-Place "$i $kind ErrorDetails" "$($item.ErrorDetails.Message) $($item.ErrorDetails.RecommendedAction)" }
            Add-Place "$i $kind TargetObject" ($item.TargetObject | Out-String -Width 400)
            Add-Place "$i $kind CategoryInfo" $item.CategoryInfo.ToString()
        }
        elseif ($item -is [System.Management.Automation.InformationalRecord] -or $item -is [System.Management.Automation.InformationRecord]) {
            Add-Place "$i $kind" $item.ToString()
        }
        else {
            Add-Place "$i $kind ToString" $item.ToString()
            Add-Place "$i $kind default view" ($item | Out-String -Width 400)
            Add-Place "$i $kind Format-List" ($item | Format-List * -Force | Out-String -Width 400)
            Add-Place "$i $kind Format-Table" ($item | Format-Table * -Force | Out-String -Width 400)
            Add-Place "$i $kind ConvertTo-Json" ($item | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue)
        }
    }
    $secrets = [ordered]@{
        'admin password'        = @($adminPasswordText)
        'user password'         = @($userPasswordText)
        'changed user password' = @($newPasswordText)
        'wrong password'        = @($wrongPasswordText)
        'token texts'           = @($madeTokens)
        'session ids'           = @($sessions | Where-Object { $_ } | Sort-Object -Unique)
    }
}

AfterAll {
    Remove-Item $env:DOLPHINSCHEDULER_CONFIG_HOME -Recurse -Force -ErrorAction SilentlyContinue
    $env:DOLPHINSCHEDULER_CONFIG_HOME = $previousHome
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Secrets never show [$Flavor]" {
    It 'every exported cmdlet was run' {
        $exported = @(Get-Command -Module DolphinScheduler -CommandType Cmdlet).Name
        @($exported | Where-Object { $ran -notcontains $_ }) | Should -BeNullOrEmpty -Because 'each cmdlet needs an entry in $scenarios'
    }

    It 'the run produced output, verbose and debug text, warnings and errors to search' {
        $places.Count | Should -BeGreaterThan 100
        @($captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 10
        @($captured | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 10
        @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 3
        @($captured | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match 'userPassword=\*\*\*' }).Count | Should -BeGreaterThan 0
        (Get-Item $transcript).Length | Should -BeGreaterThan 1000
    }

    It 'the secrets were really used: the session ids are known and the tokens and passwords work' {
        @($sessions | Where-Object { $_ } | Sort-Object -Unique).Count | Should -BeGreaterOrEqual 2 -Because "the admin session (DS hands a user its live session again at the next login) and the changed user's"
        $madeTokens.Count | Should -BeGreaterOrEqual 3
    }

    It 'no <_> appear anywhere' -ForEach @('admin password', 'user password', 'changed user password', 'wrong password', 'token texts', 'session ids') {
        $texts = $secrets[$_]
        $texts | Should -Not -BeNullOrEmpty
        foreach ($text in $texts) {
            $text | Should -Not -BeNullOrEmpty
            $hits = @($places | Where-Object { $_.Text.Contains($text) } | ForEach-Object Where)
            $hits | Should -BeNullOrEmpty -Because 'no transcript line, stream, error record or format view may show it'
        }
    }

    It 'Invoke-DsApi turns secret fields of the answer into SecureStrings' {
        $tokens = @(Invoke-DsApi -Path /access-tokens -Parameter @{ pageNo = 1; pageSize = 10 }).totalList
        $tokens.Count | Should -BeGreaterThan 0
        $tokens[0].token | Should -BeOfType System.Security.SecureString
        (Invoke-DsApi -Method POST -Path /login -Parameter @{ userName = 'admin'; userPassword = $adminPasswordText }).sessionId | Should -BeOfType System.Security.SecureString
    }
}
