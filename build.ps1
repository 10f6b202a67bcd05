<#
.SYNOPSIS
    Builds, tests and demonstrates the DolphinScheduler module.
.DESCRIPTION
    Tasks:
      Build    Builds the solution and assembles the importable module in out/DolphinScheduler.
      Test     Builds, then runs every xunit and Pester test (Pester once per sandbox flavour) and prints
               'N passed, N failed'. Exits non-zero on any failure.
      Demo     Starts the sandbox, runs examples/seed-walkthrough.ps1 against it with the built module, stops it.
      Sandbox  Runs the sandbox in the foreground (-Port, -ServerVersion) for testing your own scripts offline.
      Clean    Removes out/ and build output.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
.EXAMPLE
    dotnet pwsh ./build.ps1 Sandbox -Port 12345 -ServerVersion 3.2
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Sandbox', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Sandbox and Demo: the server flavour to run.
    [ValidateSet('3.2', '3.3', '3.4')]
    [string] $ServerVersion = '3.4',

    # Sandbox: the loopback port (0 picks a free one).
    [ValidateRange(0, 65535)]
    [int] $Port = 12345,

    # Test: only the named Pester test files or xunit projects matching this filter.
    [string] $Filter,

    # Build: skip generating help (inner-loop development only; Test and Demo always build it).
    [switch] $SkipHelp
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'DolphinScheduler'
Import-Module (Join-Path $root 'tools/SandboxProcess.psm1') -Force

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# Runs a script in a fresh pwsh (the same PowerShell that runs this build), so loaded assemblies never leak between steps.
function Invoke-ChildPwsh([string] $File, [string[]] $Arguments) {
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    # The child's output goes to the console; only the exit code is returned (captured output would make it an array).
    & dotnet $pwsh -NoProfile -NonInteractive -File $File @Arguments | Out-Host
    return $LASTEXITCODE
}

function Invoke-Build {
    Write-Host "Building ($Configuration)..."
    Invoke-Dotnet build (Join-Path $root 'DolphinScheduler.PowerShell.sln') -c $Configuration --nologo -v quiet '-clp:ErrorsOnly'
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $moduleOut
    $bin = Join-Path $root "src/DolphinScheduler.PowerShell/bin/$Configuration/netstandard2.0"
    # Layout (src/DolphinScheduler.Loader/README.md): the cmdlet and loader assemblies at the root, the core and every
    # package dependency in Dependencies/ (loaded into a private context); never PowerShell's own reference assembly.
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $moduleOut 'Dependencies')
    foreach ($dll in Get-ChildItem $bin -Filter '*.dll' | Where-Object Name -ne 'System.Management.Automation.dll') {
        $target = if ($dll.Name -eq 'DolphinScheduler.PowerShell.dll') { $moduleOut } else { $dependencies }
        Copy-Item $dll.FullName -Destination $target
    }
    Copy-Item (Join-Path $root "src/DolphinScheduler.Loader/bin/$Configuration/net8.0/DolphinScheduler.Loader.dll") $moduleOut
    Copy-Item (Join-Path $root 'DolphinScheduler.psd1'), (Join-Path $root 'DolphinScheduler.psm1') $moduleOut
    Copy-Item (Join-Path $root 'src/DolphinScheduler.PowerShell/Formats/DolphinScheduler.Types.ps1xml') $moduleOut
    & (Join-Path $root 'tools/Build-FormatFile.ps1') -ViewsPath (Join-Path $root 'src/DolphinScheduler.PowerShell/Formats/Views.ps1') -OutputPath (Join-Path $moduleOut 'DolphinScheduler.Format.ps1xml')
    $helpScript = Join-Path $root 'tools/Build-Help.ps1'
    if ($SkipHelp -and $Task -eq 'Build') { Write-Host 'Skipping help (-SkipHelp).' }
    elseif (Test-Path $helpScript) {
        $code = Invoke-ChildPwsh $helpScript @('-ModulePath', $moduleOut, '-DocsPath', (Join-Path $root 'docs'))
        if ($code -ne 0) { throw 'Generating help failed.' }
    }
    Write-Host "Module: $moduleOut"
}

