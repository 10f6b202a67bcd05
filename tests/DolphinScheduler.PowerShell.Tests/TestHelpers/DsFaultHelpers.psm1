# Helpers for the reliability tests (Faults, Sessions, BadInput, Secrets, Concurrency): the sandbox's fault rules
# (POST/GET/DELETE /_sandbox/faults) and a way to run a command and see everything it did: output, errors, warnings,
# the terminating error, the requests the sandbox received meanwhile (its journal) and the time it took.
Set-StrictMode -Version Latest

function Get-SandboxOrigin([string] $BaseUri) { ([uri]$BaseUri).GetLeftPart([UriPartial]::Authority) }

function Get-SandboxContextPath([string] $BaseUri) { ([uri]$BaseUri).AbsolutePath.TrimEnd('/') }

function Add-SandboxFault {
    <# Adds one fault rule (a hashtable with path, method, kind, when, status, delayMs, count, retryAfter) and returns it. #>
    param([Parameter(Mandatory)] [string] $BaseUri, [Parameter(Mandatory)] [hashtable] $Rule)
    Invoke-RestMethod -Method Post -Uri "$(Get-SandboxOrigin $BaseUri)/_sandbox/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json -Compress)
}

function Get-SandboxFault {
    param([Parameter(Mandatory)] [string] $BaseUri)
    (Invoke-RestMethod -Uri "$(Get-SandboxOrigin $BaseUri)/_sandbox/faults") | ForEach-Object { $_ }
}

function Clear-SandboxFault {
    param([Parameter(Mandatory)] [string] $BaseUri)
    $null = Invoke-RestMethod -Method Delete -Uri "$(Get-SandboxOrigin $BaseUri)/_sandbox/faults"
}

function Get-SandboxMark {
    <# How many requests and violations the sandbox has journaled so far (records are never cleared during the suite). #>
    param([Parameter(Mandatory)] [string] $BaseUri)
    Invoke-RestMethod -Uri "$(Get-SandboxOrigin $BaseUri)/_sandbox/requests/count"
}

function Get-SandboxRequestSince {
    <# The journal records after a mark, waiting until the journal is quiet (a record is written after its answer). #>
    param([Parameter(Mandatory)] [string] $BaseUri, [Parameter(Mandatory)] $Mark, [ValidateSet('requests', 'violations')] [string] $Kind = 'requests')
    $origin = Get-SandboxOrigin $BaseUri
    $skip = if ($Kind -eq 'requests') { $Mark.requests } else { $Mark.violations }
    $last = -1
    for ($i = 0; $i -lt 20; $i++) {
        $count = (Invoke-RestMethod -Uri "$origin/_sandbox/requests/count").$Kind
        if ($count -eq $last) { break }
        $last = $count
        Start-Sleep -Milliseconds 60
    }
    @((Invoke-RestMethod -Uri "$origin/_sandbox/$($Kind)?skip=$skip") | ForEach-Object { $_ })
}

function Invoke-Observed {
    <#
    Runs the script block with ErrorActionPreference Continue and returns what happened: Output (objects), Errors (every
    error record, non-terminating and terminating), Terminating (the error that ended it, or $null), Warnings (text),
    Requests and Violations (what the sandbox journaled meanwhile) and Elapsed.
    #>
    param([Parameter(Mandatory)] [string] $BaseUri, [Parameter(Mandatory)] [scriptblock] $Action, [switch] $NoJournal)
    $mark = if ($NoJournal) { $null } else { Get-SandboxMark -BaseUri $BaseUri }
    $output = [System.Collections.Generic.List[object]]::new()
    $errors = [System.Collections.Generic.List[object]]::new()
    $warnings = [System.Collections.Generic.List[string]]::new()
    $terminating = $null
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        & {
            $ErrorActionPreference = 'Continue'
            $WarningPreference = 'Continue'
            & $Action 2>&1 3>&1
        } | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) }
            elseif ($_ -is [System.Management.Automation.WarningRecord]) { $warnings.Add($_.Message) }
            else { $output.Add($_) }
        }
    }
    catch {
        $terminating = $_
        $errors.Add($_)
    }
    $watch.Stop()
    [pscustomobject]@{
        Output      = $output.ToArray()
        Errors      = $errors.ToArray()
        Terminating = $terminating
        Warnings    = $warnings.ToArray()
        Requests    = if ($mark) { Get-SandboxRequestSince -BaseUri $BaseUri -Mark $mark } else { @() }
        Violations  = if ($mark) { Get-SandboxRequestSince -BaseUri $BaseUri -Mark $mark -Kind violations } else { @() }
        Elapsed     = $watch.Elapsed
    }
}

function Select-Request {
    <# Journal records of one method whose path (after the context path) matches a regular expression. #>
    param([Parameter(ValueFromPipeline)] $Record, [string] $Method, [Parameter(Mandatory)] [string] $PathPattern, [Parameter(Mandatory)] [string] $BaseUri)
    begin { $context = Get-SandboxContextPath $BaseUri }
    process {
        foreach ($r in $Record) {
            if ($null -eq $r) { continue }
            $path = if ($r.path.StartsWith($context)) { $r.path.Substring($context.Length) } else { $r.path }
            if ((-not $Method -or $r.method -eq $Method) -and $path -match $PathPattern) { $r }
        }
    }
}

function Get-InnerException {
    <# The exception and every inner exception, outermost first. #>
    param([Parameter(Mandatory)] [System.Exception] $Exception)
    for ($e = $Exception; $null -ne $e; $e = $e.InnerException) { $e }
}

Export-ModuleMember -Function Get-SandboxOrigin, Get-SandboxContextPath, Add-SandboxFault, Get-SandboxFault, Clear-SandboxFault, Get-SandboxMark,
    Get-SandboxRequestSince, Invoke-Observed, Select-Request, Get-InnerException
