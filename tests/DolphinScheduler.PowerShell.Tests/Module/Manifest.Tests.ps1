# The built manifest is valid and exact: explicit exports that match the cmdlet classes of the assembly, both
# editions, PowerShell 5.1, format and type files that load, and no copy of PowerShell's own assembly.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $moduleBase = (Get-Module DolphinScheduler).ModuleBase
    $data = Import-PowerShellDataFile (Join-Path $moduleBase 'DolphinScheduler.psd1')
    $formatFiles = @(@($data['FormatsToProcess']) | Where-Object { $_ } | ForEach-Object { @{ File = $_; Kind = 'Format' } })
    $typeFiles = @(@($data['TypesToProcess']) | Where-Object { $_ } | ForEach-Object { @{ File = $_; Kind = 'Type' } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $module = Get-Module DolphinScheduler
    $manifestPath = Join-Path $module.ModuleBase 'DolphinScheduler.psd1'
    $data = Import-PowerShellDataFile $manifestPath

    # Every cmdlet class in the assemblies at the module's root (the root psm1 imports the cmdlet assembly; the
    # isolated dependencies live in Dependencies/ and declare no cmdlets).
    $assemblies = Get-ChildItem $module.ModuleBase -Filter '*.dll' | Where-Object Name -ne 'DolphinScheduler.Loader.dll' |
        ForEach-Object { [System.Reflection.Assembly]::LoadFrom($_.FullName) }
    $cmdletClasses = @(foreach ($assembly in $assemblies) {
            foreach ($type in $assembly.GetTypes()) {
                if ($type.IsAbstract) { continue }
                $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
                if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
            }
        })
}

Describe 'Module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'has its root module in the module folder' {
        Join-Path $module.ModuleBase $data.RootModule | Should -Exist
    }

    It 'lists CmdletsToExport by name, without wildcards' {
        $data.ContainsKey('CmdletsToExport') | Should -BeTrue
        @($data.CmdletsToExport).Count | Should -BeGreaterThan 0
        foreach ($name in $data.CmdletsToExport) {
            [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($name) | Should -BeFalse -Because "'$name' must be a plain name"
        }
    }

    It 'exports exactly the cmdlet classes of the assembly' {
        $cmdletClasses.Count | Should -BeGreaterThan 0
        $missing = @($cmdletClasses | Where-Object { $data.CmdletsToExport -notcontains $_ })
        $extra = @($data.CmdletsToExport | Where-Object { $cmdletClasses -notcontains $_ })
        $missing | Should -BeNullOrEmpty -Because 'every cmdlet class must be listed in CmdletsToExport of DolphinScheduler.psd1'
        $extra | Should -BeNullOrEmpty -Because 'CmdletsToExport must not list cmdlets that have no class'
        @($cmdletClasses | Select-Object -Unique).Count | Should -Be $cmdletClasses.Count -Because 'two classes must not declare the same cmdlet'
    }

    It 'makes PowerShell export exactly those cmdlets' {
        $exported = @(Get-Command -Module DolphinScheduler -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be (@($data.CmdletsToExport) | Sort-Object)
    }

    It 'exports no functions, aliases or variables, explicitly' {
        foreach ($key in 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $data.ContainsKey($key) | Should -BeTrue -Because "a missing $key means '*'"
            @($data[$key]).Where({ $_ }) | Should -BeNullOrEmpty -Because "$key must be empty"
        }
    }

    It 'is compatible with Windows PowerShell (Desktop) and PowerShell 7 (Core)' {
        @($data.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
    }

    It 'requires PowerShell 5.1' {
        [version]$data.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'lists its format and type files' {
        @($data['FormatsToProcess']).Where({ $_ }).Count | Should -BeGreaterThan 0
        @($data['TypesToProcess']).Where({ $_ }).Count | Should -BeGreaterThan 0
    }

    It 'does not ship System.Management.Automation.dll' {
        Get-ChildItem $module.ModuleBase -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }
}

Describe '<Kind> file <File>' -ForEach ($formatFiles + $typeFiles) -AllowNullOrEmptyForEach {
    It 'exists in the module folder' {
        Join-Path $module.ModuleBase $File | Should -Exist
    }

    It 'loads without errors in a fresh runspace' {
        $path = Join-Path $module.ModuleBase $File
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand("Update-$($Kind)Data").AddParameter('AppendPath', $path).AddParameter('ErrorAction', 'Continue')
            $null = $ps.Invoke()
            @($ps.Streams.Error | ForEach-Object { $_.ToString() }) | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
    }
}
