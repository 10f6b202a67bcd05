<#
.SYNOPSIS
    Per-call cost: -Count sequential `Get-DsProject -Code` calls against the same calls made with Invoke-RestMethod
    and with one raw System.Net.Http.HttpClient, interleaved in one run against a sandbox on loopback.
.DESCRIPTION
    Starts its own sandbox (-ServerVersion), creates one project, then runs -Rounds rounds. Each round times the three
    contenders once each (-Count calls in a PowerShell for loop), in an order rotated every round, after one untimed
    warm-up round of -WarmupCount calls. All three use the same server session (header sessionId) and read the answer:
      ours        $null = Get-DsProject -Code $code                       (typed DsProject, errors as records)
      irm         $r = Invoke-RestMethod $uri -Headers @{sessionId=...}; check $r.code; $r.data
      httpclient  one HttpClient: GetStringAsync($uri), JsonDocument.Parse, check code
      httpclient+command (diagnostic) the same plus `$null = Invoke-EmptyCommand`, an advanced function that only writes
                  $true: what calling any PowerShell command between the requests costs in this loop, the floor under
                  "ours/httpclient" for a module of commands
    Ratios are per round (paired) and the table shows their median, with the median per-call times.
    Targets: at least 2x faster than Invoke-RestMethod; within 1.3x of the raw HttpClient.
    Needs the built module (dotnet pwsh ./build.ps1 Build -SkipHelp). Results: bench/results/calls-*.json.
.EXAMPLE
    dotnet pwsh ./bench/calls.ps1
.EXAMPLE
    dotnet pwsh ./bench/calls.ps1 -Count 2000 -Rounds 9 -ServerVersion 3.2
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000000)] [int] $Count = 1000,
    [ValidateRange(1, 100)] [int] $Rounds = 7,
    [ValidateRange(0, 100000)] [int] $WarmupCount = 300,
    [ValidateSet('3.2', '3.3', '3.4')] [string] $ServerVersion = '3.4',
    [string] $ModulePath,
    [switch] $NoSave,
    # Also write the result rows to the pipeline.
    [switch] $PassThru
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$ModulePath = Get-BenchModulePath $ModulePath