function Get-TrxCounts([string] $Directory) {
    $totals = @{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($trx in Get-ChildItem $Directory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        [xml] $doc = Get-Content $trx.FullName -Raw
        $c = $doc.TestRun.ResultSummary.Counters
        $totals.Passed += [int]$c.passed
        $totals.Failed += [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted
        $totals.Skipped += [int]$c.notExecuted
    }
    $totals
}

function Invoke-Test {
    Invoke-Build
    $results = Join-Path $out 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $results

    Write-Host 'Running xunit tests...'
    $testProjects = Get-ChildItem (Join-Path $root 'tests') -Filter '*.csproj' -Recurse
    if ($Filter) { $testProjects = $testProjects | Where-Object Name -like "*$Filter*" }
    $xunitFailed = $false
    foreach ($project in $testProjects) {
        & dotnet test $project.FullName -c $Configuration --no-build --nologo -v quiet --results-directory $results --logger "trx;LogFileName=$($project.BaseName).trx"
        if ($LASTEXITCODE -ne 0) { $xunitFailed = $true }
    }
    $x = Get-TrxCounts $results
    Write-Host "xunit: $($x.Passed) passed, $($x.Failed) failed, $($x.Skipped) skipped"

    $pesterDir = Join-Path $root 'tests/DolphinScheduler.PowerShell.Tests'
    $pesterMatches = @(Get-ChildItem $pesterDir -Recurse -Filter '*.Tests.ps1' | Where-Object { -not $Filter -or $_.Name -like "*$Filter*" })
    if ($Filter -and @($testProjects).Count -eq 0 -and $pesterMatches.Count -eq 0) {
        Write-Host "No xunit project and no Pester file matches -Filter '$Filter'."
        exit 1
    }
    $code = 0
    if ($pesterMatches.Count -eq 0) {
        Write-Host "Pester: no file matches -Filter '$Filter'"
        $p = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    }
    else {
        Write-Host 'Running Pester tests...'
        $pesterJson = Join-Path $results 'pester-summary.json'
        $pesterArgs = @('-ModulePath', $moduleOut, '-ResultPath', $pesterJson, '-Configuration', $Configuration)
        if ($Filter) { $pesterArgs += @('-Filter', $Filter) }
        $code = Invoke-ChildPwsh (Join-Path $pesterDir 'Invoke-PesterSuite.ps1') $pesterArgs
        $p = if (Test-Path $pesterJson) { Get-Content $pesterJson -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
        Write-Host "Pester: $($p.Passed) passed, $($p.Failed) failed, $($p.Skipped) skipped"
    }

    $passed = $x.Passed + $p.Passed
    $failed = $x.Failed + $p.Failed
    $skipped = $x.Skipped + $p.Skipped
    if ($failed -eq 0 -and ($xunitFailed -or $code -ne 0)) { $failed = 1 }   # a runner that crashed counts as a failure
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $sandbox = Start-DsSandbox -ServerVersion $ServerVersion -Configuration $Configuration
    try {
        Write-Host "Sandbox ($ServerVersion) at $($sandbox.BaseUri)"
        $code = Invoke-ChildPwsh (Join-Path $root 'examples/seed-walkthrough.ps1') @('-BaseUri', $sandbox.BaseUri, '-ModulePath', $moduleOut)
        if ($code -ne 0) { throw "The seed walkthrough failed (exit code $code)." }
        Write-Host 'Demo finished successfully.'
    }
    finally {
        $sandbox | Stop-DsSandbox
    }
}

function Invoke-Sandbox {
    Invoke-Dotnet build (Join-Path $root 'src/DolphinScheduler.Sandbox') -c $Configuration --nologo -v quiet '-clp:ErrorsOnly'
    & dotnet (Get-SandboxDll $Configuration) --server-version $ServerVersion --port $Port
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Sandbox' { Invoke-Sandbox }
    'Clean' {
        if (Test-Path $out) { Remove-Item $out -Recurse -Force }
        Get-ChildItem $root -Include bin, obj -Recurse -Directory | Remove-Item -Recurse -Force
    }
}
