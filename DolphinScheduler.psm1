# Root module: isolates the module's dependencies, then imports the cmdlets (see src/DolphinScheduler.Loader/README.md).
$dependencies = Join-Path $PSScriptRoot 'Dependencies'
if ($PSEdition -eq 'Core') {
    $null = [System.Reflection.Assembly]::LoadFrom((Join-Path $PSScriptRoot 'DolphinScheduler.Loader.dll'))
    [DolphinScheduler.Loader.DependencyLoader]::Initialize($dependencies)
}
else {
    $null = [System.Reflection.Assembly]::LoadFrom((Join-Path $PSScriptRoot 'DolphinScheduler.PowerShell.dll'))
    [DolphinScheduler.PowerShell.Loading.DesktopResolver]::Register($dependencies)
}

Import-Module (Join-Path $PSScriptRoot 'DolphinScheduler.PowerShell.dll')

$ExecutionContext.SessionState.Module.OnRemove = {
    [DolphinScheduler.PowerShell.Session.DsSessionState]::Reset()
    if ($PSEdition -eq 'Core') { [DolphinScheduler.Loader.DependencyLoader]::Cleanup() }
    else { [DolphinScheduler.PowerShell.Loading.DesktopResolver]::Unregister() }
}
