<#
.SYNOPSIS
    Large transfers: Send-DsResource and Receive-DsResource of a ~1 GiB file against `curl -F` and `curl -o` to the
    same sandbox, interleaved, with the PowerShell process's memory growth.
.DESCRIPTION
    Starts its own sandbox, writes a pseudo-random file of -SizeBytes (default 1 GiB minus 1 MiB: DolphinScheduler
    refuses a multipart request over 1024 MB, so a file of exactly 1 GiB plus the form fields cannot be uploaded),
    then runs -Rounds rounds; each round, in a rotated order:
      upload    Send-DsResource -Path <file> -Destination <folder>   vs   curl -F file=@<file> (POST /resources);
                both create the resource anew (the previous copy is deleted before the clock starts)
      download  Receive-DsResource -Path <resource> -Destination <file>   vs   curl -o <file> (GET /resources/download);
                both write a new local file (the previous one is deleted before the clock starts)
    curl uses the same server session. Memory is the growth of this process's peak resident set (Linux: VmHWM, reset
    through /proc/self/clear_refs before each transfer; elsewhere: the working set sampled every 20 ms) over its
    resident set before the transfer. Before each transfer, `sync` flushes the previous one's file writes, so no
    contender pays for another's disk writeback. The downloads are checked against the source (SHA-256, first round).
    Targets: each direction within 1.5x of curl's time; memory growth under 64 MiB.
    Needs curl and the built module (dotnet pwsh ./build.ps1 Build -SkipHelp). Needs about 4x -SizeBytes of free disk
    space in the temp folder and the sandbox's data folder. Results: bench/results/resource-transfer-*.json.
.EXAMPLE
    dotnet pwsh ./bench/resource-transfer.ps1
.EXAMPLE
    dotnet pwsh ./bench/resource-transfer.ps1 -SizeBytes 256MB -Rounds 5
#>
[CmdletBinding()]
param(
    [ValidateRange(1MB, 1GB)] [long] $SizeBytes = 1GB - 1MB,
    [ValidateRange(1, 20)] [int] $Rounds = 5,
    [ValidateRange(1, 4096)] [int] $BudgetMiB = 64,
    [ValidateSet('3.2', '3.3', '3.4')] [string] $ServerVersion = '3.4',
    [string] $ModulePath,
    [switch] $NoSave,
    [switch] $PassThru
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$ModulePath = Get-BenchModulePath $ModulePath
$curl = Get-Command curl -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $curl) { throw 'curl is required (Debian/Ubuntu: apt-get install -y curl).' }

$sync = Get-Command sync -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1

