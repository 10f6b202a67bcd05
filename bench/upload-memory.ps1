<#
.SYNOPSIS
    Benchmark: uploads a generated ~1 GiB file with Send-DsResource and reports the process's peak working-set growth
    (budget: 64 MiB), the time against `curl -F` in the same run, and checks that Receive-DsResource brings back the
    same bytes (SHA-256).
.DESCRIPTION
    Not a test: run it by hand after `./build.ps1 Build`. Without -BaseUri it starts a sandbox of -ServerVersion
    (tools/SandboxProcess.psm1) and stops it at the end. The file is 1 GiB minus 1 MiB by default: DolphinScheduler's
    multipart limit is 1024 MB for the whole request (contract §2), so a file of exactly 1 GiB plus the form fields
    would be refused by a real server.
    Exit code 0 when the memory budget held and the download matched, 1 otherwise.
.EXAMPLE
    dotnet pwsh ./bench/upload-memory.ps1
.EXAMPLE
    dotnet pwsh ./bench/upload-memory.ps1 -BaseUri http://localhost:12345/dolphinscheduler -Credential (Get-Credential)
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/DolphinScheduler'),
    [string] $BaseUri,
    [ValidateSet('3.2', '3.3', '3.4')] [string] $ServerVersion = '3.4',
    [pscredential] $Credential = [pscredential]::new('admin', (ConvertTo-SecureString 'dolphinscheduler123' -AsPlainText -Force)),
    [ValidateRange(1MB, 4GB)] [long] $SizeBytes = 1GB - 1MB,
    [int] $BudgetMiB = 64,
    [string] $Destination = '/bench-upload',
    [switch] $SkipCurl
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot

$sandbox = $null
if (-not $BaseUri) {
    Import-Module (Join-Path $root 'tools/SandboxProcess.psm1') -Force
    $sandbox = Start-DsSandbox -ServerVersion $ServerVersion
    $BaseUri = $sandbox.BaseUri
    Write-Host "Started a $ServerVersion sandbox at $BaseUri"
}

$work = Join-Path ([IO.Path]::GetTempPath()) ('ds-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$null = New-Item -ItemType Directory -Path $work
$file = Join-Path $work 'payload.bin'
$sampler = $null
try {
    # 1. The payload: pseudo-random 1 MiB blocks (incompressible, cheap to make), written in a child-free loop.
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

    Import-Module (Join-Path $ModulePath 'DolphinScheduler.psd1') -Force
    $null = Connect-DsServer -Uri $BaseUri -Credential $Credential
    # The folder as the server names it (3.2 writes directory names with a trailing '/', which curl's currentDir needs).
    $folder = New-DsResourceDirectory -Path $Destination -Force
    Get-DsResource -Path "$Destination/payload.bin" -ErrorAction SilentlyContinue | Remove-DsResource -Force

    # 2. Baseline after a full collection, then sample the working set every 20 ms on another thread while uploading.
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $self = [Diagnostics.Process]::GetCurrentProcess()
    $self.Refresh()
    $state = [hashtable]::Synchronized(@{ Stop = $false; Peak = $self.WorkingSet64; Samples = 0 })
    $baseline = $self.WorkingSet64
    $sampler = Start-ThreadJob -ArgumentList $state, $PID -ScriptBlock {
        param($state, $processId)
        $p = [Diagnostics.Process]::GetProcessById($processId)
        while (-not $state.Stop) {
            $p.Refresh()
            if ($p.WorkingSet64 -gt $state.Peak) { $state.Peak = $p.WorkingSet64 }
            $state.Samples++
            Start-Sleep -Milliseconds 20
        }
    }
    Start-Sleep -Milliseconds 200
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $uploaded = Send-DsResource -Path $file -Destination $Destination
    $watch.Stop()
    $state.Stop = $true
    $null = $sampler | Wait-Job -Timeout 10
    $growthMiB = [Math]::Round(($state.Peak - $baseline) / 1MB, 1)
    $moduleSeconds = [Math]::Round($watch.Elapsed.TotalSeconds, 2)

    # 3. curl -F in the same run (own session; same server, same folder, another name).
    $curlSeconds = $null
    $curl = Get-Command curl -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($SkipCurl -or -not $curl) {
        Write-Host 'curl: skipped'
    }
    else {
        $login = Invoke-RestMethod -Method Post -Uri "$BaseUri/login" -Body @{ userName = $Credential.UserName; userPassword = $Credential.GetNetworkCredential().Password }
        $session = $login.data.sessionId
        $dirFullName = $folder.FullName
        Get-DsResource -Path "$Destination/payload-curl.bin" -ErrorAction SilentlyContinue | Remove-DsResource -Force
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $answer = & $curl.Source -s -S -X POST -H "sessionId: $session" -F 'type=FILE' -F 'name=payload-curl.bin' -F "currentDir=$dirFullName" -F "file=@$file;type=application/octet-stream" "$BaseUri/resources"
        $watch.Stop()
        $curlSeconds = [Math]::Round($watch.Elapsed.TotalSeconds, 2)
        if ($LASTEXITCODE -ne 0 -or ($answer | ConvertFrom-Json).code -ne 0) { Write-Warning "curl upload failed: $answer"; $curlSeconds = $null }
        $curlCopy = Get-DsResource -Path "$Destination/payload-curl.bin" -ErrorAction SilentlyContinue
        if ($null -ne $curlSeconds -and (-not $curlCopy -or $curlCopy.Size -ne $SizeBytes)) { Write-Warning 'curl''s upload is not where it should be; its time is not comparable.'; $curlSeconds = $null }
        $curlCopy | Remove-DsResource -Force
    }

    # 4. Download and compare.
    $back = Receive-DsResource -Path $uploaded -Destination (Join-Path $work 'downloaded.bin')
    $backHash = (Get-FileHash -Path $back.FullName -Algorithm SHA256).Hash
    $match = $backHash -eq $sourceHash
    $uploaded | Remove-DsResource -Force

    $result = [pscustomobject]@{
        ServerVersion          = (Get-DsConnection).ServerVersion
        SizeBytes              = $SizeBytes
        SendDsResourceSeconds  = $moduleSeconds
        SendMiBPerSecond       = [Math]::Round($SizeBytes / 1MB / [Math]::Max($moduleSeconds, 0.001), 1)
        CurlSeconds            = $curlSeconds
        PeakWorkingSetGrowthMiB = $growthMiB
        BudgetMiB              = $BudgetMiB
        WorkingSetSamples      = $state.Samples
        DownloadMatches        = $match
    }
    $ok = $growthMiB -lt $BudgetMiB -and $match
    Write-Host ($(if ($ok) { 'PASS' } else { 'FAIL' }) + ": working-set growth $growthMiB MiB (budget $BudgetMiB MiB), download " + $(if ($match) { 'matches' } else { 'DIFFERS' }))
    $result
    if (-not $ok) { $global:LASTEXITCODE = 1; exit 1 }
}
finally {
    if ($sampler) { $sampler | Remove-Job -Force -ErrorAction SilentlyContinue }
    Disconnect-DsServer -ErrorAction SilentlyContinue
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    if ($sandbox) { $sandbox | Stop-DsSandbox }
}
