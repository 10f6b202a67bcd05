param($Flavor, $BaseUri)

# Runs after the other integration files of a flavour (the suite orders it last): every request the module sent
# during the run was a path of this flavour's contract with parameter names the contract declares.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
}

Describe "Contract [$Flavor]" {
    It 'the sandbox recorded no request outside the flavour''s contract' {
        $violations = @(Get-SandboxRecord -BaseUri $BaseUri -Kind violations)
        # The version probe deliberately asks for the other family's path once per connection.
        $unexpected = @($violations | Where-Object { -not ($_.kind -eq 'UnknownPath' -and $_.path -match '/(workflow|process)-definition/simple-list$') })
        ($unexpected | ForEach-Object { "$($_.kind) $($_.method) $($_.path) $($_.name)" }) -join "`n" | Should -BeNullOrEmpty
    }
}
