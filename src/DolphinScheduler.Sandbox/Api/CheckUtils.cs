using System.Globalization;
using System.Text.RegularExpressions;

namespace DolphinScheduler.Sandbox.Api;

/// <summary>DS input checks (<c>CheckUtils</c>, <c>RegexUtils</c>, <c>BaseServiceImpl</c>) with DS's limits.</summary>
public static partial class CheckUtils
{
    /// <summary>Constants.REGEX_USER_NAME.</summary>
    public static bool UserName(string? name) => !string.IsNullOrEmpty(name) && UserNameRegex().IsMatch(name);

    /// <summary>checkPasswordLength: 2..20 characters (USER_PASSWORD_MIN/MAX_LENGTH).</summary>
    public static bool PasswordLength(string password) => password.Length is >= 2 and <= 20;

    /// <summary>checkPassword: non-empty and of valid length.</summary>
    public static bool Password(string? password) => !string.IsNullOrEmpty(password) && PasswordLength(password);

    /// <summary>Hibernate's EmailValidator plus DS's "at least a second-level domain" rule.</summary>
    public static bool Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return false;
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
            return false;
        var local = email[..at];
        var domain = email[(at + 1)..];
        return local.Length <= 64 && EmailLocalRegex().IsMatch(local)
            && domain.Length <= 255 && domain.Split('.').All(l => EmailLabelRegex().IsMatch(l))
            && domain.Contains('.');
    }

    /// <summary>checkPhone: empty or exactly 11 characters.</summary>
    public static bool Phone(string? phone) => string.IsNullOrEmpty(phone) || phone.Length == 11;

    /// <summary>checkDescriptionLength: more than 255 code points is too long (DESCRIPTION_TOO_LONG_ERROR).</summary>
    public static bool DescriptionTooLong(string? description)
        => description is not null && description.EnumerateRunes().Count() > 255;

    /// <summary>RegexUtils.isValidLinuxUserName: <c>^[a-zA-Z0-9_].{0,30}</c> (Java '.' excludes line breaks).</summary>
    public static bool LinuxUserName(string code) => LinuxUserNameRegex().IsMatch(code);

    /// <summary>Java <c>ZoneId.of</c> acceptance: region ids (tzdb) and fixed offsets.</summary>
    public static bool TimeZone(string zone) => JavaZone.TryFind(zone, out _);

    [GeneratedRegex("^[a-zA-Z0-9._-]{3,39}$")]
    private static partial Regex UserNameRegex();

    [GeneratedRegex(@"^[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uFFFF-]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex EmailLocalRegex();

    [GeneratedRegex(@"^[a-z0-9\u0080-\uFFFF]([a-z0-9\u0080-\uFFFF-]*[a-z0-9\u0080-\uFFFF])?$", RegexOptions.IgnoreCase)]
    private static partial Regex EmailLabelRegex();

    [GeneratedRegex(@"^[a-zA-Z0-9_][^\n\r\u0085\u2028\u2029]{0,30}$")]
    private static partial Regex LinuxUserNameRegex();
}
