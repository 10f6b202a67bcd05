# Root module: isolates the module's dependencies, then imports the cmdlets (see src/DolphinScheduler.Loader/README.md).
# Import cost is budgeted (docs/performance.md): only .NET calls here. A cmdlet such as Join-Path would auto-load
# Microsoft.PowerShell.Management, which alone adds about 0.1 s to a fresh session.
$dependencies = [System.IO.Path]::Combine($PSScriptRoot, 'Dependencies')
if ($PSEdition -eq 'Core') {
    $null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'DolphinScheduler.Loader.dll'))
    [DolphinScheduler.Loader.DependencyLoader]::Initialize($dependencies)
}
else {
    $null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'DolphinScheduler.PowerShell.dll'))
    [DolphinScheduler.PowerShell.Loading.DesktopResolver]::Register($dependencies)
}

Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'DolphinScheduler.PowerShell.dll'))

$ExecutionContext.SessionState.Module.OnRemove = {
    [DolphinScheduler.PowerShell.Session.DsSessionState]::Reset()
    if ($PSEdition -eq 'Core') { [DolphinScheduler.Loader.DependencyLoader]::Cleanup() }
    else { [DolphinScheduler.PowerShell.Loading.DesktopResolver]::Unregister() }
}
