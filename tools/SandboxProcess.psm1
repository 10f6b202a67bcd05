# Starts and stops the sandbox server as a child process (build.ps1, bench scripts, examples).
Set-StrictMode -Version Latest

function Get-SandboxDll {
    param([string] $Configuration = 'Release')
    $root = Split-Path -Parent $PSScriptRoot
    $dll = Join-Path $root "src/DolphinScheduler.Sandbox/bin/$Configuration/net10.0/DolphinScheduler.Sandbox.dll"
    if (-not (Test-Path $dll)) { throw "The sandbox is not built ($dll). Run ./build.ps1 Build first." }
    $dll
}

function Start-DsSandbox {
    <# Starts a sandbox on a free loopback port and returns @{ Process; BaseUri; ServerVersion }. #>
    param(
        [ValidateSet('3.2', '3.3', '3.4')] [string] $ServerVersion = '3.4',
        [int] $Port = 0,
        [string] $Configuration = 'Release',
        [string[]] $ExtraArguments = @(),
        [int] $StartTimeoutSec = 60
    )
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @((Get-SandboxDll $Configuration), '--server-version', $ServerVersion, '--port', "$Port") + $ExtraArguments) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds($StartTimeoutSec)) -or [string]::IsNullOrWhiteSpace($read.Result)) {
        try { $process.Kill($true) } catch { }
        throw "The $ServerVersion sandbox did not print its base URI within $StartTimeoutSec s."
    }
    # Keep draining stdout so the child never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; BaseUri = $read.Result.Trim(); ServerVersion = $ServerVersion }
}

function Stop-DsSandbox {
    param([Parameter(ValueFromPipeline)] $Sandbox)
    process {
        if ($null -ne $Sandbox -and -not $Sandbox.Process.HasExited) {
            try { $Sandbox.Process.Kill($true) } catch { }
            $null = $Sandbox.Process.WaitForExit(10000)
        }
    }
}

Export-ModuleMember -Function Start-DsSandbox, Stop-DsSandbox, Get-SandboxDll
