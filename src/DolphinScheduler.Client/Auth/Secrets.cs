using System;
using System.Runtime.InteropServices;
using System.Security;

namespace DolphinScheduler.Client.Auth
{
    /// <summary>SecureString helpers: secrets stay SecureString until the moment a header or form field is written.</summary>
    public static class Secrets
    {
        public static SecureString ToSecureString(string value)
        {
            var s = new SecureString();
            foreach (var c in value) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }

        public static string Reveal(SecureString value)
        {
            var ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(ptr) ?? string.Empty;
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