# Peak resident memory of this process since the last reset (Linux), else a sampler thread.
$canResetPeak = $IsLinux -and (Test-Path /proc/self/clear_refs)
function Get-ResidentBytes { [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect(); $p = [Diagnostics.Process]::GetCurrentProcess(); $p.Refresh(); $p.WorkingSet64 }
function Measure-PeakGrowth {
    param([scriptblock] $Action, [scriptblock] $Prepare)
    if ($Prepare) { $null = & $Prepare }
    # Start every transfer with no dirty pages waiting for the disk: a GiB written by the previous contender would
    # otherwise be flushed (and throttle writers) during this one.
    if ($sync) { & $sync.Source }
    $before = Get-ResidentBytes
    if ($canResetPeak) {
        [IO.File]::WriteAllText("/proc/$PID/clear_refs", '5')
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Action
        $watch.Stop()
        $hwm = (Get-Content "/proc/$PID/status" | Where-Object { $_ -like 'VmHWM:*' }) -replace '\D', ''
        $peak = [long]$hwm * 1KB
    }
    else {
        $state = [hashtable]::Synchronized(@{ Stop = $false; Peak = $before })
        $sampler = Start-ThreadJob -ArgumentList $state, $PID -ScriptBlock {
            param($state, $processId)
            $p = [Diagnostics.Process]::GetProcessById($processId)
            while (-not $state.Stop) { $p.Refresh(); if ($p.WorkingSet64 -gt $state.Peak) { $state.Peak = $p.WorkingSet64 }; Start-Sleep -Milliseconds 20 }
        }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        try { $null = & $Action } finally { $watch.Stop(); $state.Stop = $true; $null = $sampler | Wait-Job -Timeout 10; $sampler | Remove-Job -Force }
        $peak = $state.Peak
    }
    [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; GrowthMiB = [Math]::Round(($peak - $before) / 1MB, 1) }
}

$sandbox = Start-BenchSandbox -ServerVersion $ServerVersion
$work = Join-Path ([IO.Path]::GetTempPath()) ('ds-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$null = New-Item -ItemType Directory -Path $work
try {
    $base = $sandbox.BaseUri
    Write-Host "Sandbox $ServerVersion at $base"
    $file = Join-Path $work 'payload.bin'
    Write-Host ("Generating {0:N0} bytes..." -f $SizeBytes)
    $block = [byte[]]::new(1MB)
    $random = [Random]::new(42)
    $stream = [IO.File]::Create($file)
    try {
        for ($written = 0L; $written -lt $SizeBytes; $written += $n) {
            $random.NextBytes($block)
            $n = [int][Math]::Min($block.Length, $SizeBytes - $written)
            $stream.Write($block, 0, $n)
        }
    }
    finally { $stream.Dispose() }
    $block = $null
    $sourceHash = (Get-FileHash -Path $file -Algorithm SHA256).Hash

    $sessionId = Get-BenchSessionId $base
    Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1') -Force
    $null = Connect-DsServer -Uri $base -Credential (Get-BenchCredential)
    $folder = '/bench-transfer'
    $null = New-DsResourceDirectory -Path $folder -Force
    $ours = Send-DsResource -Path $file -Destination $folder -Force   # also the warm-up of both directions
    $null = Receive-DsResource -Path $ours -Destination (Join-Path $work 'down-ours.bin') -Force
    $dirFullName = $ours.FullName.Substring(0, $ours.FullName.Length - $ours.Name.Length).TrimEnd('/')
    $curlName = 'payload-curl.bin'

    # Both uploads create a new resource (the previous copy is deleted first, untimed), so the server does the same work
    # for both: replacing an existing 1 GiB file costs the sandbox's file system up to half a second more than a new one.
    $prepare = @{
        'upload-ours' = { Get-DsResource -Path "$folder/payload.bin" -ErrorAction SilentlyContinue | Remove-DsResource -Force }
        'upload-curl' = { Get-DsResource -Path "$folder/$curlName" -ErrorAction SilentlyContinue | Remove-DsResource -Force }
        # Likewise each download writes a new local file (replacing a 1 GiB file costs the file system extra time).
        'download-ours' = { Remove-Item (Join-Path $work 'down-ours.bin') -ErrorAction SilentlyContinue }
        'download-curl' = { Remove-Item (Join-Path $work 'down-curl.bin') -ErrorAction SilentlyContinue }
    }
    $contenders = [ordered]@{
        'upload-ours'   = { Send-DsResource -Path $file -Destination $folder }
        'upload-curl'   = {
            $answer = & $curl.Source -s -S -X POST -H "sessionId: $sessionId" -F 'type=FILE' -F "name=$curlName" -F "currentDir=$dirFullName" -F "file=@$file;type=application/octet-stream" "$base/resources"
            if ($LASTEXITCODE -ne 0 -or ($answer | ConvertFrom-Json).code -ne 0) { throw "curl upload failed: $answer" }
        }
        'download-ours' = { Receive-DsResource -Path "$folder/payload.bin" -Destination (Join-Path $work 'down-ours.bin') }
        'download-curl' = {
            & $curl.Source -s -S -f -H "sessionId: $sessionId" -o (Join-Path $work 'down-curl.bin') -G --data-urlencode "fullName=$($ours.FullName)" "$base/resources/download"
            if ($LASTEXITCODE -ne 0) { throw "curl download failed ($LASTEXITCODE)" }
        }
    }
    $names = [string[]]$contenders.Keys
    $seconds = @{}; $growth = @{}
    foreach ($name in $names) { $seconds[$name] = [Collections.Generic.List[double]]::new(); $growth[$name] = [Collections.Generic.List[double]]::new() }
    $downloadsMatch = $null
    for ($round = 0; $round -lt $Rounds; $round++) {
        foreach ($name in (Get-RoundOrder $names $round)) {
            $m = Measure-PeakGrowth $contenders[$name] $prepare[$name]
            $seconds[$name].Add($m.Seconds); $growth[$name].Add($m.GrowthMiB)
        }
        if ($round -eq 0) {
            $downloadsMatch = ((Get-FileHash (Join-Path $work 'down-ours.bin') -Algorithm SHA256).Hash -eq $sourceHash) -and ((Get-FileHash (Join-Path $work 'down-curl.bin') -Algorithm SHA256).Hash -eq $sourceHash)
        }
        Write-Host ("round {0}: {1}" -f ($round + 1), (($names | ForEach-Object { '{0} {1:N2} s (+{2} MiB)' -f $_, $seconds[$_][$round], $growth[$_][$round] }) -join ', '))
    }

    $rows = foreach ($direction in 'upload', 'download') {
        $o = "$direction-ours"; $c = "$direction-curl"
        $ratio = Get-Median (0..($Rounds - 1) | ForEach-Object { $seconds[$o][$_] / $seconds[$c][$_] })
        $mem = ($growth[$o] | Measure-Object -Maximum).Maximum
        $cmd = if ($direction -eq 'upload') { 'Send-DsResource' } else { 'Receive-DsResource' }
        New-BenchRow -Job ('{0} {1:N0} MiB' -f $cmd, ($SizeBytes / 1MB)) -Ours ('{0:N2} s ({1:N0} MiB/s)' -f (Get-Median $seconds[$o]), ($SizeBytes / 1MB / (Get-Median $seconds[$o]))) `
            -Baseline $(if ($direction -eq 'upload') { 'curl -F' } else { 'curl -o' }) -BaselineValue ('{0:N2} s' -f (Get-Median $seconds[$c])) `
            -Ratio $ratio -RatioMeaning 'ours/curl (time)' -Target '<= 1.5x' -Met ($ratio -le 1.5)
        New-BenchRow -Job "$cmd memory" -Ours ('+{0} MiB peak (max of {1})' -f $mem, $Rounds) -Baseline 'resident set before' -BaselineValue ('{0:N0} MiB' -f ((Get-ResidentBytes) / 1MB)) `
            -Ratio ($mem / $BudgetMiB) -RatioMeaning "growth/$BudgetMiB MiB" -Target "< $BudgetMiB MiB" -Met ($mem -lt $BudgetMiB)
    }
    $machine = Get-BenchMachine
    Write-Host ''
    Write-Host ("{0}; {1} cores; load {2}; sandbox {3}; {4} rounds; downloads identical to the source: {5}; peak memory via {6}" -f $machine.Date, $machine.Cores, $machine.LoadAvg, $ServerVersion, $Rounds, $downloadsMatch, $(if ($canResetPeak) { 'VmHWM' } else { 'sampling' }))
    Write-BenchTable $rows
    if (-not $downloadsMatch) { Write-Warning 'A download differs from the source.' }
    if (-not $NoSave) {
        $file = Save-BenchResult 'resource-transfer' ([ordered]@{ machine = $machine; serverVersion = $ServerVersion; sizeBytes = $SizeBytes; seconds = $seconds; growthMiB = $growth; downloadsMatch = $downloadsMatch; rows = $rows })
        Write-Host "Saved $file"
    }
    if ($PassThru) { $rows }
}
finally {
    if (Get-Module DolphinScheduler) { Disconnect-DsServer -ErrorAction SilentlyContinue }
    $sandbox | Stop-DsSandbox
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
