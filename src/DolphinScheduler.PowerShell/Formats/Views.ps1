# The default views of every type the module emits. build.ps1 turns this into DolphinScheduler.Format.ps1xml.
# A column is a property name, or @{ Label = ...; Expression = '<script>'; Width = n; Align = 'Right' }.
# Table: the concise default view. List: the details (Format-List).
# A state coloured through $PSStyle (PowerShell 7.2+, which strips the colours itself when the output is not a
# terminal or OutputRendering is PlainText); Windows PowerShell has no $PSStyle and shows the plain name.
$stateColumn = @{
    Label      = 'State'
    Expression = 'if ($PSStyle) { $c = switch -Regex ($_.State) { ''^(SUCCESS|FORCED_SUCCESS)$'' { $PSStyle.Foreground.Green } ''^(FAILURE|NEED_FAULT_TOLERANCE)$'' { $PSStyle.Foreground.Red } ''^(STOP|KILL|PAUSE|READY_PAUSE|READY_STOP)$'' { $PSStyle.Foreground.Yellow } ''^(RUNNING_EXECUTION|SUBMITTED_SUCCESS|DISPATCH|SERIAL_WAIT|DELAY_EXECUTION)$'' { $PSStyle.Foreground.Cyan } default { $null } }; if ($c) { $c + $_.State + $PSStyle.Reset } else { $_.State } } else { $_.State }'
}
# Times arrive in UTC (DS's default server zone); tables show them in local time.
$localStart = @{ Label = 'StartTime'; Expression = 'if ($_.StartTime) { $_.StartTime.ToLocalTime().ToString(''yyyy-MM-dd HH:mm:ss'') }' }