$sandbox = Start-BenchSandbox -ServerVersion $ServerVersion
$http = $null
try {
    $base = $sandbox.BaseUri
    Write-Host "Sandbox $ServerVersion at $base"
    $sessionId = Get-BenchSessionId $base
    $headers = @{ sessionId = $sessionId }
    $created = Invoke-RestMethod -Method Post -Uri "$base/projects" -Headers $headers -Body @{ projectName = 'bench-calls'; description = 'per-call benchmark' }
    if ($created.code -ne 0) { throw "Creating the project failed: $($created.msg)" }
    $code = [long]$created.data.code
    $uri = "$base/projects/$code"

    Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1') -Force
    $null = Connect-DsServer -Uri $base -Credential (Get-BenchCredential)

    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Add('sessionId', $sessionId)

    function Invoke-EmptyCommand { [CmdletBinding()] param() $PSCmdlet.WriteObject($true) }
    $contenders = [ordered]@{
        ours       = { param($n) for ($i = 0; $i -lt $n; $i++) { $null = Get-DsProject -Code $code } }
        irm        = { param($n) for ($i = 0; $i -lt $n; $i++) { $r = Invoke-RestMethod -Uri $uri -Headers $headers; if ($r.code -ne 0) { throw $r.msg }; $null = $r.data } }
        httpclient = {
            param($n)
            for ($i = 0; $i -lt $n; $i++) {
                $doc = [System.Text.Json.JsonDocument]::Parse($http.GetStringAsync($uri).GetAwaiter().GetResult())
                if ($doc.RootElement.GetProperty('code').GetInt32() -ne 0) { throw 'DS error' }
                $doc.Dispose()
            }
        }
        # Diagnostic, no target: the raw HttpClient call plus one call of an empty advanced function (not this module's
        # code). It shows what invoking any PowerShell command between the requests costs in this loop.
        'httpclient+command' = {
            param($n)
            for ($i = 0; $i -lt $n; $i++) {
                $null = Invoke-EmptyCommand
                $doc = [System.Text.Json.JsonDocument]::Parse($http.GetStringAsync($uri).GetAwaiter().GetResult())
                if ($doc.RootElement.GetProperty('code').GetInt32() -ne 0) { throw 'DS error' }
                $doc.Dispose()
            }
        }
    }
    $names = [string[]]$contenders.Keys

    # Sanity: every contender reads the same project.
    if ((Get-DsProject -Code $code).Code -ne $code) { throw 'Get-DsProject returned another project.' }

    if ($WarmupCount -gt 0) {
        Write-Host "Warm-up: $WarmupCount calls each..."
        foreach ($name in $names) { & $contenders[$name] $WarmupCount }
    }

    $seconds = @{}; foreach ($name in $names) { $seconds[$name] = [Collections.Generic.List[double]]::new() }
    $serverMs = [Collections.Generic.List[double]]::new()
    for ($round = 0; $round -lt $Rounds; $round++) {
        foreach ($name in (Get-RoundOrder $names $round)) {
            if ($name -eq 'ours') { Reset-SandboxStats $sandbox }
            [GC]::Collect()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & $contenders[$name] $Count
            $watch.Stop()
            $seconds[$name].Add($watch.Elapsed.TotalSeconds)
            if ($name -eq 'ours') {
                $stats = Get-SandboxStats $sandbox
                $serverMs.Add((@($stats.endpoints | Where-Object endpoint -like 'GET /projects/{*}') | Measure-Object totalMs -Sum).Sum)
            }
        }
        Write-Host ("round {0}: {1}" -f ($round + 1), (($names | ForEach-Object { '{0} {1:N3} s' -f $_, $seconds[$_][$round] }) -join ', '))
    }

    $median = @{}; foreach ($name in $names) { $median[$name] = Get-Median $seconds[$name] }
    $irmRatio = Get-Median (0..($Rounds - 1) | ForEach-Object { $seconds.irm[$_] / $seconds.ours[$_] })
    $httpRatio = Get-Median (0..($Rounds - 1) | ForEach-Object { $seconds.ours[$_] / $seconds.httpclient[$_] })
    $floorRatio = Get-Median (0..($Rounds - 1) | ForEach-Object { $seconds['httpclient+command'][$_] / $seconds.httpclient[$_] })
    $perCall = { param($s) '{0:N1} ms total, {1:N0} us/call' -f ($s * 1000), ($s / $Count * 1e6) }
    $rows = @(
        New-BenchRow -Job "$Count x Get-DsProject -Code" -Ours (& $perCall $median.ours) -Baseline 'Invoke-RestMethod' -BaselineValue (& $perCall $median.irm) `
            -Ratio $irmRatio -RatioMeaning 'irm/ours (speed-up)' -Target '>= 2x' -Met ($irmRatio -ge 2)
        New-BenchRow -Job "$Count x Get-DsProject -Code" -Ours (& $perCall $median.ours) -Baseline 'one raw HttpClient' -BaselineValue (& $perCall $median.httpclient) `
            -Ratio $httpRatio -RatioMeaning 'ours/httpclient (cost)' -Target '<= 1.3x' -Met ($httpRatio -le 1.3)
        New-BenchRow -Job "(diagnostic) raw HttpClient + an empty command" -Ours (& $perCall $median['httpclient+command']) -Baseline 'one raw HttpClient' -BaselineValue (& $perCall $median.httpclient) `
            -Ratio $floorRatio -RatioMeaning 'what one command call adds' -Target 'none' -Met $null
    )
    $machine = Get-BenchMachine
    Write-Host ''
    Write-Host ("{0}; {1} cores; load {2}; sandbox {3}; {4} rounds of {5} calls; sandbox time per call (ours, median): {6:N0} us" -f $machine.Date, $machine.Cores, $machine.LoadAvg, $ServerVersion, $Rounds, $Count, ((Get-Median $serverMs) / $Count * 1000))
    Write-BenchTable $rows
    if (-not $NoSave) {
        $file = Save-BenchResult 'calls' ([ordered]@{ machine = $machine; serverVersion = $ServerVersion; count = $Count; rounds = $Rounds; seconds = $seconds; sandboxMsPerRound = $serverMs; rows = $rows })
        Write-Host "Saved $file"
    }
    if ($PassThru) { $rows }
}
finally {
    if ($http) { $http.Dispose() }
    if (Get-Module DolphinScheduler) { Disconnect-DsServer -ErrorAction SilentlyContinue }
    $sandbox | Stop-DsSandbox
}
