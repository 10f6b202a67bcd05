param($Flavor, $BaseUri)

# The bad-input battery: every parameter of every exported cmdlet (read from the live module, so a new cmdlet or
# parameter is covered without changing this file) gets the bad values its type calls for: empty, white space, too
# long, wrong type, unicode, names with % / & ?, negative numbers, numbers that overflow, dates that are garbage or at
# the ends of the calendar, invalid cron expressions, missing input files, read-only destinations.
#
# Every case must end cleanly: each error record names the parameter (PowerShell's binding errors carry ParameterName;
# the module's own errors name the parameter or the value), none is an unexpected exception (NullReferenceException,
# InvalidCastException, ..., DsUnexpectedError) or shows a .NET stack trace. Cases marked "refused" must give an error
# and send no request at all (the sandbox journal is read before and after); the others ("handled") may succeed or fail,
# but cleanly, and without a request outside the contract. Commands that change server state run with -WhatIf; the
# other mandatory parameters get valid values made in BeforeAll. One It per case, so Pester's summary counts them.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # The values a parameter gets, by what it is. Expect: Refused (an error and no request) or Handled (clean either way).
    function Get-ValueCase([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.ParameterMetadata] $Parameter) {
        $name = $Parameter.Name
        $type = $Parameter.ParameterType
        $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
        if ([Nullable]::GetUnderlyingType($element)) { $element = [Nullable]::GetUnderlyingType($element) }
        $attributes = $Parameter.Attributes
        $notEmpty = [bool]($attributes | Where-Object { $_ -is [System.Management.Automation.ValidateNotNullOrEmptyAttribute] })
        $length = $attributes | Where-Object { $_ -is [System.Management.Automation.ValidateLengthAttribute] } | Select-Object -First 1
        $set = $attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
        $range = $attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] } | Select-Object -First 1
        $mandatory = [bool]($Parameter.ParameterSets.Values | Where-Object IsMandatory)
        $localInput = $name -eq 'InFile' -or ($name -in 'Path', 'LiteralPath' -and $Command.Verb -eq 'Send')
        $localOutput = $name -eq 'OutFile' -or ($name -eq 'Destination' -and $Command.Verb -in 'Save', 'Receive')
        $secret = $element -eq [securestring] -or $name -in 'Token', 'Password', 'Credential'

        if ($element -eq [System.Management.Automation.SwitchParameter]) { return }
        if ($name -eq 'Connection' -or $element.Namespace -eq 'DolphinScheduler' -and -not $element.Name.EndsWith('Argument')) {
            # A module object (DsConnection, DsToken, DsTaskSpec, ...): a string is the wrong type.
            return @{ Value = 'text'; Expect = 'Refused' }
        }
        if ($element -eq [string]) {
            # Invoke-DsApi -Path is sent as written: an odd path is a request to an unknown path (a contract violation).
            $verbatim = $Command.Name -eq 'Invoke-DsApi' -and $name -eq 'Path'
            if ($localInput) {
                @{ Value = 'missing-file'; Expect = 'Refused' }
                @{ Value = 'empty'; Expect = 'Refused' }
                return
            }
            if ($localOutput) {
                @{ Value = 'readonly-destination'; Expect = 'Refused' }
                @{ Value = 'empty'; Expect = 'Refused' }
                @{ Value = 'blank'; Expect = 'Refused' }
                return
            }
            @{ Value = 'empty'; Expect = $(if ($notEmpty -or $mandatory) { 'Refused' } else { 'Handled' }) }
            @{ Value = 'blank'; Expect = $(if ($notEmpty -or $mandatory) { 'Refused' } else { 'Handled' }) }
            if (-not $verbatim) { @{ Value = 'long'; Expect = $(if ($length -or $set) { 'Refused' } else { 'Handled' }) } }
            if ($set) { @{ Value = 'not-in-set'; Expect = 'Refused' } }
            if ($name -eq 'Cron') {
                @{ Value = 'cron-garbage'; Expect = 'Refused' }
                @{ Value = 'cron-short'; Expect = 'Refused' }
            }
            if (-not $verbatim) {
                @{ Value = 'unicode'; Expect = $(if ($set) { 'Refused' } else { 'Handled' }) }
                @{ Value = 'special'; Expect = $(if ($set) { 'Refused' } else { 'Handled' }) }
            }
            return
        }
        if ($element -in [int], [long], [double], [uint64], [int16], [byte]) {
            $negativeOk = $range -and [double]$range.MinRange -lt 0
            @{ Value = 'negative'; Expect = $(if ($negativeOk) { 'Handled' } else { 'Refused' }) }
            @{ Value = 'text'; Expect = 'Refused' }
            @{ Value = 'overflow'; Expect = 'Refused' }
            return
        }
        if ($element -eq [datetime]) {
            @{ Value = 'date-garbage'; Expect = 'Refused' }
            @{ Value = 'date-min'; Expect = 'Handled' }
            @{ Value = 'date-max'; Expect = 'Handled' }
            return
        }
        if ($element -eq [timespan]) {
            @{ Value = 'timespan-garbage'; Expect = 'Refused' }
            @{ Value = 'timespan-negative'; Expect = 'Refused' }
            return
        }
        if ($element -eq [uri]) {
            @{ Value = 'uri-relative'; Expect = 'Refused' }
            @{ Value = 'uri-ftp'; Expect = 'Refused' }
            @{ Value = 'empty'; Expect = 'Refused' }
            return
        }
        if ($element -eq [hashtable] -or $element -eq [System.Collections.IDictionary]) {
            @{ Value = 'text'; Expect = 'Refused' }
            return
        }
        if ($element -eq [securestring] -or $element -eq [pscredential]) {
            # A plain string is the wrong type for a secret (a string for -Credential would prompt, so a number is given).
            @{ Value = 'number'; Expect = 'Refused' }
            return
        }
        # Argument types (ProjectArgument, ...) and [object] parameters: an object, a name or an id.
        @{ Value = 'empty'; Expect = 'Refused' }
        @{ Value = 'blank'; Expect = 'Refused' }
        @{ Value = 'hashtable'; Expect = 'Refused' }
        if (-not $secret) {
            @{ Value = 'long'; Expect = 'Handled' }
            @{ Value = 'unicode'; Expect = 'Handled' }
            @{ Value = 'special'; Expect = 'Handled' }
            @{ Value = 'negative'; Expect = 'Handled' }
        }
        else {
            @{ Value = 'special'; Expect = 'Handled' }
        }
    }

    # The parameter set a parameter is tested in: the default set when it has it, else one where it is mandatory.
    function Get-TestSet([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.ParameterMetadata] $Parameter) {
        $sets = @($Parameter.ParameterSets.Keys)
        $default = $Command.DefaultParameterSet
        if ($sets -contains '__AllParameterSets') { return $(if ($default) { $default } else { '__AllParameterSets' }) }
        if ($default -and $sets -contains $default) { return $default }
        $mandatoryIn = @($sets | Where-Object { $Parameter.ParameterSets[$_].IsMandatory })
        if ($mandatoryIn) { return $mandatoryIn[0] }
        $sets[0]
    }

    $cases = foreach ($command in Get-Command -Module DolphinScheduler -CommandType Cmdlet | Sort-Object Name) {
        foreach ($parameter in $command.Parameters.Values | Where-Object { $common -notcontains $_.Name }) {
            $set = Get-TestSet $command $parameter
            foreach ($case in @(Get-ValueCase $command $parameter)) {
                if ($null -eq $case) { continue }
                @{
                    Command   = $command.Name
                    Parameter = $parameter.Name
                    Set       = $set
                    Value     = $case.Value
                    Expect    = $case.Expect
                }
            }
        }
    }
    $script:caseCount = @($cases).Count
    $script:commandCount = @($cases.Command | Sort-Object -Unique).Count
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsFaultHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsRunHelpers.psm1') -Force
    Import-DsTestModule
    $admin = Connect-TestAdmin -BaseUri $BaseUri
    $origin = Get-SandboxOrigin $BaseUri
    $previousHome = $env:DOLPHINSCHEDULER_CONFIG_HOME
    $env:DOLPHINSCHEDULER_CONFIG_HOME = Join-Path ([IO.Path]::GetTempPath()) "ds-bad-$([guid]::NewGuid().ToString('N'))"
    $work = Join-Path ([IO.Path]::GetTempPath()) "ds-bad-work-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory -Path $work
    $inFile = Join-Path $work 'input.txt'
    Set-Content -Path $inFile -Value 'input'

    # A destination folder nothing may be written to: read-only for everyone, and immutable when running as root
    # (root ignores the mode). When even that is not possible here, the read-only cases are skipped, saying why.
    $readOnly = Join-Path $work 'read-only'
    $null = New-Item -ItemType Directory -Path $readOnly
    if (-not $IsWindows) {
        & chmod 555 $readOnly
        if ((& id -u) -eq '0') { & chattr +i $readOnly 2>$null }
    }
    else {
        $acl = Get-Acl $readOnly
        $acl.AddAccessRule([System.Security.AccessControl.FileSystemAccessRule]::new([System.Security.Principal.WindowsIdentity]::GetCurrent().Name, 'CreateFiles,WriteData,AppendData', 'Deny'))
        Set-Acl $readOnly $acl
    }
    $readOnlyWorks = $true
    try { [IO.File]::WriteAllText((Join-Path $readOnly 'probe'), 'x'); $readOnlyWorks = $false; Remove-Item (Join-Path $readOnly 'probe') -Force } catch { }

    # Valid objects for the mandatory parameters that are not under test.
    $base = New-TestName bad
    $password = ConvertTo-SecureString 'Passw0rd!x' -AsPlainText -Force
    $fx = @{}
    $fx.Project = New-DsProject -Name "$base-p"
    $fx.Queue = New-DsQueue -Name "$base-q" -QueueValue "root.$base"
    $fx.Tenant = New-DsTenant -TenantCode "$base-t" -Queue $fx.Queue
    $fx.User = New-DsUser -UserName "$base-u" -Password $password -Tenant $fx.Tenant -Email "$base@example.com"
    $fx.Token = New-DsToken -User $fx.User -ValidFor (New-TimeSpan -Days 30)
    $null = Save-DsConnection -Name "$base-saved" -Uri $BaseUri -Token $fx.Token -Force -WarningAction SilentlyContinue
    $fx.Placeholder = 999999
    $wf = New-TestWorkflow -Flavor $Flavor -ProjectCode $fx.Project.Code -Task ([ordered]@{ a = 'echo a' })
    $fx['Workflow'] = $wf
    $fx['Instance'] = $wf | Start-DsWorkflow -Wait -PollIntervalSec 0.2 -TimeoutSec 120
    $fx['TaskInstance'] = @($fx['Instance'] | Get-DsTaskInstance)[0]
    $fx['Workflow'] = New-DsWorkflow -Project $fx.Project -Name "$base-wf" -Task (New-DsTask -Name a -Type SHELL -Script 'echo a') -Publish
    $fx['Schedule'] = New-DsSchedule -Workflow $fx['Workflow'] -Cron '0 0 2 * * ? *'
    $fx['TaskSpec'] = New-DsTask -Name b -Type SHELL -Script 'echo b'
    $fx['Resource'] = $inFile | Send-DsResource -Destination "/$base" -Force
    # Parameters that are not mandatory but without which a command cannot do anything (a SHELL task needs a script).
    $alwaysGiven = @{ 'New-DsTask' = @{ Script = 'echo bad-input' } }

    # A valid value for a mandatory parameter that is not under test; $null when there is none (the case then runs without it).
    function Get-Baseline([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.ParameterMetadata] $Parameter) {
        $name = $Parameter.Name
        $type = $Parameter.ParameterType
        $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
        $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
        if ($set) { return $set.ValidValues[0] }
        switch -Regex ($element.Name) {
            '^ProjectArgument$' { return $fx.Project }
            '^QueueArgument$' { return $fx.Queue }
            '^TenantArgument$' { return $fx.Tenant }
            '^UserArgument$' { return $fx.User }
            '^InstanceArgument$' { return $(if ($fx['Instance']) { $fx['Instance'] } else { $fx.Placeholder }) }
            '^TaskInstanceArgument$' { return $(if ($fx['TaskInstance']) { $fx['TaskInstance'] } else { $fx.Placeholder }) }
            '^WorkflowArgument$' { return $(if ($fx['Workflow']) { $fx['Workflow'] } else { $fx.Placeholder }) }
            '^ResourceArgument$' { return $fx['Resource'] }
            '^DsToken$' { return $fx.Token }
            '^DsTaskSpec$' { return $fx['TaskSpec'] }
            '^DsSchedule$' { return $fx['Schedule'] }
            '^DsConnection$' { return $admin }
            '^SecureString$' { return $password }
            '^PSCredential$' { return (Get-AdminCredential) }
            '^Uri$' { return [uri]$BaseUri }
            '^DateTime$' { return (Get-Date).AddDays(30) }
            '^TimeSpan$' { return (New-TimeSpan -Days 30) }
            '^SwitchParameter$' { return [switch]$true }
            '^Hashtable$' { return @{} }
        }
        if ($element -in [int], [long]) {
            if ($name -eq 'Code') { return $fx.Project.Code }
            if ($Command.Name -eq 'Remove-DsToken') { return $fx.Token.Id }
            if ($Command.Noun -eq 'DsSchedule') { return $fx['Schedule'].Id }
            return 1
        }
        switch ($name) {
            'Workflow' { return $(if ($fx['Workflow']) { $fx['Workflow'] } else { $fx.Placeholder }) }
            'Token' { return $fx.Token }
            'Path' {
                if ($Command.Name -eq 'Invoke-DsApi') { return '/projects' }
                if ($Command.Verb -eq 'Send') { return $inFile }
                return $fx['Resource']
            }
            'Name' {
                if ($Command.Noun -eq 'DsSavedConnection' -or $Command.Name -eq 'Connect-DsServer') { return "$base-saved" }
                return "$base-new"
            }
            'Email' { return "$base-n@example.com" }
            'Cron' { return '0 0 2 * * ? *' }
            'QueueValue' { return "root.$base-n" }
        }
        if ($element -eq [string]) { return "$base-n" }
        if ($element -eq [object]) { return $fx.Placeholder }
        $null
    }

    $long = 'x' * 5000
    function Get-BadValue([string] $Kind) {
        switch ($Kind) {
            'empty' { '' }
            'blank' { '   ' }
            'long' { $long }
            'not-in-set' { 'NOT_A_VALID_VALUE' }
            'unicode' { 'ünï-名前-😀' }
            'special' { 'a%2Fb/c&d=e?f#g%' }
            'cron-garbage' { 'every day at noon' }
            'cron-short' { '* * *' }
            'missing-file' { Join-Path $work 'no-such-file.bin' }
            'readonly-destination' { Join-Path $readOnly 'out.bin' }
            'negative' { -1 }
            'text' { 'abc' }
            'overflow' { '99999999999999999999999' }
            'date-garbage' { 'the day after tomorrow' }
            'date-min' { [datetime]::MinValue }
            'date-max' { [datetime]::MaxValue }
            'timespan-garbage' { 'a while' }
            'timespan-negative' { New-TimeSpan -Days -1 }
            'uri-relative' { 'not a uri' }
            'uri-ftp' { 'ftp://example.com/dolphinscheduler' }
            'hashtable' { @{ bogus = 1 } }
            'number' { 42 }
        }
    }

    # Exception types that mean a bug, never an answer to bad input.
    $bugTypes = 'NullReferenceException', 'InvalidCastException', 'IndexOutOfRangeException', 'KeyNotFoundException', 'ArgumentOutOfRangeException',
        'DivideByZeroException', 'StackOverflowException', 'AccessViolationException', 'ObjectDisposedException', 'TypeInitializationException'
    $bindingIds = '^(ParameterArgumentValidationError|ParameterArgumentTransformationError|CannotConvertArgument|CannotConvertArgumentNoMessage|ParameterBindingFailed|MissingArgument|PositionalParameterNotFound|AmbiguousParameterSet|InputObjectNotBound|MissingMandatoryParameter|NamedParameterNotFound|ParameterAlreadyBound|Argument)'

    function Test-Case([hashtable] $Case) {
        $command = Get-Command $Case.Command
        $bound = @{}
        foreach ($p in $command.Parameters.Values) {
            if ($p.Name -eq $Case.Parameter) { continue }
            $inSet = $p.ParameterSets[$Case.Set] ?? $p.ParameterSets['__AllParameterSets']
            if ($inSet -and $inSet.IsMandatory) {
                $value = Get-Baseline $command $p
                if ($null -ne $value) { $bound[$p.Name] = $value }
            }
        }
        if ($alwaysGiven.ContainsKey($Case.Command)) {
            foreach ($extra in $alwaysGiven[$Case.Command].GetEnumerator()) { if ($extra.Key -ne $Case.Parameter) { $bound[$extra.Key] = $extra.Value } }
        }
        $value = Get-BadValue $Case.Value
        $bound[$Case.Parameter] = $value
        $writesLocally = $Case.Value -eq 'readonly-destination'
        if ($command.Parameters.ContainsKey('WhatIf') -and -not $writesLocally) { $bound['WhatIf'] = $true }
        if ($command.Parameters.ContainsKey('Confirm')) { $bound['Confirm'] = $false }
        if ($command.Name -eq 'Connect-DsServer') { $bound['NotDefault'] = $true }
        if ($command.Parameters.ContainsKey('TimeoutSec') -and $Case.Parameter -ne 'TimeoutSec' -and $command.Noun -ne 'DsServer' -and $command.Noun -ne 'DsConnection') { $bound['TimeoutSec'] = 5 }
        $bound['WarningAction'] = 'SilentlyContinue'

        $before = Invoke-RestMethod "$origin/_sandbox/requests/count"
        $errors = [System.Collections.Generic.List[object]]::new()
        try {
            & {
                $ErrorActionPreference = 'Continue'
                & $Case.Command @bound 2>&1
            } | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) } }
        }
        catch { $errors.Add($_) }
        $after = Invoke-RestMethod "$origin/_sandbox/requests/count"
        if ($after.requests -ne $before.requests) {
            Start-Sleep -Milliseconds 50
            $after = Invoke-RestMethod "$origin/_sandbox/requests/count"
        }
        [pscustomobject]@{
            Errors     = $errors.ToArray()
            Requests   = $after.requests - $before.requests
            Violations = if ($after.violations -ne $before.violations) { @(Invoke-RestMethod "$origin/_sandbox/violations?skip=$($before.violations)") } else { @() }
            Value      = $value
        }
    }

    # Why an error record is not acceptable ($null when it is): a bug type, an unexpected-error id, a stack trace, or
    # nothing that names the parameter (or the value, or for secrets an authentication failure).
    function Get-Problem($Record, [hashtable] $Case, $Value) {
        $chain = @(for ($e = $Record.Exception; $e; $e = $e.InnerException) { $e })
        $id = $Record.FullyQualifiedErrorId
        $isBinding = $id -match $bindingIds -or ($chain | Where-Object { $_ -is [System.Management.Automation.ParameterBindingException] })
        if (-not $isBinding) {
            $bug = $chain | Where-Object { $bugTypes -contains $_.GetType().Name } | Select-Object -First 1
            if ($bug) { return "unexpected $($bug.GetType().FullName): $($bug.Message)" }
        }
        if ($id -like 'DsUnexpectedError*') { return "DsUnexpectedError: $($Record.Exception.Message)" }
        $text = "$($Record.Exception.Message) $($Record.ErrorDetails)"
        if ($text -match '(?m)^\s+at [\w.`<>]+\(' -or $text -match 'System\.\w+Exception:') { return "a stack trace in the message: $text" }
        $named = $false
        $bindingException = $chain | Where-Object { $_ -is [System.Management.Automation.ParameterBindingException] } | Select-Object -First 1
        if ($bindingException) { $named = $bindingException.ParameterName -eq $Case.Parameter }
        # The parameter's name as a word ("-TaskInstance", "TaskInstance" or "task instance"), not inside another word.
        $words = ($Case.Parameter -creplace '(?<!^)([A-Z])', ' $1') -split ' ' | ForEach-Object { [regex]::Escape($_) }
        if (-not $named) { $named = $text -match ('(?i)(?<![A-Za-z])-?' + ($words -join '[\s-]?') + '(?![a-z])') }
        if (-not $named -and $Value -is [string] -and $Value.Trim().Length -gt 0) { $named = $text.Contains($Value) -or $text.Contains($Value.Trim()) }
        if (-not $named -and ($Value -is [int] -or $Value -is [long])) { $named = $text -match "(?<![\d-])$Value(?!\d)" }
        if (-not $named -and $Value -is [string] -and $Value.Length -gt 0) { $named = ($Record.TargetObject -is [string] -and $Record.TargetObject -eq $Value) }
        if (-not $named -and $Case.Parameter -in 'Token', 'Password', 'Credential') { $named = $Record.CategoryInfo.Category -eq 'AuthenticationError' }
        # The stand-in id of another parameter (no instance can be made on this sandbox) may be what is missing.
        if (-not $named -and ("$text" -match "$($fx.Placeholder)" -or "$($Record.TargetObject)" -eq "$($fx.Placeholder)")) { $named = $true }
        if (-not $named) { return "the error does not name -$($Case.Parameter): [$id] $text" }
        $null
    }
}

