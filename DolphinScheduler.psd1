@{
    RootModule           = 'DolphinScheduler.psm1'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5b0f6a3e-9d2c-4f0e-8a47-2f6c1d9e7b31'
    Author               = 'DolphinScheduler PowerShell contributors'
    CompanyName          = 'DolphinScheduler PowerShell'
    Copyright            = '(c) DolphinScheduler PowerShell contributors. Apache License 2.0.'
    Description          = 'Drive Apache DolphinScheduler 3.2, 3.3 and 3.4 from PowerShell: security centre, projects, resources, workflows as code, schedules, runs and logs, as typed objects that pipe between commands.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('DolphinScheduler.Format.ps1xml')
    TypesToProcess       = @('DolphinScheduler.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-DsServer', 'Disconnect-DsServer', 'Get-DsConnection', 'Invoke-DsApi',
        'Save-DsConnection', 'Get-DsSavedConnection', 'Remove-DsSavedConnection',
        'Get-DsQueue', 'New-DsQueue', 'Set-DsQueue', 'Remove-DsQueue',
        'Get-DsTenant', 'New-DsTenant', 'Set-DsTenant', 'Remove-DsTenant',
        'Get-DsUser', 'New-DsUser', 'Set-DsUser', 'Remove-DsUser',
        'Get-DsToken', 'New-DsToken', 'Remove-DsToken',
        'Grant-DsProject', 'Revoke-DsProject',
        'Get-DsProject', 'New-DsProject', 'Set-DsProject', 'Remove-DsProject',
        'Start-DsWorkflow', 'Get-DsInstance', 'Invoke-DsInstance', 'Stop-DsInstance', 'Suspend-DsInstance', 'Resume-DsInstance', 'Restart-DsInstance',
        'Wait-DsInstance', 'Remove-DsInstance', 'Get-DsTaskInstance', 'Get-DsTaskLog', 'Save-DsTaskLog',
        'Send-DsResource', 'Get-DsResource', 'Receive-DsResource', 'Remove-DsResource', 'New-DsResourceDirectory',
        'New-DsTask', 'New-DsWorkflow', 'Get-DsWorkflow', 'Set-DsWorkflow', 'Remove-DsWorkflow', 'Publish-DsWorkflow', 'Unpublish-DsWorkflow',
        'Get-DsSchedule', 'New-DsSchedule', 'Set-DsSchedule', 'Remove-DsSchedule', 'Enable-DsSchedule', 'Disable-DsSchedule'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('DolphinScheduler', 'Scheduler', 'Workflow', 'REST', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/dolphinscheduler-powershell/DolphinScheduler.PowerShell'
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ReleaseNotes = 'See docs/release-notes.md.'
        }
    }
}
