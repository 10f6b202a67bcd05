param($Flavor, $BaseUri)

# The seed walkthrough (examples/seed-walkthrough.ps1), written once, runs unchanged against every flavour, in a fresh
# pwsh as a user would run it.
BeforeAll {
    $root = Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $PSScriptRoot))
    $script = Join-Path $root 'examples/seed-walkthrough.ps1'
    $modulePath = $env:DS_TEST_MODULE_PATH
}

Describe "Seed walkthrough [$Flavor]" {
    It 'runs unchanged, end to end, and exits 0' {
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script -BaseUri $BaseUri -ModulePath $modulePath 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'Seed walkthrough finished against DolphinScheduler'
        $output | Should -Match 'START_FAILURE_TASK_PROCESS'
        $output | Should -Match 'REPEAT_RUNNING'
    }
}
