<#
.SYNOPSIS
    Paged listing: all -Instances workflow instances of a project with `Get-DsInstance`, against a serial
    Invoke-RestMethod paging loop, both consumed by the same ForEach-Object, interleaved in one run.
.DESCRIPTION
    Starts its own sandbox with `--seed-instances -Instances` (a project "sandbox-seed" with that many finished
    instances), then runs -Rounds rounds, each timing both contenders once in a rotated order:
      ours  Get-DsInstance -Project <code> -PageSize <n> | ForEach-Object { ... }
            (the next page is requested while the pipeline consumes the current one)
      irm   a loop of Invoke-RestMethod calls, page after page, writing data.totalList to the same ForEach-Object
    Both use the same page size. For each it records the total time and the time until the first object reached
    ForEach-Object. "One page's latency" is measured in the same run as the median time of a raw HttpClient GET of
    the first page (request plus reading the body); ours is also sampled alone (`Get-DsInstance ... | Select-Object
    -First 1`, five times per round, alternating with the page GET), and the figure is the median of all samples.
    Targets: at least 2x faster than the Invoke-RestMethod loop; the first object out after about one page's latency
    (ours time-to-first-object / one page's latency <= 1.5: one page plus the command's own start, which resolves the
    project once).
    Also reports the sandbox's own time per page (GET /_sandbox/stats), to show it is not the bottleneck.
    Needs the built module (dotnet pwsh ./build.ps1 Build -SkipHelp). Results: bench/results/list-instances-*.json.
.EXAMPLE
    dotnet pwsh ./bench/list-instances.ps1
.EXAMPLE
    dotnet pwsh ./bench/list-instances.ps1 -Instances 20000 -PageSize 500 -Rounds 3
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000000)] [int] $Instances = 10000,
    [ValidateRange(1, 1000)] [int] $PageSize = 100,
    [ValidateRange(1, 50)] [int] $Rounds = 5,
    [ValidateSet('3.2', '3.3', '3.4')] [string] $ServerVersion = '3.4',
    [string] $ModulePath,
    [switch] $NoSave,
    [switch] $PassThru
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$ModulePath = Get-BenchModulePath $ModulePath

