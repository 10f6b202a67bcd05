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

Step '资源上传 / upload the job files to /flink'
$work = Join-Path ([IO.Path]::GetTempPath()) "ds-seed-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$null = New-Item -ItemType Directory -Path (Join-Path $work 'jobs')
[IO.File]::WriteAllBytes((Join-Path $work 'jobs/job.jar'), [byte[]](1..255))
Get-ChildItem (Join-Path $work 'jobs/*.jar') | Send-DsResource -Destination /flink | Format-Table | Out-String | Write-Host

Step '创建工作流 / a workflow as code; its second task fails until a marker file exists'
# The sandbox runs SHELL tasks on this machine, so "fixing the cause" is creating the marker file.
$marker = Join-Path $work 'input-ready'
$tasks = @(
    New-DsTask -Name prepare -Type SHELL -Script 'echo preparing'
    New-DsTask -Name run -Type SHELL -Script "test -f '$marker' && echo 'run: input found' || { echo 'run: input missing'; exit 1; }" -DependsOn prepare -Resource /flink/job.jar
)
$wf = New-DsWorkflow -Project test-flink -Name nightly -Task $tasks -Publish
$wf | Format-Table | Out-String | Write-Host
$wf.Tasks | Format-Table Name, Type, DependsOn, Resource | Out-String | Write-Host

Step '查看执行结果 / start it and wait: it fails'
$run = $wf | Start-DsWorkflow -Wait -ErrorAction SilentlyContinue -ErrorVariable failed
$run | Format-Table | Out-String | Write-Host
if ($run.State -ne 'FAILURE') { throw "Expected the first run to fail, it ended $($run.State)." }
Write-Host "As expected: $($failed[0].Exception.Message)"
$run | Get-DsTaskInstance | Format-Table | Out-String | Write-Host

Step '查看日志 / the failed task''s log'
$run | Get-DsTaskInstance -State FAILURE | Get-DsTaskLog | Write-Host

Step 'fix the cause, then rerun only the failed tasks (START_FAILURE_TASK_PROCESS)'
$null = New-Item -ItemType File -Path $marker
$rerun = Get-DsInstance -Project test-flink -State FAILURE | Invoke-DsInstance -ExecuteType START_FAILURE_TASK_PROCESS -Wait
$rerun | Format-Table | Out-String | Write-Host
if ($rerun.State -ne 'SUCCESS') { throw "The rerun ended $($rerun.State)." }
$rerun | Get-DsTaskInstance -Name run | Get-DsTaskLog -Tail 3 | Write-Host

Step 'run the whole workflow again (REPEAT_RUNNING)'
$repeat = Get-DsInstance -Project test-flink -First 1 | Invoke-DsInstance -ExecuteType REPEAT_RUNNING -Wait
if ($repeat.State -ne 'SUCCESS') { throw "The repeat ended $($repeat.State)." }
Get-DsInstance -Project test-flink | Format-Table | Out-String | Write-Host

Remove-Item $work -Recurse -Force
$version = "$($asAlice.ServerVersion)".Replace('V', '').Replace('_', '.')
Write-Host "`nSeed walkthrough finished against DolphinScheduler $version at $BaseUri." -ForegroundColor Green
