using System;
using System.Management.Automation;

namespace DolphinScheduler.PowerShell.Errors
{
    /// <summary>
    /// Turns failures into ErrorRecords: id Ds&lt;code&gt; (PowerShell appends ",&lt;cmdlet type&gt;"), a category that fits,
    /// the failing input as target. Ids are listed in docs/errors.md.
    /// </summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord Create(Exception exception, object? target)
        {
            switch (exception)
            {
                case DsApiException ds:
                    var record = new ErrorRecord(ds, ds.ErrorId, ErrorCategoryMap.For(ds.Kind), target);
                    var action = RecommendedAction(ds);
                    if (action != null) record.ErrorDetails = new ErrorDetails(ds.Message) { RecommendedAction = action };
                    return record;
                case PSArgumentException arg:
                    return new ErrorRecord(arg, "DsInvalidArgument", ErrorCategory.InvalidArgument, target);
                case ArgumentException arg:
                    return new ErrorRecord(arg, "DsInvalidArgument", ErrorCategory.InvalidArgument, target);
                case System.IO.IOException io:
                    return new ErrorRecord(io, "DsFileError", ErrorCategory.WriteError, target);
                case UnauthorizedAccessException ua:
                    return new ErrorRecord(ua, "DsFileAccessDenied", ErrorCategory.PermissionDenied, target);
                case InvalidOperationException op:
                    return new ErrorRecord(op, "DsInvalidOperation", ErrorCategory.InvalidOperation, target);
                default:
                    return new ErrorRecord(exception, "DsUnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        public static ErrorRecord InvalidArgument(string parameterName, string reason, object? target) =>
            new(new PSArgumentException("Parameter -" + parameterName + ": " + reason, parameterName), "DsInvalidArgument", ErrorCategory.InvalidArgument, target);

        private static string? RecommendedAction(DsApiException ex) => ex.Kind switch
        {
            DsErrorKind.Authentication => "Run Connect-DsServer again with a valid token or credential.",
            DsErrorKind.Connection => "Check that the server is running and reachable, then retry.",
            DsErrorKind.Timeout => "Retry, or raise -TimeoutSec on Connect-DsServer.",
            DsErrorKind.PermissionDenied => "Ask an administrator for the permission (for projects: Grant-DsProject).",
            DsErrorKind.NotSupported => "Check -Uri and the server version (Get-DsConnection shows the version in use).",
            _ => null,
        };
    }

    internal static class ErrorCategoryMap
    {
        public static ErrorCategory For(DsErrorKind kind) => kind switch
        {
            DsErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            DsErrorKind.AlreadyExists => ErrorCategory.ResourceExists,
            DsErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            DsErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            DsErrorKind.InvalidState => ErrorCategory.InvalidOperation,
            DsErrorKind.Authentication => ErrorCategory.AuthenticationError,
            DsErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
            DsErrorKind.Server => ErrorCategory.InvalidResult,
            DsErrorKind.Connection => ErrorCategory.ConnectionError,
            DsErrorKind.Timeout => ErrorCategory.OperationTimeout,
            DsErrorKind.Protocol => ErrorCategory.InvalidResult,
            DsErrorKind.NotSupported => ErrorCategory.NotImplemented,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
