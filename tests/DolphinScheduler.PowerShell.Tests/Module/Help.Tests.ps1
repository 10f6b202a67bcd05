# Every exported cmdlet has real help (built from docs/cmdlets by tools/Build-Help.ps1), the about topics load, and
# docs/errors.md lists every fixed error id. Cmdlets are enumerated from the live module, so a new cmdlet without a
# page fails here.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $cmdlets = @(Get-Command -Module DolphinScheduler -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            @{ Name = $_.Name; Parameters = @($_.Parameters.Keys | Where-Object { $common -notcontains $_ } | Sort-Object) }
        })
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
    $aboutTopics = @(Get-ChildItem (Join-Path $repoRoot 'docs/about') -Filter 'about_*.md' | ForEach-Object { @{ Topic = $_.BaseName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name
        $help = Get-Help $Name -Full
        $helpParameters = @(if ($help.PSObject.Properties['parameters'] -and $help.parameters) { $help.parameters.parameter })
    }

    It 'comes from the MAML help file, not from the syntax' {
        $help.PSObject.TypeNames | Should -Contain 'MamlCommandHelpInfo'
    }

    It 'has a synopsis' {
        $help.Synopsis.Trim() | Should -Not -BeNullOrEmpty
        # Without a help file, Get-Help puts the syntax where the synopsis goes.
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name *"
    }

    It 'has a description' {
        ($help.description.Text -join "`n").Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and a title' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($e in $examples) {
            $e.code.Trim() | Should -Not -BeNullOrEmpty
            $e.title | Should -Match 'Example \d+: \S'
        }
    }

    It 'describes -<_>' -ForEach $Parameters -AllowNullOrEmptyForEach {
        $p = $helpParameters | Where-Object name -eq $_
        $p | Should -Not -BeNullOrEmpty -Because "-$_ must be documented"
        ($p.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'documents no parameter the cmdlet lacks' {
        $helpParameters.name | Where-Object { $Parameters -notcontains $_ } | Should -BeNullOrEmpty
    }

    It 'states the real required, position and pipeline input of every parameter' {
        foreach ($p in $helpParameters) {
            $sets = @($command.Parameters[$p.name].ParameterSets.Values)
            $required = @($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0
            $p.required | Should -Be $required.ToString().ToLowerInvariant() -Because "-$($p.name) required"
            $byValue = [bool]($sets | Where-Object ValueFromPipeline)
            $byName = [bool]($sets | Where-Object ValueFromPipelineByPropertyName)
            ($p.pipelineInput -like '*ByValue*') | Should -Be $byValue -Because "-$($p.name) by value"
            ($p.pipelineInput -like '*ByPropertyName*') | Should -Be $byName -Because "-$($p.name) by property name"
            $positions = @($sets | Where-Object { $_.Position -ge 0 } | ForEach-Object Position)
            if ($positions.Count -gt 0) { $p.position | Should -BeIn ($positions | ForEach-Object { "$_" }) } else { $p.position | Should -Be 'named' }
        }
    }

    It 'has one syntax entry per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'lists its outputs' {
        @($help.returnValues.returnValue).Count | Should -BeGreaterThan 0
    }

    It 'has related links' {
        @($help.relatedLinks.navigationLink).Count | Should -BeGreaterThan 0
    }
}

Describe 'About topic <Topic>' -ForEach $aboutTopics -AllowNullOrEmptyForEach {
    It 'is shown by Get-Help' {
        (Get-Help $Topic | Out-String) | Should -Match 'LONG DESCRIPTION'
    }

    It 'has its short description on line 5, where Get-Help lists it from' {
        $file = Join-Path (Get-Module DolphinScheduler).ModuleBase "en-US/$Topic.help.txt"
        (Get-Content $file)[3] | Should -Be 'SHORT DESCRIPTION'
        (Get-Content $file)[4].Trim() | Should -Not -BeNullOrEmpty
    }
}

Describe 'docs/errors.md' {
    It 'lists every fixed error id the module creates' {
        $doc = Get-Content (Join-Path $repoRoot 'docs/errors.md') -Raw
        $ids = [System.Collections.Generic.HashSet[string]]::new()
        foreach ($file in Get-ChildItem (Join-Path $repoRoot 'src') -Recurse -Filter '*.cs' | Where-Object FullName -notmatch '[\\/](bin|obj)[\\/]') {
            $text = Get-Content $file.FullName -Raw
            # The files that make ids hold nothing else that starts with "Ds; elsewhere, the id argument of new ErrorRecord(...).
            $pattern = if ($file.Name -in 'DsApiException.cs', 'ErrorRecordFactory.cs') { '"(Ds[A-Za-z0-9]*)"' } else { 'new\s+ErrorRecord\s*\((?:[^;"]|"(?:[^"\\]|\\.)*")*?,\s*"(Ds[A-Za-z0-9]*)"' }
            foreach ($m in [regex]::Matches($text, $pattern)) { $null = $ids.Add($m.Groups[1].Value) }
        }
        $ids.Count | Should -BeGreaterThan 5 -Because 'the scan must find the ids in ErrorRecordFactory.cs and DsApiException.cs'
        foreach ($id in $ids) { $doc | Should -Match "``$id" -Because "$id is created in src/ and must have a row in docs/errors.md" }
    }
}