@(
    @{
        Type  = 'DolphinScheduler.DsConnection'
        Table = @('UserName', 'UserType', @{ Label = 'ServerVersion'; Expression = '$_.ServerVersion.ToString().Replace("V","").Replace("_",".")' }, 'AuthMethod', 'IsDefault', @{ Label = 'Uri'; Expression = '$_.Uri.AbsoluteUri' })
        List  = @('Uri', 'UserName', 'UserId', 'UserType', 'TenantCode', 'ServerVersion', 'AuthMethod', 'IsDefault', 'Name', 'ConnectedAt', 'TokenExpireTime')
    }
    @{
        Type  = 'DolphinScheduler.DsSavedConnection'
        Table = @('Name', @{ Label = 'Uri'; Expression = '$_.Uri.AbsoluteUri' }, 'ServerVersion', 'Protection', 'SavedAt')
        List  = @('Name', 'Uri', 'ServerVersion', 'SkipCertificateCheck', 'TimeoutSec', 'Protection', 'Path', 'SavedAt')
    }
    @{
        Type  = 'DolphinScheduler.DsQueue'
        Table = @('Id', 'Name', 'QueueValue', 'UpdateTime')
        List  = @('Id', 'Name', 'QueueValue', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsTenant'
        Table = @('Id', 'TenantCode', 'QueueName', 'Description')   # DS's tenant list has no queue value (TenantMapper.queryTenantPaging)
        List  = @('Id', 'TenantCode', 'Description', 'QueueId', 'QueueName', 'QueueValue', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsUser'
        Table = @('Id', 'UserName', 'UserType', 'TenantCode', 'Email', 'Enabled')
        List  = @('Id', 'UserName', 'UserType', 'Email', 'Phone', 'TenantId', 'TenantCode', 'Queue', 'Enabled', 'TimeZone', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsToken'
        Table = @('Id', 'UserName', 'ExpireTime', @{ Label = 'ExpiresIn'; Expression = 'if ($_.ExpireTime) { $left = $_.ExpireTime - [datetime]::UtcNow; if ($left.Ticks -le 0) { "expired" } elseif ($left.TotalDays -ge 1) { "{0:N0} d" -f [math]::Floor($left.TotalDays) } else { "{0:N0} h" -f [math]::Ceiling($left.TotalHours) } }'; Align = 'Right' }, @{ Label = 'Token'; Expression = '"********"' })
        List  = @('Id', 'UserId', 'UserName', 'ExpireTime', 'IsExpired', @{ Label = 'Token'; Expression = '"******** (SecureString)"' }, 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsProject'
        Table = @('Name', @{ Label = 'Code'; Expression = '$_.Code'; Align = 'Right' }, 'Owner', 'WorkflowCount', 'Description')
        List  = @('Name', 'Code', 'Id', 'Description', 'Owner', 'Permission', 'WorkflowCount', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsResource'
        Table = @('Path', @{ Label = 'Type'; Expression = 'if ($_.IsDirectory) { "dir" } else { "file" }'; Width = 4 }, @{ Label = 'Size'; Expression = 'if ($_.IsDirectory) { "" } else { $_.Size }'; Align = 'Right' }, 'UpdateTime')
        List  = @('Path', 'Name', 'FullName', 'IsDirectory', 'Size', 'UserName', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsTaskSpec'
        Table = @('Name', 'Type', @{ Label = 'DependsOn'; Expression = '$_.DependsOn -join ", "' }, @{ Label = 'Code'; Expression = 'if ($_.Code) { $_.Code } else { "" }'; Align = 'Right' }, @{ Label = 'Script'; Expression = 'if ($_.Script) { ($_.Script -split "`n")[0] } else { "" }' })
        List  = @('Name', 'Type', 'Script', @{ Label = 'TaskParameter'; Expression = '($_.TaskParameter.GetEnumerator() | ForEach-Object { "$($_.Key)=$(if ($null -eq $_.Value -or $_.Value -is [string] -or $_.Value -is [ValueType]) { $_.Value } else { ConvertTo-Json -InputObject $_.Value -Compress -Depth 8 })" }) -join "; "' }, @{ Label = 'DependsOn'; Expression = '$_.DependsOn -join ", "' }, @{ Label = 'Resource'; Expression = '$_.Resource -join ", "' }, 'Description', 'RetryTimes', 'RetryInterval', 'TimeoutMinutes', 'TimeoutStrategy', 'WorkerGroup', 'Priority', 'DelayMinutes', 'EnvironmentCode', 'Disabled', 'Code', 'Version')
    }
    @{
        Type  = 'DolphinScheduler.DsWorkflow'
        Table = @('Name', @{ Label = 'Code'; Expression = '$_.Code'; Align = 'Right' }, 'Version', 'ReleaseState', @{ Label = 'Tasks'; Expression = '$_.Tasks.Count'; Align = 'Right' }, 'ScheduleReleaseState', 'Description')
        List  = @('Name', 'Code', 'ProjectCode', 'ProjectName', 'Version', 'ReleaseState', 'Description', @{ Label = 'Tasks'; Expression = '($_.Tasks | ForEach-Object { if ($_.DependsOn.Count) { "$($_.Name) <- $($_.DependsOn -join ",")" } else { $_.Name } }) -join "; "' }, @{ Label = 'GlobalParameter'; Expression = '($_.GlobalParameter.GetEnumerator() | ForEach-Object { "$($_.Key)=$(if ($_.Value -is [System.Collections.IDictionary]) { ConvertTo-Json -InputObject $_.Value -Compress } else { $_.Value })" }) -join "; "' }, 'ExecutionType', 'TimeoutMinutes', 'ScheduleReleaseState', 'Owner', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsSchedule'
        Table = @(@{ Label = 'Id'; Expression = '$_.Id'; Align = 'Right' }, 'WorkflowName', 'Cron', 'TimeZone', 'ReleaseState', 'StartTime', 'EndTime')
        List  = @('Id', 'WorkflowName', 'WorkflowCode', 'ProjectCode', 'ProjectName', 'Cron', 'TimeZone', 'StartTime', 'EndTime', 'ReleaseState', 'FailureStrategy', 'WarningType', 'WarningGroupId', 'Priority', 'WorkerGroup', 'TenantCode', 'EnvironmentCode', 'Owner', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsInstance'
        Table = @(@{ Label = 'Id'; Expression = '$_.Id'; Align = 'Right' }, 'Name', $stateColumn, 'CommandType', $localStart, @{ Label = 'Duration'; Expression = 'if ($_.Duration) { $_.Duration.ToString() }' }, @{ Label = 'Runs'; Expression = '$_.RunTimes'; Align = 'Right' }, 'Host')
        List  = @('Id', 'Name', 'State', 'WorkflowName', 'WorkflowCode', 'WorkflowVersion', 'ProjectCode', 'CommandType', 'ScheduleTime', 'StartTime', 'EndTime', 'Duration', 'RestartTime', 'RunTimes', 'Host', 'ExecutorName', 'TenantCode', 'WorkerGroup', 'FailureStrategy', 'Priority', 'DryRun', 'IsSubWorkflow')
    }
    @{
        Type  = 'DolphinScheduler.DsTaskInstance'
        Table = @(@{ Label = 'Id'; Expression = '$_.Id'; Align = 'Right' }, 'Name', 'TaskType', $stateColumn, $localStart, @{ Label = 'Duration'; Expression = 'if ($_.Duration) { $_.Duration.ToString() }' }, @{ Label = 'Retries'; Expression = '$_.RetryTimes'; Align = 'Right' }, 'Host')
        List  = @('Id', 'Name', 'TaskType', 'TaskCode', 'State', 'InstanceId', 'InstanceName', 'WorkflowName', 'ProjectCode', 'SubmitTime', 'StartTime', 'EndTime', 'Duration', 'Host', 'RetryTimes', 'MaxRetryTimes', 'WorkerGroup', 'ExecutorName', 'LogPath', 'DryRun')
    }
)
