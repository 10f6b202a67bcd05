# The default views of every type the module emits. build.ps1 turns this into DolphinScheduler.Format.ps1xml.
# A column is a property name, or @{ Label = ...; Expression = '<script>'; Width = n; Align = 'Right' }.
# Table: the concise default view. List: the details (Format-List).
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
        Table = @('Id', 'TenantCode', 'QueueName', 'QueueValue', 'Description')
        List  = @('Id', 'TenantCode', 'Description', 'QueueId', 'QueueName', 'QueueValue', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsUser'
        Table = @('Id', 'UserName', 'UserType', 'TenantCode', 'Email', 'Enabled')
        List  = @('Id', 'UserName', 'UserType', 'Email', 'Phone', 'TenantId', 'TenantCode', 'Queue', 'Enabled', 'TimeZone', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsToken'
        Table = @('Id', 'UserName', 'ExpireTime', @{ Label = 'Token'; Expression = '"********"' })
        List  = @('Id', 'UserId', 'UserName', 'ExpireTime', 'IsExpired', @{ Label = 'Token'; Expression = '"******** (SecureString)"' }, 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsProject'
        Table = @('Name', @{ Label = 'Code'; Expression = '$_.Code'; Align = 'Right' }, 'Owner', 'WorkflowCount', 'Description')
        List  = @('Name', 'Code', 'Id', 'Description', 'Owner', 'Permission', 'WorkflowCount', 'CreateTime', 'UpdateTime')
    }
    @{
        Type  = 'DolphinScheduler.DsInstance'
        Table = @(@{ Label = 'Id'; Expression = '$_.Id'; Align = 'Right' }, 'Name', 'State', 'CommandType', 'StartTime', @{ Label = 'Duration'; Expression = 'if ($_.Duration) { $_.Duration.ToString() }' }, @{ Label = 'Runs'; Expression = '$_.RunTimes'; Align = 'Right' }, 'Host')
        List  = @('Id', 'Name', 'State', 'WorkflowName', 'WorkflowCode', 'WorkflowVersion', 'ProjectCode', 'CommandType', 'ScheduleTime', 'StartTime', 'EndTime', 'Duration', 'RestartTime', 'RunTimes', 'Host', 'ExecutorName', 'TenantCode', 'WorkerGroup', 'FailureStrategy', 'Priority', 'DryRun', 'IsSubWorkflow')
    }
    @{
        Type  = 'DolphinScheduler.DsTaskInstance'
        Table = @(@{ Label = 'Id'; Expression = '$_.Id'; Align = 'Right' }, 'Name', 'TaskType', 'State', 'StartTime', @{ Label = 'Duration'; Expression = 'if ($_.Duration) { $_.Duration.ToString() }' }, @{ Label = 'Retries'; Expression = '$_.RetryTimes'; Align = 'Right' }, 'Host')
        List  = @('Id', 'Name', 'TaskType', 'TaskCode', 'State', 'InstanceId', 'InstanceName', 'WorkflowName', 'ProjectCode', 'SubmitTime', 'StartTime', 'EndTime', 'Duration', 'Host', 'RetryTimes', 'MaxRetryTimes', 'WorkerGroup', 'ExecutorName', 'LogPath', 'DryRun')
    }
)
