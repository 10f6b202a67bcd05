# Resource centre cmdlets against the sandbox (run once per flavour by Invoke-PesterSuite.ps1).
param($Flavor, $BaseUri)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestHelpers/DsTestHelpers.psm1') -Force
    Import-DsTestModule
    $script:Connection = Connect-TestAdmin -BaseUri $BaseUri
    $script:Root = '/' + (New-TestName 'res')
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) (New-TestName 'dsres')
    $null = New-Item -ItemType Directory -Path $script:Work
    $script:Files = foreach ($name in 'a.bin', 'b.bin') {
        $bytes = [byte[]]::new(300KB + $name.Length)
        [Random]::new($name.GetHashCode()).NextBytes($bytes)
        $path = Join-Path $script:Work $name
        [IO.File]::WriteAllBytes($path, $bytes)
        Get-Item $path
    }
    function Get-Sha([string] $Path) { (Get-FileHash -Path $Path -Algorithm SHA256).Hash }
}

AfterAll {
    Remove-DsResource -Path $script:Root -Force -ErrorAction SilentlyContinue
    Remove-Item $script:Work -Recurse -Force -ErrorAction SilentlyContinue
    Disconnect-DsServer -ErrorAction SilentlyContinue
}

Describe "Resources on DS $Flavor" {
    It 'uploads files piped from Get-ChildItem into a folder it creates' {
        $uploaded = $script:Files | Send-DsResource -Destination "$script:Root/jobs"
        $uploaded | Should -HaveCount 2
        $uploaded[0].GetType().FullName | Should -Be 'DolphinScheduler.DsResource'
        $uploaded.Path | Should -Be @("$script:Root/jobs/a.bin", "$script:Root/jobs/b.bin")
        $uploaded.Name | Should -Be @('a.bin', 'b.bin')
        $uploaded[0].Size | Should -Be $script:Files[0].Length
        $uploaded[0].IsDirectory | Should -BeFalse
        $uploaded[0].FullName | Should -BeLike "*$script:Root/jobs/a.bin"
        $uploaded[0].Connection.Uri | Should -Be $script:Connection.Uri
    }

    It 'lists a folder, a single file, a wildcard and a whole tree' {
        (Get-DsResource -Path "$script:Root/jobs").Name | Sort-Object | Should -Be @('a.bin', 'b.bin')
        (Get-DsResource -Path "$script:Root/jobs/b.bin").Path | Should -Be "$script:Root/jobs/b.bin"
        (Get-DsResource -Path "$script:Root/jobs/a*").Name | Should -Be 'a.bin'
        $tree = Get-DsResource -Path $script:Root -Recurse
        $tree.Path | Should -Contain "$script:Root/jobs"
        $tree.Path | Should -Contain "$script:Root/jobs/a.bin"
        ($tree | Where-Object IsDirectory).Path | Should -Be "$script:Root/jobs"
        (Get-DsResource -Path $script:Root -Recurse -File) | Should -HaveCount 2
        (Get-DsResource -Path "$script:Root/jobs" -First 1) | Should -HaveCount 1
    }

    It 'accepts the server full name as well as the folder path' {
        $item = Get-DsResource -Path "$script:Root/jobs/a.bin"
        (Get-DsResource -Path $item.FullName).Path | Should -Be $item.Path
    }

    It 'downloads byte for byte, never leaving a partial file' {
        $out = Join-Path $script:Work 'out'
        $files = Get-DsResource -Path "$script:Root/jobs" | Receive-DsResource -Destination $out
        $files | Should -HaveCount 2
        $files[0] | Should -BeOfType ([IO.FileInfo])
        Get-Sha $files[0].FullName | Should -Be (Get-Sha $script:Files[0].FullName)
        Get-Sha $files[1].FullName | Should -Be (Get-Sha $script:Files[1].FullName)
        Get-ChildItem $out -Force | Where-Object Name -like '*.partial' | Should -BeNullOrEmpty
    }

    It 'downloads to an explicit file name and keeps an existing file without -Force' {
        $target = Join-Path $script:Work 'renamed.bin'
        (Receive-DsResource -Path "$script:Root/jobs/b.bin" -Destination $target).FullName | Should -Be $target
        Receive-DsResource -Path "$script:Root/jobs/a.bin" -Destination $target -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        Get-Sha $target | Should -Be (Get-Sha $script:Files[1].FullName)
        Receive-DsResource -Path "$script:Root/jobs/a.bin" -Destination $target -Force | Out-Null
        Get-Sha $target | Should -Be (Get-Sha $script:Files[0].FullName)
    }

    It 'refuses to overwrite an existing resource without -Force (Ds20005), and replaces it with -Force' {
        $script:Files[0] | Send-DsResource -Destination "$script:Root/jobs" -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds20005,*'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'

        $changed = Join-Path $script:Work 'changed'
        $null = New-Item -ItemType Directory -Path $changed
        $copy = Join-Path $changed 'a.bin'
        [IO.File]::WriteAllBytes($copy, [byte[]](1..200))
        $replaced = Send-DsResource -Path $copy -Destination "$script:Root/jobs" -Force
        $replaced.Size | Should -Be 200
        $back = Receive-DsResource -Path "$script:Root/jobs/a.bin" -Destination (Join-Path $script:Work 'check.bin')
        Get-Sha $back.FullName | Should -Be (Get-Sha $copy)
    }

    It 'reports unknown resources as Ds20004 and goes on with the other items' {
        $found = Get-DsResource -Path "$script:Root/missing.bin", "$script:Root/jobs/b.bin" -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds20004,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $found.Name | Should -Be 'b.bin'
    }

    It 'creates nested directories, and an existing one only with -Force' {
        $dir = New-DsResourceDirectory -Path "$script:Root/x/y/z"
        $dir.IsDirectory | Should -BeTrue
        $dir.Path | Should -Be "$script:Root/x/y/z"
        (Get-DsResource -Path "$script:Root/x/y").Path | Should -Be "$script:Root/x/y/z"
        New-DsResourceDirectory -Path "$script:Root/x/y/z" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Ds20005,*'
        (New-DsResourceDirectory -Path "$script:Root/x/y/z" -Force).Path | Should -Be "$script:Root/x/y/z"
    }

    It 'supports -WhatIf without changing anything' {
        Send-DsResource -Path $script:Files[0].FullName -Destination "$script:Root/whatif" -WhatIf
        Get-DsResource -Path "$script:Root/whatif" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Remove-DsResource -Path "$script:Root/jobs/b.bin" -WhatIf
        Get-DsResource -Path "$script:Root/jobs/b.bin" | Should -Not -BeNullOrEmpty
    }

    It 'removes files and directories with -Force' {
        Get-DsResource -Path "$script:Root/jobs/b.bin" | Remove-DsResource -Force
        Get-DsResource -Path "$script:Root/jobs/b.bin" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Remove-DsResource -Path "$script:Root/x" -Force
        @(Get-DsResource -Path $script:Root) | Where-Object Path -eq "$script:Root/x" | Should -BeNullOrEmpty
    }
}
