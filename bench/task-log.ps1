<#
.SYNOPSIS
    Log following: bytes on the wire for `Get-DsTaskLog -Follow` over a task that writes -Lines lines while it runs,
    against fetching the whole finished log once.
.DESCRIPTION
    Starts its own sandbox (it runs SHELL tasks for real), creates a project and a one-task workflow whose script
    prints -Lines lines of -LineLength characters in -Batches bursts with -PauseSec between them, and then per round:
      ours      starts the workflow, waits for the task instance, and runs
                Get-DsTaskLog -Follow -PollIntervalSec <n> while the task writes (until it has ended)
      baseline  once the task has ended: one GET /log/download-log with a raw HttpClient (the whole log, once)
    Bytes are counted by the sandbox below HTTP (GET /_sandbox/stats: request and answer bytes including headers and
    chunk framing), from just before each contender starts to just after it ends. Checks that -Follow wrote exactly
    the lines of the downloaded log, in order.
    Target: ours bytes / baseline bytes <= 1.1.
    Needs the built module (dotnet pwsh ./build.ps1 Build -SkipHelp). Results: bench/results/task-log-*.json.
.EXAMPLE
    dotnet pwsh ./bench/task-log.ps1
.EXAMPLE
    dotnet pwsh ./bench/task-log.ps1 -Lines 200000 -LineLength 120 -Batches 40 -PauseSec 0.2 -Rounds 2
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 10000000)] [int] $Lines = 100000,
    [ValidateRange(20, 1000)] [int] $LineLength = 80,
    [ValidateRange(1, 1000)] [int] $Batches = 20,
    [ValidateRange(0, 60)] [double] $PauseSec = 0.25,
    [ValidateRange(0.05, 60)] [double] $PollIntervalSec = 1,
    [ValidateRange(1, 20)] [int] $Rounds = 3,
    [ValidateSet('3.2', '3.3', '3.4')] [string] $ServerVersion = '3.4',
    [string] $ModulePath,
    [switch] $NoSave,
    [switch] $PassThru
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$ModulePath = Get-BenchModulePath $ModulePath
if ($Lines % $Batches) { throw "-Lines ($Lines) must be a multiple of -Batches ($Batches)." }

