<#
.SYNOPSIS
    The DolphinScheduler seed walkthrough, as a user types it: security centre, project, grant, and working as that user.
.DESCRIPTION
    Run by `build.ps1 Demo` against a fresh sandbox, or by hand against any DolphinScheduler 3.2/3.3/3.4 server:
        ./examples/seed-walkthrough.ps1 -BaseUri http://localhost:12345/dolphinscheduler
    The same script runs unchanged against every server version.
#>
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    # The built module folder; defaults to the installed module.
    [string] $ModulePath,
    [pscredential] $AdminCredential = [pscredential]::new('admin', (ConvertTo-SecureString 'dolphinscheduler123' -AsPlainText -Force))
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
if ($ModulePath) { Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1') -Force } else { Import-Module DolphinScheduler }

function Step([string] $title) { Write-Host "`n== $title" -ForegroundColor Cyan }

Step '用户登录 / log in as admin'
$admin = Connect-DsServer -Uri $BaseUri -Credential $AdminCredential
$admin | Format-Table | Out-String | Write-Host

Step '队列管理 / queue, 租户 / tenant, 用户 / user'
$queue = New-DsQueue -Name etl -QueueValue root.etl
$tenant = New-DsTenant -TenantCode etl -Queue etl -Description 'ETL jobs'
$password = ConvertTo-SecureString 'Alice#2024' -AsPlainText -Force
$alice = New-DsUser -UserName alice -Password $password -Tenant etl -Email alice@example.com
$queue, $tenant | Format-Table | Out-String | Write-Host
$alice | Format-Table | Out-String | Write-Host

Step '令牌管理 / an access token for alice (valid 30 days)'
$token = New-DsToken -User alice -ValidFor (New-TimeSpan -Days 30)
$token | Format-Table | Out-String | Write-Host

Step '创建项目 / project, 用户授权 / grant it to alice'
$project = New-DsProject -Name test-flink -Description 'Flink jobs' | Grant-DsProject -User alice -PassThru
$project | Format-Table | Out-String | Write-Host

Step 'reconnect with the token, as alice'
$asAlice = Connect-DsServer -Uri $BaseUri -Token $token
$asAlice | Format-Table | Out-String | Write-Host

Step 'what alice sees'
$visible = @(Get-DsProject)
$visible | Format-Table | Out-String | Write-Host
if ($visible.Name -notcontains 'test-flink') { throw 'alice does not see the project she was granted.' }

Write-Host "`nSeed walkthrough finished against DolphinScheduler $($asAlice.ServerVersion) at $BaseUri." -ForegroundColor Green