Write-Host "Starting a $ServerVersion sandbox seeded with $Instances instances..."
$sandbox = Start-BenchSandbox -ServerVersion $ServerVersion -ExtraArguments @('--seed-instances', "$Instances")
$http = $null
try {
    $base = $sandbox.BaseUri
    $sessionId = Get-BenchSessionId $base
    $headers = @{ sessionId = $sessionId }
    $projects = Invoke-RestMethod -Uri "$base/projects?pageNo=1&pageSize=100&searchVal=sandbox-seed" -Headers $headers
    $code = [long]@($projects.data.totalList | Where-Object name -eq 'sandbox-seed')[0].code
    $listPath = if ($ServerVersion -eq '3.2') { 'process-instances' } else { 'workflow-instances' }
    $listUri = "$base/projects/$code/$listPath"

    Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1') -Force
    $null = Connect-DsServer -Uri $base -Credential (Get-BenchCredential)
    $http = New-BenchHttpClient $sessionId

    # Each contender returns @(count, seconds to the first object, total seconds); the consumer is the same.
    $consume = {
        param([scriptblock] $Source)
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $state = @{ Count = 0; First = -1.0 }
        & $Source | ForEach-Object {
            if ($state.Count -eq 0) { $state.First = $watch.Elapsed.TotalSeconds }
            $state.Count++
        }
        @($state.Count, $state.First, $watch.Elapsed.TotalSeconds)
    }
    $contenders = [ordered]@{
        ours = { Get-DsInstance -Project $code -PageSize $PageSize }
        irm  = {
            $pageNo = 1
            do {
                $page = Invoke-RestMethod -Uri "$($listUri)?pageNo=$pageNo&pageSize=$PageSize" -Headers $headers
                if ($page.code -ne 0) { throw $page.msg }
                $page.data.totalList
                $pageNo++
            } while ($pageNo -le $page.data.totalPage)
        }
    }
    $names = [string[]]$contenders.Keys
    $onePage = {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = $http.GetStringAsync("$($listUri)?pageNo=1&pageSize=$PageSize").GetAwaiter().GetResult()
        $watch.Elapsed.TotalSeconds
    }

    Write-Host 'Warm-up...'
    foreach ($name in $names) {
        $warm = & $consume $contenders[$name]
        if ($warm[0] -ne $Instances) { throw "$name listed $($warm[0]) instances, expected $Instances." }
    }
    foreach ($i in 1..5) { $null = & $onePage }

    $total = @{}; $first = @{}
    foreach ($name in $names) { $total[$name] = [Collections.Generic.List[double]]::new(); $first[$name] = [Collections.Generic.List[double]]::new() }
    $pageLatency = [Collections.Generic.List[double]]::new()
    $serverMsPerPage = [Collections.Generic.List[double]]::new()
    # Time to the first object alone, sampled more often than whole listings: the pipeline stops after one object.
    $firstOnly = {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = Get-DsInstance -Project $code -PageSize $PageSize | Select-Object -First 1
        $watch.Elapsed.TotalSeconds
    }
    $firstSamples = [Collections.Generic.List[double]]::new()
    for ($round = 0; $round -lt $Rounds; $round++) {
        foreach ($i in 1..5) { $pageLatency.Add((& $onePage)); $firstSamples.Add((& $firstOnly)) }
        foreach ($name in (Get-RoundOrder $names $round)) {
            [GC]::Collect()
            Reset-SandboxStats $sandbox
            $r = & $consume $contenders[$name]
            if ($r[0] -ne $Instances) { throw "$name listed $($r[0]) instances, expected $Instances." }
            $first[$name].Add($r[1]); $total[$name].Add($r[2])
            if ($name -eq 'ours') {
                $stats = @((Get-SandboxStats $sandbox).endpoints | Where-Object endpoint -like "GET /projects/{*}/$listPath")
                if ($stats) { $serverMsPerPage.Add($stats[0].totalMs / $stats[0].count) }
            }
        }
        Write-Host ("round {0}: ours {1:N2} s (first after {2:N3} s), irm {3:N2} s (first after {4:N3} s)" -f ($round + 1), $total.ours[$round], $first.ours[$round], $total.irm[$round], $first.irm[$round])
    }

    $speedup = Get-Median (0..($Rounds - 1) | ForEach-Object { $total.irm[$_] / $total.ours[$_] })
    $page = Get-Median $pageLatency
    $firstOurs = Get-Median ($first.ours + $firstSamples)
    $firstRatio = $firstOurs / $page
    $pages = [Math]::Ceiling($Instances / $PageSize)
    $rows = @(
        New-BenchRow -Job "list $Instances instances ($pages pages of $PageSize)" -Ours ('{0:N2} s' -f (Get-Median $total.ours)) -Baseline 'serial Invoke-RestMethod loop' `
            -BaselineValue ('{0:N2} s' -f (Get-Median $total.irm)) -Ratio $speedup -RatioMeaning 'irm/ours (speed-up)' -Target '>= 2x' -Met ($speedup -ge 2)
        New-BenchRow -Job 'time to the first object' -Ours ('{0:N1} ms' -f ($firstOurs * 1000)) -Baseline 'one page (raw HttpClient GET)' `
            -BaselineValue ('{0:N1} ms (irm loop first object: {1:N1} ms)' -f ($page * 1000), ((Get-Median $first.irm) * 1000)) -Ratio $firstRatio -RatioMeaning 'ours first/one page' `
            -Target '<= 1.5x' -Met ($firstRatio -le 1.5)
    )
    $machine = Get-BenchMachine
    Write-Host ''
    Write-Host ("{0}; {1} cores; load {2}; sandbox {3}; {4} rounds; sandbox time per page (median): {5:N1} ms" -f $machine.Date, $machine.Cores, $machine.LoadAvg, $ServerVersion, $Rounds, (Get-Median $serverMsPerPage))
    Write-BenchTable $rows
    if (-not $NoSave) {
        $file = Save-BenchResult 'list-instances' ([ordered]@{ machine = $machine; serverVersion = $ServerVersion; instances = $Instances; pageSize = $PageSize; totalSeconds = $total; firstSeconds = $first; onePageSeconds = $pageLatency; sandboxMsPerPage = $serverMsPerPage; rows = $rows })
        Write-Host "Saved $file"
    }
    if ($PassThru) { $rows }
}
finally {
    if ($http) { $http.Dispose() }
    if (Get-Module DolphinScheduler) { Disconnect-DsServer -ErrorAction SilentlyContinue }
    $sandbox | Stop-DsSandbox
}
