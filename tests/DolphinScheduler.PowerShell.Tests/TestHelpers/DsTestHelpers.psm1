# Shared helpers for the Pester suite. Integration files receive $Flavor and $BaseUri (see Invoke-PesterSuite.ps1).
Set-StrictMode -Version Latest

function Import-DsTestModule {
    $path = $env:DS_TEST_MODULE_PATH
    if (-not $path) { $path = Join-Path (Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $PSScriptRoot))) 'out/DolphinScheduler' }
    Import-Module (Join-Path $path 'DolphinScheduler.psd1') -Force -Global
}

function Get-AdminCredential {
    [pscredential]::new('admin', (ConvertTo-SecureString 'dolphinscheduler123' -AsPlainText -Force))
}

function Connect-TestAdmin {
    param([Parameter(Mandatory)] [string] $BaseUri, [switch] $NotDefault)
    Connect-DsServer -Uri $BaseUri -Credential (Get-AdminCredential) -NotDefault:$NotDefault
}

function New-TestName {
    param([string] $Prefix = 't')
    # Tenant codes follow Linux user-name rules (lowercase, start with a letter, at most 32 characters).
    "$Prefix$([guid]::NewGuid().ToString('N').Substring(0, 10))"
}

function Get-SandboxRecord {
    <# Reads the sandbox's control endpoints (outside the DS context path): violations or requests. #>
    param([Parameter(Mandatory)] [string] $BaseUri, [ValidateSet('violations', 'requests')] [string] $Kind = 'violations')
    $origin = ([uri]$BaseUri).GetLeftPart([UriPartial]::Authority)
    # Invoke-RestMethod returns a JSON array as one object; unroll it into its items.
    (Invoke-RestMethod -Uri "$origin/_sandbox/$Kind" -Method Get) | ForEach-Object { $_ }
}

function Measure-SandboxRequest {
    <# Runs the script block and returns the requests the sandbox received meanwhile (records are never cleared, so the
       end-of-run contract check sees every request). #>
    param([Parameter(Mandatory)] [string] $BaseUri, [Parameter(Mandatory)] [scriptblock] $Action)
    $before = @(Get-SandboxRecord -BaseUri $BaseUri -Kind requests).Count
    $null = & $Action
    @(Get-SandboxRecord -BaseUri $BaseUri -Kind requests) | Select-Object -Skip $before
}

Export-ModuleMember -Function Import-DsTestModule, Get-AdminCredential, Connect-TestAdmin, New-TestName, Get-SandboxRecord, Measure-SandboxRequest
