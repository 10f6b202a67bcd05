# House rules every cmdlet follows (shared/cmdlet-surface.md, docs/architecture.md). The cmdlets and their output
# types are read from the live module, so a cmdlet added later is checked without changing this file.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule

    # Verbs whose cmdlets change server state and so must support -WhatIf/-Confirm.
    # Disconnect is exempt on purpose: like Connect-DsServer (also exempt) it changes this PowerShell session and no
    # DolphinScheduler data (a password sign-out ends only the connected user's own sessions), and it belongs in
    # finally blocks, where a confirmation prompt would hang an unattended script.
    $changingVerbs = @('New', 'Set', 'Remove', 'Grant', 'Revoke', 'Start', 'Stop', 'Suspend', 'Resume', 'Restart', 'Invoke',
        'Publish', 'Unpublish', 'Enable', 'Disable', 'Send', 'Receive', 'Save')

    # Get-* cmdlets that write no paged server list, with the reason; every other Get-* supports -First/-Skip/-PageSize.
    $notPagedGetters = @{
        'Get-DsConnection'      = 'writes the connections of this session, which live in memory'
        'Get-DsSavedConnection' = 'reads a local file of the current user, not a server list'
        'Get-DsTaskLog'         = 'writes log lines, not DS objects; -Tail selects the end, and /log/detail pages by line, which the cmdlet drives itself'
    }

    $commands = @(Get-Command -Module DolphinScheduler -CommandType Cmdlet | Sort-Object Name)
    $cmdlets = @($commands | ForEach-Object { @{ Name = $_.Name; Verb = $_.Verb } })
    # Cmdlets with such a verb that change nothing anywhere, with the reason.
    $localOnly = @{
        'New-DsTask' = 'builds a local DsTaskSpec and sends nothing, like New-TimeSpan'
    }
    $changing = @($commands | Where-Object { $_.Verb -in $changingVerbs -and -not $localOnly.ContainsKey($_.Name) } | ForEach-Object { @{ Name = $_.Name } })
    $destructive = @($commands | Where-Object Verb -in 'Remove', 'Stop' | ForEach-Object { @{ Name = $_.Name } })
    $pagedGetters = @($commands | Where-Object { $_.Verb -eq 'Get' -and -not $notPagedGetters.ContainsKey($_.Name) } | ForEach-Object { @{ Name = $_.Name } })

    # Every output type declared in [OutputType] that is one of ours (namespace DolphinScheduler).
    $outputTypes = @($commands | ForEach-Object { $_.ImplementingType.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true) } |
        ForEach-Object { $_.Type } | ForEach-Object { $_.Type } |
        Where-Object { $_ -and ($_.Namespace -eq 'DolphinScheduler' -or "$($_.Namespace)" -like 'DolphinScheduler.*') } |
        Sort-Object FullName -Unique | ForEach-Object { @{ TypeName = $_.FullName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    function Get-CmdletAttribute([string] $Name) {
        (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true) | Select-Object -First 1
    }
}

Describe 'Cmdlet <Name>' -ForEach $cmdlets {
    It 'uses an approved verb' {
        Get-Verb -Verb $Verb | Should -Not -BeNullOrEmpty -Because "'$Verb' must be one of Get-Verb's verbs"
    }

    It 'declares [OutputType]' {
        (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true) |
            Should -Not -BeNullOrEmpty
    }

    It 'is a sealed class' {
        (Get-Command $Name).ImplementingType.IsSealed | Should -BeTrue
    }
}

Describe '<Name> changes server state' -ForEach $changing -AllowNullOrEmptyForEach {
    It 'supports -WhatIf and -Confirm (SupportsShouldProcess)' {
        (Get-CmdletAttribute $Name).SupportsShouldProcess | Should -BeTrue
        (Get-Command $Name).Parameters.Keys | Should -Contain 'WhatIf'
    }
}

Describe '<Name> removes or stops' -ForEach $destructive -AllowNullOrEmptyForEach {
    It 'has ConfirmImpact High' {
        (Get-CmdletAttribute $Name).ConfirmImpact | Should -Be ([System.Management.Automation.ConfirmImpact]::High)
    }

    It 'has a -Force switch' {
        $force = (Get-Command $Name).Parameters['Force']
        $force | Should -Not -BeNullOrEmpty
        $force.ParameterType | Should -Be ([System.Management.Automation.SwitchParameter])
    }
}

Describe '<Name> lists a server collection' -ForEach $pagedGetters -AllowNullOrEmptyForEach {
    It 'supports paging (-First, -Skip, -IncludeTotalCount)' {
        (Get-CmdletAttribute $Name).SupportsPaging | Should -BeTrue -Because 'Get-* cmdlets over server lists stream pages; add the cmdlet to $notPagedGetters with a reason if it writes no list'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'First'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'Skip'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'IncludeTotalCount'
    }

    It 'has -PageSize' {
        (Get-Command $Name).Parameters.Keys | Should -Contain 'PageSize'
    }
}

Describe 'Output type <TypeName>' -ForEach $outputTypes -AllowNullOrEmptyForEach {
    It 'has a default table view' {
        $data = @(Get-FormatData -TypeName $TypeName -PowerShellVersion $PSVersionTable.PSVersion)
        $data | Should -Not -BeNullOrEmpty -Because "add a view for $TypeName to src/DolphinScheduler.PowerShell/Formats/Views.ps1"
        $views = @($data.FormatViewDefinition)
        $views.Control | Where-Object { $_ -is [System.Management.Automation.TableControl] } | Should -Not -BeNullOrEmpty
        # PowerShell formats with the first view it finds for the type, so the table must come first.
        $views[0].Control | Should -BeOfType [System.Management.Automation.TableControl]
    }
}
