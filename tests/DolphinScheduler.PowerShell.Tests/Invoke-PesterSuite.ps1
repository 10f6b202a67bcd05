<#
.SYNOPSIS
    Runs the Pester suite in a fresh process: files under Integration/ once per sandbox flavour (3.2 and 3.4, each
    sandbox started once for the run), the others once. Writes a summary JSON for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $Configuration = 'Release',
    [string] $Filter,
    [string[]] $Flavors = @('3.2', '3.4')
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)

# Pester 6.2.0 from NuGet (tools/Pester.Restore); no PowerShell Gallery here.
& dotnet restore (Join-Path $root 'tools/Pester.Restore/Pester.Restore.csproj') --nologo -v quiet | Out-Null
$packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
Import-Module (Join-Path $packages.Trim() 'pester/6.2.0/tools/Pester.psd1') -Force

Import-Module (Join-Path $root 'tools/SandboxProcess.psm1') -Force
$env:DS_TEST_MODULE_PATH = (Resolve-Path $ModulePath).Path

$files = Get-ChildItem $PSScriptRoot -Recurse -Filter '*.Tests.ps1'
if ($Filter) { $files = @($files | Where-Object Name -like "*$Filter*") }
if (@($files).Count -eq 0) {
    # Pester given no containers would run every file below the current directory, without their parameters.
    Write-Host "No Pester file matches -Filter '$Filter'."
    [ordered]@{ Passed = 0; Failed = 1; Skipped = 0 } | ConvertTo-Json | Set-Content -Path $ResultPath
    exit 1
}
# Integration files run per flavour, in name order; Zz* files (the end-of-run contract check) come last by name.
$integration = @($files | Where-Object { $_.FullName -like "*$([IO.Path]::DirectorySeparatorChar)Integration$([IO.Path]::DirectorySeparatorChar)*" } | Sort-Object Name)
$others = @($files | Where-Object { $integration -notcontains $_ })

$sandboxes = @()
try {
    $containers = @()
    foreach ($file in $others) { $containers += New-PesterContainer -Path $file.FullName }
    if ($integration.Count -gt 0) {
        foreach ($flavor in $Flavors) {
            $sandbox = Start-DsSandbox -ServerVersion $flavor -Configuration $Configuration
            $sandboxes += $sandbox
            foreach ($file in $integration) {
                $containers += New-PesterContainer -Path $file.FullName -Data @{ Flavor = $flavor; BaseUri = $sandbox.BaseUri }
            }
        }
    }
    $config = New-PesterConfiguration
    $config.Run.Container = $containers
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Normal'
    $config.Should.ErrorAction = 'Stop'
    $result = Invoke-Pester -Configuration $config
    $summary = [ordered]@{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; Skipped = $result.SkippedCount + $result.NotRunCount }
}
catch {
    Write-Host "Pester suite failed to run: $_"
    $summary = [ordered]@{ Passed = 0; Failed = 1; Skipped = 0 }
}
finally {
    $sandboxes | Stop-DsSandbox
}
$summary | ConvertTo-Json | Set-Content -Path $ResultPath
if ($summary.Failed -gt 0) { exit 1 }
