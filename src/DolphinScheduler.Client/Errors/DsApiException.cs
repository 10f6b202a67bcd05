using System;

namespace DolphinScheduler
{
    /// <summary>
    /// A failed DolphinScheduler call: a non-zero <c>code</c> in the Result envelope, an HTTP 401/429/5xx, a network failure
    /// or a response that is not DS's JSON. Carries the request (method and path, never headers or query values).
    /// </summary>
    public class DsApiException : Exception
    {
        public DsApiException(string message, DsErrorKind kind, int? code = null, string? statusName = null, string? serverMessage = null,
            int? httpStatus = null, string? method = null, string? path = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            Code = code;
            StatusName = statusName;
            ServerMessage = serverMessage;
            HttpStatus = httpStatus;
            Method = method;
            RequestPath = path;
        }

        /// <summary>The DS status code (<c>code</c> of the envelope), or null when the failure happened before DS answered with one.</summary>
        public int? Code { get; }

        /// <summary>The DS status name, e.g. PROJECT_ALREADY_EXISTS; names joined with '|' where DS reuses a number.</summary>
        public string? StatusName { get; }

        /// <summary>The server's own <c>msg</c>.</summary>
        public string? ServerMessage { get; }

        public int? HttpStatus { get; }
        public string? Method { get; }
        public string? RequestPath { get; }
        public DsErrorKind Kind { get; }

        /// <summary>A stable identifier for scripts and error records: Ds&lt;code&gt;, or DsHttp&lt;status&gt;/DsConnectionFailed/... without a DS code.</summary>
        public string ErrorId => Code is int c ? "Ds" + c : Kind switch
        {
            DsErrorKind.Connection => "DsConnectionFailed",
            DsErrorKind.Timeout => "DsTimeout",
            DsErrorKind.Protocol => "DsProtocolError",
            _ when HttpStatus is int h => "DsHttp" + h,
            DsErrorKind.NotFound => "DsNotFound",
            DsErrorKind.NotSupported => "DsNotSupported",
            DsErrorKind.InvalidState => "DsInvalidState",
            DsErrorKind.InvalidArgument => "DsInvalidArgument",
            _ => "DsError",
        };
    }

    public sealed class DsNotFoundException : DsApiException
    {
        public DsNotFoundException(string message, int? code = null, string? statusName = null, string? serverMessage = null, int? httpStatus = null, string? method = null, string? path = null)
            : base(message, DsErrorKind.NotFound, code, statusName, serverMessage, httpStatus, method, path) { }
    }

    public sealed class DsAlreadyExistsException : DsApiException
    {
        public DsAlreadyExistsException(string message, int? code = null, string? statusName = null, string? serverMessage = null, int? httpStatus = null, string? method = null, string? path = null)
            : base(message, DsErrorKind.AlreadyExists, code, statusName, serverMessage, httpStatus, method, path) { }
    }

    public sealed class DsPermissionDeniedException : DsApiException
    {
        public DsPermissionDeniedException(string message, int? code = null, string? statusName = null, string? serverMessage = null, int? httpStatus = null, string? method = null, string? path = null)
            : base(message, DsErrorKind.PermissionDenied, code, statusName, serverMessage, httpStatus, method, path) { }
    }

    public sealed class DsAuthenticationException : DsApiException
    {
        public DsAuthenticationException(string message, int? code = null, string? statusName = null, string? serverMessage = null, int? httpStatus = null, string? method = null, string? path = null)
            : base(message, DsErrorKind.Authentication, code, statusName, serverMessage, httpStatus, method, path) { }
    }

    public sealed class DsRateLimitedException : DsApiException
    {
        public DsRateLimitedException(string message, TimeSpan? retryAfter, string? method = null, string? path = null)
            : base(message, DsErrorKind.RateLimited, null, null, null, 429, method, path) { RetryAfter = retryAfter; }

        /// <summary>The server's Retry-After, when it sent one.</summary>
        public TimeSpan? RetryAfter { get; }
    }

    /// <summary>Network failure, TLS failure, or a timeout: DS never answered.</summary>
    public sealed class DsConnectionException : DsApiException
    {
        public DsConnectionException(string message, DsErrorKind kind, string? method, string? path, Exception? inner, bool requestMayHaveBeenProcessed = false)
            : base(message, kind, null, null, null, null, method, path, inner) { RequestMayHaveBeenProcessed = requestMayHaveBeenProcessed; }

        /// <summary>The request was sent before the failure, so a change may have happened on the server.</summary>
        public bool RequestMayHaveBeenProcessed { get; }
    }
}
