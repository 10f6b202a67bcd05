# The benchmark scripts are not run by CI (they time things), but they must stay runnable by anyone:
# every script and module parses, every script documents itself for Get-Help and is listed in bench/README.md.

BeforeDiscovery {
    $benchFiles = @(Get-ChildItem (Join-Path $PSScriptRoot '../../../bench') -File | Where-Object Extension -in '.ps1', '.psm1' |
            ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } })
    $benchScripts = @($benchFiles | Where-Object { $_.Name -like '*.ps1' })
}

BeforeAll {
    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../../bench/README.md')
}

Describe 'bench/<Name> source' -ForEach $benchFiles {
    It 'parses without errors' {
        $tokens = $null; $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        @($errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
    }
}

Describe 'bench/<Name> script' -ForEach $benchScripts {
    It 'has a synopsis, a description and an example for Get-Help' {
        $help = Get-Help $Path -Full
        "$($help.Synopsis)".Trim() | Should -Not -BeNullOrEmpty
        "$($help.Synopsis)" | Should -Not -BeLike "*$Name*"   # Get-Help falls back to the file name when there is no help
        @($help.description).Count | Should -BeGreaterThan 0
        @($help.examples.example).Count | Should -BeGreaterThan 0
    }

    It 'is listed in bench/README.md' {
        $readme | Should -Match ([regex]::Escape($Name))
    }
}