$sandbox = Start-BenchSandbox -ServerVersion $ServerVersion
$http = $null
try {
    $base = $sandbox.BaseUri
    Write-Host "Sandbox $ServerVersion at $base"
    $sessionId = Get-BenchSessionId $base
    Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1') -Force
    $null = Connect-DsServer -Uri $base -Credential (Get-BenchCredential)
    $http = New-BenchHttpClient $sessionId

    # Each line: a 6-digit number and filler up to -LineLength characters (seq writes a burst at once).
    $perBatch = $Lines / $Batches
    $filler = ('the quick brown fox jumps over the lazy dog ' * [Math]::Ceiling($LineLength / 44)).Substring(0, $LineLength - 7)
    $script = "for k in `$(seq 0 $($Batches - 1)); do seq -f '%06.0f $filler' `$((k*$perBatch+1)) `$(((k+1)*$perBatch)); sleep $PauseSec; done"
    $project = New-DsProject -Name ('bench-log-' + [guid]::NewGuid().ToString('N').Substring(0, 6))
    $workflow = New-DsWorkflow -Project $project -Name 'log-writer' -Task (New-DsTask -Name 'write' -Script $script) -Publish

    $results = [Collections.Generic.List[object]]::new()
    for ($round = 0; $round -lt $Rounds; $round++) {
        $run = $workflow | Start-DsWorkflow
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        $task = $null
        while (-not $task) {
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The task instance did not appear within 60 s.' }
            $task = @($run | Get-DsTaskInstance -ErrorAction SilentlyContinue) | Select-Object -First 1
            if (-not $task) { Start-Sleep -Milliseconds 50 }
        }

        # ours: follow while the task writes.
        Reset-SandboxStats $sandbox
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $followed = [Collections.Generic.List[string]]::new()
        $task | Get-DsTaskLog -Follow -PollIntervalSec $PollIntervalSec | ForEach-Object { $followed.Add($_) }
        $watch.Stop()
        $oursStats = Get-SandboxStats $sandbox
        $oursBytes = [long]$oursStats.bytesIn + [long]$oursStats.bytesOut

        # baseline: the whole finished log, once.
        $final = $run | Wait-DsInstance -PollIntervalSec 0.2 -TimeoutSec 120
        Reset-SandboxStats $sandbox
        $download = $http.GetByteArrayAsync("$base/log/download-log?taskInstanceId=$($task.Id)").GetAwaiter().GetResult()
        $baseStats = Get-SandboxStats $sandbox
        $baseBytes = [long]$baseStats.bytesIn + [long]$baseStats.bytesOut

        # The download starts with DS's "[LOG-PATH]: ..., [HOST]: ..." head line, which is not a line of the file.
        $text = [Text.Encoding]::UTF8.GetString($download)
        $fileLines = $text.Substring($text.IndexOf("`n") + 1).Split("`n")
        if ($fileLines[-1] -eq '') { $fileLines = $fileLines[0..($fileLines.Length - 2)] }
        $same = $followed.Count -eq $fileLines.Length
        if ($same) { for ($i = 0; $i -lt $followed.Count; $i++) { if ($followed[$i] -ne $fileLines[$i].TrimEnd("`r")) { $same = $false; break } } }
        $outputLines = @($fileLines | Where-Object { $_ -match '^\t?\S*\s?-?>?\s*\d{6} the quick' -or $_ -match '\d{6} the quick' }).Count
        $requests = @($oursStats.endpoints | ForEach-Object { '{0} x{1} ({2:N1} ms sandbox time each)' -f $_.endpoint, $_.count, ($_.totalMs / $_.count) }) -join '; '
        $results.Add([pscustomobject]@{
                Round = $round + 1; State = $final.State; FollowSeconds = [Math]::Round($watch.Elapsed.TotalSeconds, 2)
                LinesFollowed = $followed.Count; LogLines = $fileLines.Length; TaskOutputLines = $outputLines; SameLines = $same
                LogBytes = $download.Length; OursBytes = $oursBytes; BaselineBytes = $baseBytes; Ratio = $oursBytes / $baseBytes; Requests = $requests
            })
        Write-Host ("round {0}: followed {1:N0} lines in {2:N1} s, {3:N0} bytes; whole log once: {4:N0} bytes; same lines: {5}; {6}" -f ($round + 1), $followed.Count, $watch.Elapsed.TotalSeconds, $oursBytes, $baseBytes, $same, $requests)
        if (-not $same) { Write-Warning "Round $($round + 1): -Follow wrote $($followed.Count) lines, the log has $($fileLines.Length)." }
        if ($outputLines -ne $Lines) { Write-Warning "Round $($round + 1): the log holds $outputLines task output lines, expected $Lines." }
    }

    $ratio = Get-Median ($results | ForEach-Object Ratio)
    $allSame = -not ($results | Where-Object { -not $_.SameLines })
    $rows = @(
        New-BenchRow -Job "Get-DsTaskLog -Follow, $Lines-line log (written in $Batches bursts)" -Ours ('{0:N0} bytes' -f (Get-Median ($results | ForEach-Object OursBytes))) `
            -Baseline 'whole log fetched once' -BaselineValue ('{0:N0} bytes (log {1:N0} bytes)' -f (Get-Median ($results | ForEach-Object BaselineBytes)), (Get-Median ($results | ForEach-Object LogBytes))) `
            -Ratio $ratio -RatioMeaning 'ours/baseline bytes' -Target '<= 1.1x' -Met ($ratio -le 1.1 -and $allSame)
    )
    $machine = Get-BenchMachine
    Write-Host ''
    Write-Host ("{0}; {1} cores; load {2}; sandbox {3}; {4} rounds; lines of {5} chars; poll {6} s; every line followed once, in order: {7}" -f $machine.Date, $machine.Cores, $machine.LoadAvg, $ServerVersion, $Rounds, $LineLength, $PollIntervalSec, $allSame)
    Write-BenchTable $rows
    if (-not $NoSave) {
        $file = Save-BenchResult 'task-log' ([ordered]@{ machine = $machine; serverVersion = $ServerVersion; lines = $Lines; lineLength = $LineLength; batches = $Batches; pauseSec = $PauseSec; pollIntervalSec = $PollIntervalSec; rounds = $results; rows = $rows })
        Write-Host "Saved $file"
    }
    if ($PassThru) { $rows }
}
finally {
    if ($http) { $http.Dispose() }
    if (Get-Module DolphinScheduler) { Disconnect-DsServer -ErrorAction SilentlyContinue }
    $sandbox | Stop-DsSandbox
}
