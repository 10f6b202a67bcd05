using System.Security.Cryptography;
using System.Text;

namespace DolphinScheduler.Sandbox.Auth;

/// <summary>DS <c>EncryptionUtils.getMd5</c>: lowercase hex MD5 of the UTF-8 text (null counts as "").</summary>
public static class Md5
{
    public static string Hex(string? text)
        => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text ?? "")));
}
