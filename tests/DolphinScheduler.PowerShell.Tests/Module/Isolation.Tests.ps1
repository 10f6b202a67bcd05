# Assembly isolation (src/DolphinScheduler.Loader/README.md): a module built against an older
# Microsoft.Extensions.DependencyInjection (tests/Fixtures/ConflictingModule) and this module work side by side in one
# session, whichever loads first. Each case runs in a fresh pwsh, as an admin host would.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    $root = Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $PSScriptRoot))
    $fixture = Join-Path $root 'tests/Fixtures/ConflictingModule/bin/Release/netstandard2.0/ConflictingModule.dll'
    $modulePath = if ($env:DS_TEST_MODULE_PATH) { $env:DS_TEST_MODULE_PATH } else { Join-Path $root 'out/DolphinScheduler' }
    $manifest = Join-Path $modulePath 'DolphinScheduler.psd1'

    function Invoke-FreshPwsh([string] $script) {
        $file = Join-Path ([IO.Path]::GetTempPath()) "ds-isolation-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value $script
        try { & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file 2>&1 | Out-String }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    # Connect-DsServer builds its HTTP pipeline with Microsoft.Extensions.DependencyInjection/Http 8 before it talks
    # to the (closed) port, so a clash shows as FileLoadException instead of the expected connection failure.
    $useDs = "try { Connect-DsServer -Uri http://127.0.0.1:9/dolphinscheduler -Token abc -ServerVersion 3.4 -TimeoutSec 2 -ErrorAction Stop } catch { 'DS:' + `$_.FullyQualifiedErrorId }"
    $useOther = "'OTHER:' + (Get-ConflictingService)"
}

Describe 'Assembly isolation' {
    It 'the fixture exists (built with the solution)' {
        Test-Path $fixture | Should -BeTrue
    }

    It 'works when the other module loaded its older dependency first' {
        $out = Invoke-FreshPwsh @"
Import-Module '$fixture'
$useOther
Import-Module '$manifest'
$useDs
$useOther
"@
        $out | Should -Match 'DS:DsConnectionFailed,'
        ([regex]::Matches($out, 'OTHER:hello 6\.0\.0\.0')).Count | Should -Be 2
        $out | Should -Not -Match 'FileLoadException|MissingMethodException'
    }

    It 'works when this module loaded first' {
        $out = Invoke-FreshPwsh @"
Import-Module '$manifest'
$useDs
Import-Module '$fixture'
$useOther
$useDs
"@
        ([regex]::Matches($out, 'DS:DsConnectionFailed,')).Count | Should -Be 2
        $out | Should -Match 'OTHER:hello 6\.0\.0\.0'
    }

    It 'keeps the core and Microsoft.Extensions in the private load context' {
        $out = Invoke-FreshPwsh @"
Import-Module '$manifest'
$useDs
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'DolphinScheduler.Client', 'Microsoft.Extensions.Http', 'DolphinScheduler.PowerShell' } |
    ForEach-Object { 'CTX:' + `$_.GetName().Name + '=' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"@
        $out | Should -Match 'CTX:DolphinScheduler.Client=DolphinScheduler'
        $out | Should -Match 'CTX:Microsoft.Extensions.Http=DolphinScheduler'
        $out | Should -Match 'CTX:DolphinScheduler.PowerShell=Default'
    }

    It 'the cmdlet assembly references no isolated dependency directly' {
        $dll = Join-Path $modulePath 'DolphinScheduler.PowerShell.dll'
        $bytes = [IO.File]::ReadAllBytes($dll)
        $reader = [System.Reflection.PortableExecutable.PEReader]::new([IO.MemoryStream]::new($bytes))
        try {
            $md = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($reader)
            $names = foreach ($h in $md.AssemblyReferences) { $md.GetString($md.GetAssemblyReference($h).Name) }
        }
        finally { $reader.Dispose() }
        $names | Should -Contain 'DolphinScheduler.Client'
        $names | Where-Object { $_ -like 'System.Text.Json*' -or $_ -like 'Microsoft.Extensions.*' } | Should -BeNullOrEmpty
    }

    It 'ships no System.Management.Automation.dll' {
        Get-ChildItem $modulePath -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }
}
