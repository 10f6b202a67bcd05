# Shared helpers of the bench/*.ps1 scripts: the sandbox, medians, the result table, machine facts, result files.
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $script:RepoRoot 'tools/SandboxProcess.psm1') -Force

function Get-BenchRepoRoot { $script:RepoRoot }

function Get-BenchModulePath {
    <# The built module (./build.ps1 Build), or a clear error. #>
    param([string] $ModulePath)
    if (-not $ModulePath) { $ModulePath = Join-Path $script:RepoRoot 'out/DolphinScheduler' }
    $manifest = Join-Path $ModulePath 'DolphinScheduler.psd1'
    if (-not (Test-Path $manifest)) { throw "No built module at $ModulePath. Run 'dotnet pwsh ./build.ps1 Build -SkipHelp' first." }
    (Resolve-Path $ModulePath).Path
}

function Start-BenchSandbox {
    <# Starts a sandbox on a free loopback port; adds Root (scheme://host:port) for the /_sandbox control endpoints. #>
    param([string] $ServerVersion = '3.4', [string[]] $ExtraArguments = @(), [string] $Configuration = 'Release')
    $null = Get-SandboxDll $Configuration
    $sandbox = Start-DsSandbox -ServerVersion $ServerVersion -Configuration $Configuration -ExtraArguments $ExtraArguments -StartTimeoutSec 120
    $root = ([uri]$sandbox.BaseUri).GetLeftPart([UriPartial]::Authority)
    $sandbox | Add-Member -NotePropertyName Root -NotePropertyValue $root -PassThru
}

function Get-BenchCredential {
    [pscredential]::new('admin', (ConvertTo-SecureString 'dolphinscheduler123' -AsPlainText -Force))
}

function Get-BenchSessionId {
    <# Logs in with Invoke-RestMethod (what a hand-written script does) and returns the sessionId. #>
    param([Parameter(Mandatory)] [string] $BaseUri)
    $login = Invoke-RestMethod -Method Post -Uri "$BaseUri/login" -Body @{ userName = 'admin'; userPassword = 'dolphinscheduler123' }
    if ($login.code -ne 0) { throw "Login failed: $($login.msg)" }
    $login.data.sessionId
}

function New-BenchHttpClient {
    <# One raw HttpClient that sends the session header: the hand-written baseline's client. #>
    param([Parameter(Mandatory)] [string] $SessionId)
    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Add('sessionId', $SessionId)
    $http
}

function Reset-SandboxStats([Parameter(Mandatory)] $Sandbox) {
    $null = Invoke-RestMethod -Method Delete -Uri "$($Sandbox.Root)/_sandbox/stats"
}

function Get-SandboxStats([Parameter(Mandatory)] $Sandbox) {
    Invoke-RestMethod -Uri "$($Sandbox.Root)/_sandbox/stats"
}

function Get-Median {
    param([Parameter(Mandatory)] [double[]] $Values)
    $sorted = [double[]]($Values | Sort-Object)
    $n = $sorted.Length
    if ($n -eq 0) { return [double]::NaN }
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

function Get-BenchPwshCommand {
    <#
    How to start the PowerShell that runs this script in a fresh process: Exe and Arguments (under `dotnet pwsh`:
    dotnet and the pwsh.dll; else pwsh itself) and CommandLine, the same quoted for hyperfine.
    #>
    $exe = [Environment]::ProcessPath
    $arguments = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
    [pscustomobject]@{
        Exe         = $exe
        Arguments   = $arguments
        CommandLine = (@($exe) + $arguments | ForEach-Object { if ($_ -match '\s') { "`"$_`"" } else { $_ } }) -join ' '
    }
}

function Get-BenchMachine {
    <# Date, cores, memory and load: what docs/performance.md records next to each figure. #>
    $free = if (Get-Command free -ErrorAction SilentlyContinue) { (& free -h | Select-Object -Skip 1 -First 1) -replace '\s+', ' ' } else { '' }
    $load = if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg -Raw) -split ' ')[0..2] -join ' ' } else { '' }
    $cpu = if (Test-Path /proc/cpuinfo) { ((Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', '') } else { '' }
    [pscustomobject]@{
        Date     = (Get-Date).ToString('yyyy-MM-dd HH:mm:ss zzz')
        Cores    = [Environment]::ProcessorCount
        Cpu      = $cpu
        Memory   = $free
        LoadAvg  = $load
        Runtime  = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        PSVersion = $PSVersionTable.PSVersion.ToString()
    }
}

function New-BenchRow {
    <#
    One line of the result table. Ratio is Baseline/Ours when HigherIsBetter (a speed-up), else Ours/Baseline (a cost
    relative to the baseline); Met compares it with Target.
    #>
    param(
        [Parameter(Mandatory)] [string] $Job,
        [Parameter(Mandatory)] [string] $Ours,
        [Parameter(Mandatory)] [string] $Baseline,
        [Parameter(Mandatory)] [string] $BaselineValue,
        [Parameter(Mandatory)] [double] $Ratio,
        [Parameter(Mandatory)] [string] $RatioMeaning,
        [Parameter(Mandatory)] [string] $Target,
        # $null for a diagnostic row without a target.
        [AllowNull()] [object] $Met
    )
    [pscustomobject]@{
        Job = $Job; Ours = $Ours; Baseline = $Baseline; BaselineValue = $BaselineValue
        Ratio = [Math]::Round($Ratio, 2); RatioMeaning = $RatioMeaning; Target = $Target; Met = $(if ($null -eq $Met) { 'n/a' } elseif ($Met) { 'met' } else { 'NOT met' })
    }
}

function Write-BenchTable {
    param([Parameter(Mandatory)] [object[]] $Rows)
    $Rows | Format-Table -AutoSize -Wrap Job, Ours, Baseline, BaselineValue, @{ n = 'Ratio'; e = { '{0:N2}x' -f $_.Ratio } }, RatioMeaning, Target, Met | Out-String -Width 220 | Write-Host
}

function Save-BenchResult {
    <# Writes bench/results/<name>-<time>.json (git-ignored) and returns its path. #>
    param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] $Data)
    $dir = Join-Path $script:RepoRoot 'bench/results'
    $null = New-Item -ItemType Directory -Path $dir -Force
    $file = Join-Path $dir ('{0}-{1}.json' -f $Name, (Get-Date).ToString('yyyyMMdd-HHmmss'))
    $Data | ConvertTo-Json -Depth 8 | Set-Content -Path $file -Encoding utf8
    $file
}

function Get-RoundOrder {
    <# The order of the contenders in round $Round: rotated each round so none always runs first or last. #>
    param([Parameter(Mandatory)] [string[]] $Names, [Parameter(Mandatory)] [int] $Round)
    $n = $Names.Length
    0..($n - 1) | ForEach-Object { $Names[($_ + $Round) % $n] }
}

Export-ModuleMember -Function *
