<#
.SYNOPSIS
    Per-call cost: -Count sequential `Get-DsProject -Code` calls against the same calls made with Invoke-RestMethod
    and with one raw System.Net.Http.HttpClient, interleaved in one run against a sandbox on loopback.
.DESCRIPTION
    Starts its own sandbox (-ServerVersion), creates one project, then measures two ways.

    Steady state (the table's main rows). The contenders are warmed up in rounds of -WarmupCount calls each until the
    JIT is quiet: until a whole warm-up round compiles fewer than 10 methods, three rounds in a row (at most
    -MaxWarmupRounds rounds; the count comes from System.Runtime.JitInfo). Without this the timed rounds also time
    .NET's background tier-1 compilation, which on 2 cores runs for some 10,000 calls of a command and costs the
    module (more code to compile) more than the raw loop. Then -Rounds rounds time each contender once (-Count calls in
    a PowerShell for loop), in an order rotated every round. All contenders use the same server session (header
    sessionId) and read the answer:
      ours        $null = Get-DsProject -Code $code                       (typed DsProject, errors as records)
      irm         $r = Invoke-RestMethod $uri -Headers @{sessionId=...}; check $r.code; $r.data
      httpclient  one HttpClient: GetStringAsync($uri), JsonDocument.Parse, check code
    and two diagnostic contenders without a target, which show what calling any PowerShell command between the raw
    requests costs in this loop (the floor under "ours/httpclient" for a module of commands):
      httpclient+function  the raw call plus `$null = Invoke-EmptyCommand`, an advanced function that only writes $true
      httpclient+cmdlet    the raw call plus `$null = Get-DsConnection`, this module's cheapest compiled cmdlet (no I/O)
    Ratios are per round (paired) and the table shows their median, with the median per-call times.

    Cold (-ColdRounds, 0 to skip): each of ours, irm and httpclient runs its first -Count calls in a fresh pwsh process
    (after importing the module and connecting, for ours), as a scheduled job does; the child processes alternate.

    Targets: at least 2x faster than Invoke-RestMethod; within 1.3x of the raw HttpClient.
    Needs the built module (dotnet pwsh ./build.ps1 Build -SkipHelp). Results: bench/results/calls-*.json.
.EXAMPLE
    dotnet pwsh ./bench/calls.ps1
.EXAMPLE
    dotnet pwsh ./bench/calls.ps1 -Count 2000 -Rounds 9 -ColdRounds 0 -ServerVersion 3.2
#>
[CmdletBinding(DefaultParameterSetName = 'Run')]
param(
    [Parameter(ParameterSetName = 'Run')] [Parameter(ParameterSetName = 'Child')]
    [ValidateRange(1, 1000000)] [int] $Count = 1000,
    [Parameter(ParameterSetName = 'Run')] [ValidateRange(1, 100)] [int] $Rounds = 15,
    [Parameter(ParameterSetName = 'Run')] [ValidateRange(1, 100000)] [int] $WarmupCount = 500,
    [Parameter(ParameterSetName = 'Run')] [ValidateRange(1, 1000)] [int] $MaxWarmupRounds = 40,
    [Parameter(ParameterSetName = 'Run')] [ValidateRange(0, 50)] [int] $ColdRounds = 5,
    [Parameter(ParameterSetName = 'Run')] [ValidateSet('3.2', '3.3', '3.4')] [string] $ServerVersion = '3.4',
    [Parameter(ParameterSetName = 'Run')] [Parameter(ParameterSetName = 'Child')] [string] $ModulePath,
    [Parameter(ParameterSetName = 'Run')] [switch] $NoSave,
    # Also write the result rows to the pipeline.
    [Parameter(ParameterSetName = 'Run')] [switch] $PassThru,
    # Internal: run one contender's first -Count calls in this (fresh) process and print the milliseconds.
    [Parameter(ParameterSetName = 'Child', Mandatory)] [ValidateSet('ours', 'irm', 'httpclient')] [string] $Child,
    [Parameter(ParameterSetName = 'Child', Mandatory)] [string] $BaseUri,
    [Parameter(ParameterSetName = 'Child', Mandatory)] [string] $SessionId,
    [Parameter(ParameterSetName = 'Child', Mandatory)] [long] $ProjectCode
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Invoke-EmptyCommand { [CmdletBinding()] param() $PSCmdlet.WriteObject($true) }

function New-Contenders {
    <#
    The timed loops, as script blocks taking the number of calls; they read the script-scope variables set here.
    The raw request is written out in each loop on purpose: calling a helper for it would add the very per-command
    cost the diagnostic loops measure.
    #>
    param([string] $Base, [long] $Code, [string] $Session, [System.Net.Http.HttpClient] $Http)
    $script:uri = "$Base/projects/$Code"
    $script:headers = @{ sessionId = $Session }
    $script:projectCode = $Code
    $script:client = $Http
    [ordered]@{
        ours       = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Get-DsProject -Code $projectCode } }
        # Diagnostic, no target: the same lookups as one command (-Code takes an array), requests still one at a time:
        # the module's own per-request cost without PowerShell's per-command cost.
        'ours(one command)' = { param($n) $null = Get-DsProject -Code ([Linq.Enumerable]::ToArray([Linq.Enumerable]::Repeat([long]$projectCode, [int]$n))) }
        irm        = { param($n) for ($i = 0; $i -lt $n; $i++) { $r = Invoke-RestMethod -Uri $uri -Headers $headers; if ($r.code -ne 0) { throw $r.msg }; $null = $r.data } }
        httpclient = {
            param($n)
            for ($i = 0; $i -lt $n; $i++) {
                $doc = [System.Text.Json.JsonDocument]::Parse($client.GetStringAsync($uri).GetAwaiter().GetResult())
                if ($doc.RootElement.GetProperty('code').GetInt32() -ne 0) { throw 'DS error' }
                $doc.Dispose()
            }
        }
        'httpclient+function' = {
            param($n)
            for ($i = 0; $i -lt $n; $i++) {
                $null = Invoke-EmptyCommand
                $doc = [System.Text.Json.JsonDocument]::Parse($client.GetStringAsync($uri).GetAwaiter().GetResult())
                if ($doc.RootElement.GetProperty('code').GetInt32() -ne 0) { throw 'DS error' }
                $doc.Dispose()
            }
        }
        'httpclient+cmdlet' = {
            param($n)
            for ($i = 0; $i -lt $n; $i++) {
                $null = Get-DsConnection
                $doc = [System.Text.Json.JsonDocument]::Parse($client.GetStringAsync($uri).GetAwaiter().GetResult())
                if ($doc.RootElement.GetProperty('code').GetInt32() -ne 0) { throw 'DS error' }
                $doc.Dispose()
            }
        }
    }
}