AfterAll {
    if (-not $IsWindows) {
        if ((& id -u) -eq '0') { & chattr -i $readOnly 2>$null }
        & chmod 755 $readOnly
    }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item $env:DOLPHINSCHEDULER_CONFIG_HOME -Recurse -Force -ErrorAction SilentlyContinue
    $env:DOLPHINSCHEDULER_CONFIG_HOME = $previousHome
    Get-DsConnection -All | Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Bad input battery [$Flavor]: $caseCount cases over $commandCount cmdlets" {
    BeforeAll { $tried = [System.Collections.Generic.List[string]]::new() }
    AfterAll { Write-Host "Bad input battery [$Flavor]: $($tried.Count) cases tried over $(@($tried | ForEach-Object { ($_ -split ' ')[0] } | Sort-Object -Unique).Count) cmdlets." }

    It '<Command> -<Parameter> <Value>: <Expect>' -ForEach $cases {
        if ($Value -eq 'readonly-destination' -and -not $readOnlyWorks) {
            Set-ItResult -Skipped -Because 'no folder can be made read-only for this user here'
            return
        }
        $case = $_
        $tried.Add("$Command -$Parameter $Value")
        $r = Test-Case $case
        $problems = @($r.Errors | ForEach-Object { Get-Problem $_ $case $r.Value } | Where-Object { $_ })
        $problems | Should -BeNullOrEmpty
        if ($Expect -eq 'Refused') {
            $r.Errors | Should -Not -BeNullOrEmpty -Because 'the value must be refused'
            $r.Requests | Should -Be 0 -Because 'a refused value sends nothing'
        }
        @($r.Violations | ForEach-Object { "$($_.kind) $($_.method) $($_.path)" }) | Should -BeNullOrEmpty -Because 'every request stays inside the contract'
        if ($Value -eq 'readonly-destination') { @(Get-ChildItem $readOnly -Force) | Should -BeNullOrEmpty }
    }
}
