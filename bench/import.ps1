<#
.SYNOPSIS
    Import cost: `Import-Module DolphinScheduler` in a fresh pwsh against `pwsh -NoProfile -c exit`, measured with
    hyperfine, interleaved.
.DESCRIPTION
    Runs -Rounds rounds; each round is one hyperfine run of both commands (-Runs runs each after -Warmup warm-ups), so
    the baseline and the import alternate over the whole measurement instead of running one after the other. The
    figure is the median of all import runs minus the median of all baseline runs (the time Import-Module adds), and
    the ratio import/baseline. Target: under 0.25 s added.
    The PowerShell measured is the one running this script (under `dotnet pwsh` that is `dotnet <pwsh.dll>`).
    Needs hyperfine: it is installed with apt-get when missing and this runs as root; otherwise install it yourself
    (Debian/Ubuntu: `sudo apt-get install -y hyperfine`; elsewhere: https://github.com/sharkdp/hyperfine/releases).
    Needs the built module (dotnet pwsh ./build.ps1 Build -SkipHelp). Results: bench/results/import-*.json.
.EXAMPLE
    dotnet pwsh ./bench/import.ps1
.EXAMPLE
    dotnet pwsh ./bench/import.ps1 -Rounds 10 -Runs 5
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100)] [int] $Rounds = 6,
    [ValidateRange(2, 100)] [int] $Runs = 5,
    [ValidateRange(0, 20)] [int] $Warmup = 1,
    [string] $ModulePath,
    [switch] $NoSave,
    [switch] $PassThru
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'BenchCommon.psm1') -Force
$ModulePath = Get-BenchModulePath $ModulePath

function Install-Hyperfine {
    if (Get-Command hyperfine -CommandType Application -ErrorAction SilentlyContinue) { return }
    $apt = Get-Command apt-get -CommandType Application -ErrorAction SilentlyContinue
    $isRoot = $IsLinux -and ((& id -u) -eq '0')
    if ($apt -and $isRoot) {
        Write-Host 'hyperfine is missing: installing it with apt-get...'
        & apt-get update -qq | Out-Null
        & apt-get install -y -qq hyperfine | Out-Null
    }
    if (-not (Get-Command hyperfine -CommandType Application -ErrorAction SilentlyContinue)) {
        throw 'hyperfine is required: sudo apt-get install -y hyperfine (Debian/Ubuntu), or see https://github.com/sharkdp/hyperfine/releases.'
    }
}
Install-Hyperfine

$pwsh = Get-BenchPwshCommand
$manifest = Join-Path $ModulePath 'DolphinScheduler.psd1'
$commands = [ordered]@{
    baseline = "$($pwsh.CommandLine) -NoProfile -NonInteractive -Command exit"
    import   = "$($pwsh.CommandLine) -NoProfile -NonInteractive -Command `"Import-Module '$manifest'`""
}
# Sanity: the import command really imports (a broken module would make it look fast).
$check = & $pwsh.Exe @($pwsh.Arguments) -NoProfile -NonInteractive -Command "Import-Module '$manifest' -ErrorAction Stop; (Get-Command -Module DolphinScheduler).Count"
if ($LASTEXITCODE -ne 0 -or [int]($check | Select-Object -Last 1) -lt 10) { throw "Importing $manifest failed: $check" }

$times = @{ baseline = [Collections.Generic.List[double]]::new(); import = [Collections.Generic.List[double]]::new() }
$added = [Collections.Generic.List[double]]::new()
$json = Join-Path ([IO.Path]::GetTempPath()) ('ds-import-' + [guid]::NewGuid().ToString('N') + '.json')
try {
    for ($round = 0; $round -lt $Rounds; $round++) {
        # hyperfine runs the commands in the order given: alternate which one goes first.
        $order = if ($round % 2) { 'import', 'baseline' } else { 'baseline', 'import' }
        $arguments = @('-N', '--warmup', $Warmup, '--runs', $Runs, '--export-json', $json, '--style', 'none')
        foreach ($name in $order) { $arguments += @('-n', $name, $commands[$name]) }
        & hyperfine @arguments | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "hyperfine failed (exit code $LASTEXITCODE)." }
        $result = Get-Content $json -Raw | ConvertFrom-Json
        $medians = @{}
        foreach ($r in $result.results) {
            foreach ($t in $r.times) { $times[$r.command].Add([double]$t) }
            $medians[$r.command] = [double]$r.median
        }
        $added.Add($medians.import - $medians.baseline)
        Write-Host ("round {0}: exit {1:N3} s, import {2:N3} s (medians of {3})" -f ($round + 1), $medians.baseline, $medians.import, $Runs)
    }
}
finally { Remove-Item $json -ErrorAction SilentlyContinue }

$baseline = Get-Median $times.baseline
$import = Get-Median $times.import
$addedAll = $import - $baseline
$machine = Get-BenchMachine
$rows = @(
    New-BenchRow -Job 'Import-Module in a fresh pwsh' -Ours ('{0:N3} s ({1:N3} s added; per-round median added {2:N3} s)' -f $import, $addedAll, (Get-Median $added)) `
        -Baseline 'pwsh -NoProfile -c exit' -BaselineValue ('{0:N3} s' -f $baseline) -Ratio ($import / $baseline) -RatioMeaning 'import/baseline' `
        -Target '< 0.25 s added' -Met ($addedAll -lt 0.25)
)
Write-Host ''
Write-Host ("{0}; {1} cores; load {2}; {3} rounds x {4} runs each (medians over {5} runs per command)" -f $machine.Date, $machine.Cores, $machine.LoadAvg, $Rounds, $Runs, $times.import.Count)
Write-BenchTable $rows
if (-not $NoSave) {
    $file = Save-BenchResult 'import' ([ordered]@{ machine = $machine; commands = $commands; seconds = $times; addedPerRound = $added; baselineMedian = $baseline; importMedian = $import; rows = $rows })
    Write-Host "Saved $file"
}
if ($PassThru) { $rows }