function Get-JitCount { [System.Runtime.JitInfo]::GetCompiledMethodCount($false) }

Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force

if ($PSCmdlet.ParameterSetName -eq 'Child') {
    # A fresh process: the contender's first $Count calls, JIT and connection set-up included (the import and the
    # login are not timed: bench/import.ps1 measures the import).
    $http = New-BenchHttpClient $SessionId
    if ($Child -eq 'ours') {
        Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1')
        $null = Connect-DsServer -Uri $BaseUri -Credential (Get-BenchCredential)
    }
    $loop = (New-Contenders -Base $BaseUri -Code $ProjectCode -Session $SessionId -Http $http)[$Child]
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $loop $Count
    $watch.Stop()
    $watch.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)
    return
}

$ModulePath = Get-BenchModulePath $ModulePath

$sandbox = Start-BenchSandbox -ServerVersion $ServerVersion
$http = $null
try {
    $base = $sandbox.BaseUri
    Write-Host "Sandbox $ServerVersion at $base"
    $sessionId = Get-BenchSessionId $base
    $created = Invoke-RestMethod -Method Post -Uri "$base/projects" -Headers @{ sessionId = $sessionId } -Body @{ projectName = 'bench-calls'; description = 'per-call benchmark' }
    if ($created.code -ne 0) { throw "Creating the project failed: $($created.msg)" }
    $code = [long]$created.data.code

    Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1') -Force
    $null = Connect-DsServer -Uri $base -Credential (Get-BenchCredential)
    $http = New-BenchHttpClient $sessionId
    $contenders = New-Contenders -Base $base -Code $code -Session $sessionId -Http $http
    $names = [string[]]$contenders.Keys

    # Sanity: every contender reads the same project.
    if ((Get-DsProject -Code $code).Code -ne $code) { throw 'Get-DsProject returned another project.' }

    $quiet = 0; $warmupRounds = 0
    while ($quiet -lt 3 -and $warmupRounds -lt $MaxWarmupRounds) {
        $before = Get-JitCount
        foreach ($name in $names) { & $contenders[$name] $WarmupCount }
        $compiled = (Get-JitCount) - $before
        $warmupRounds++
        $quiet = if ($compiled -lt 10) { $quiet + 1 } else { 0 }
        Write-Host "warm-up round ${warmupRounds}: $WarmupCount calls each, $compiled methods JIT-compiled"
    }
    if ($quiet -lt 3) { Write-Warning "The JIT was still compiling after $MaxWarmupRounds warm-up rounds; the timed rounds include some of it." }

    $seconds = @{}; foreach ($name in $names) { $seconds[$name] = [Collections.Generic.List[double]]::new() }
    $serverMs = [Collections.Generic.List[double]]::new()
    $jitDuringRounds = 0
    for ($round = 0; $round -lt $Rounds; $round++) {
        foreach ($name in (Get-RoundOrder $names $round)) {
            if ($name -eq 'ours') { Reset-SandboxStats $sandbox }
            [GC]::Collect()
            $jitBefore = Get-JitCount
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & $contenders[$name] $Count
            $watch.Stop()
            $jitDuringRounds += (Get-JitCount) - $jitBefore
            $seconds[$name].Add($watch.Elapsed.TotalSeconds)
            if ($name -eq 'ours') {
                $stats = Get-SandboxStats $sandbox
                $serverMs.Add((@($stats.endpoints | Where-Object endpoint -like 'GET /projects/{*}') | Measure-Object totalMs -Sum).Sum)
            }
        }
        Write-Host ("round {0}: {1}" -f ($round + 1), (($names | ForEach-Object { '{0} {1:N3} s' -f $_, $seconds[$_][$round] }) -join ', '))
    }

    $cold = @{ ours = [Collections.Generic.List[double]]::new(); irm = [Collections.Generic.List[double]]::new(); httpclient = [Collections.Generic.List[double]]::new() }
    if ($ColdRounds -gt 0) {
        $pwsh = Get-BenchPwshCommand
        $coldNames = [string[]]@('ours', 'irm', 'httpclient')
        for ($round = 0; $round -lt $ColdRounds; $round++) {
            foreach ($name in (Get-RoundOrder $coldNames $round)) {
                $childArgs = @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-Child', $name, '-Count', $Count,
                    '-BaseUri', $base, '-SessionId', $sessionId, '-ProjectCode', $code, '-ModulePath', $ModulePath)
                $out = & $pwsh.Exe @childArgs
                if ($LASTEXITCODE -ne 0) { throw "The cold run of '$name' failed: $out" }
                $cold[$name].Add([double]::Parse((@($out)[-1]), [cultureinfo]::InvariantCulture) / 1000)
            }
            Write-Host ("cold round {0}: {1}" -f ($round + 1), (($coldNames | ForEach-Object { '{0} {1:N3} s' -f $_, $cold[$_][$round] }) -join ', '))
        }
    }

    $median = @{}; foreach ($name in $names) { $median[$name] = Get-Median $seconds[$name] }
    $pairs = 0..($Rounds - 1)
    $irmRatio = Get-Median ($pairs | ForEach-Object { $seconds.irm[$_] / $seconds.ours[$_] })
    $httpRatio = Get-Median ($pairs | ForEach-Object { $seconds.ours[$_] / $seconds.httpclient[$_] })
    $functionRatio = Get-Median ($pairs | ForEach-Object { $seconds['httpclient+function'][$_] / $seconds.httpclient[$_] })
    $oneCommandRatio = Get-Median ($pairs | ForEach-Object { $seconds['ours(one command)'][$_] / $seconds.httpclient[$_] })
    $cmdletRatio = Get-Median ($pairs | ForEach-Object { $seconds['httpclient+cmdlet'][$_] / $seconds.httpclient[$_] })
    $perCall = { param($s) '{0:N1} ms total, {1:N0} us/call' -f ($s * 1000), ($s / $Count * 1e6) }
    $rows = @(
        New-BenchRow -Job "$Count x Get-DsProject -Code" -Ours (& $perCall $median.ours) -Baseline 'Invoke-RestMethod' -BaselineValue (& $perCall $median.irm) `
            -Ratio $irmRatio -RatioMeaning 'irm/ours (speed-up)' -Target '>= 2x' -Met ($irmRatio -ge 2)
        New-BenchRow -Job "$Count x Get-DsProject -Code" -Ours (& $perCall $median.ours) -Baseline 'one raw HttpClient' -BaselineValue (& $perCall $median.httpclient) `
            -Ratio $httpRatio -RatioMeaning 'ours/httpclient (cost)' -Target '<= 1.3x' -Met ($httpRatio -le 1.3)
        New-BenchRow -Job "(diagnostic) Get-DsProject -Code with $Count codes (one command)" -Ours (& $perCall $median['ours(one command)']) -Baseline 'one raw HttpClient' -BaselineValue (& $perCall $median.httpclient) `
            -Ratio $oneCommandRatio -RatioMeaning 'ours/httpclient (cost)' -Target 'none' -Met $null
        New-BenchRow -Job '(diagnostic) raw HttpClient + an empty function' -Ours (& $perCall $median['httpclient+function']) -Baseline 'one raw HttpClient' -BaselineValue (& $perCall $median.httpclient) `
            -Ratio $functionRatio -RatioMeaning 'what a command call adds' -Target 'none' -Met $null
        New-BenchRow -Job '(diagnostic) raw HttpClient + Get-DsConnection' -Ours (& $perCall $median['httpclient+cmdlet']) -Baseline 'one raw HttpClient' -BaselineValue (& $perCall $median.httpclient) `
            -Ratio $cmdletRatio -RatioMeaning 'what a compiled cmdlet call adds' -Target 'none' -Met $null
    )
    if ($ColdRounds -gt 0) {
        $coldIrm = Get-Median (0..($ColdRounds - 1) | ForEach-Object { $cold.irm[$_] / $cold.ours[$_] })
        $coldHttp = Get-Median (0..($ColdRounds - 1) | ForEach-Object { $cold.ours[$_] / $cold.httpclient[$_] })
        $rows += New-BenchRow -Job "(cold) first $Count calls in a fresh process" -Ours (& $perCall (Get-Median $cold.ours)) -Baseline 'Invoke-RestMethod' -BaselineValue (& $perCall (Get-Median $cold.irm)) `
            -Ratio $coldIrm -RatioMeaning 'irm/ours (speed-up)' -Target 'none' -Met $null
        $rows += New-BenchRow -Job "(cold) first $Count calls in a fresh process" -Ours (& $perCall (Get-Median $cold.ours)) -Baseline 'one raw HttpClient' -BaselineValue (& $perCall (Get-Median $cold.httpclient)) `
            -Ratio $coldHttp -RatioMeaning 'ours/httpclient (cost)' -Target 'none' -Met $null
    }
    $machine = Get-BenchMachine
    Write-Host ''
    Write-Host ("{0}; {1} cores; load {2}; sandbox {3}; {4} warm-up rounds; {5} rounds of {6} calls, {7} methods JIT-compiled during them; sandbox time per call (ours, median): {8:N0} us" -f $machine.Date, $machine.Cores, $machine.LoadAvg, $ServerVersion, $warmupRounds, $Rounds, $Count, $jitDuringRounds, ((Get-Median $serverMs) / $Count * 1000))
    Write-BenchTable $rows
    if (-not $NoSave) {
        $file = Save-BenchResult 'calls' ([ordered]@{ machine = $machine; serverVersion = $ServerVersion; count = $Count; rounds = $Rounds; warmupRounds = $warmupRounds; jitDuringRounds = $jitDuringRounds; seconds = $seconds; coldSeconds = $cold; sandboxMsPerRound = $serverMs; rows = $rows })
        Write-Host "Saved $file"
    }
    if ($PassThru) { $rows }
}
finally {
    if ($http) { $http.Dispose() }
    if (Get-Module DolphinScheduler) { Disconnect-DsServer -ErrorAction SilentlyContinue }
    $sandbox | Stop-DsSandbox
}
