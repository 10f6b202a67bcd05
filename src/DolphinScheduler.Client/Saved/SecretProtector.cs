using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace DolphinScheduler.Client.Saved
{
    /// <summary>
    /// Protects a token at rest: DPAPI for the current user on Windows (crypt32, no package needed); elsewhere there is
    /// no OS secret store reachable from netstandard2.0, so the token is stored as is in a file only the user can read.
    /// </summary>
    internal static class SecretProtector
    {
        public static bool UsesDpapi => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static string Description => UsesDpapi ? "DPAPI (current user)" : "file readable only by the current user (not encrypted)";

        public static byte[] Protect(byte[] plain) => UsesDpapi ? Dpapi(plain, protect: true) : plain;

        public static byte[] Unprotect(byte[] stored) => UsesDpapi ? Dpapi(stored, protect: false) : stored;

        private static byte[] Dpapi(byte[] input, bool protect)
        {
            var inBlob = new DataBlob { cbData = input.Length, pbData = Marshal.AllocHGlobal(input.Length) };
            var outBlob = new DataBlob();
            try
            {
                Marshal.Copy(input, 0, inBlob.pbData, input.Length);
                var ok = protect
                    ? CryptProtectData(ref inBlob, "DolphinScheduler", IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outBlob)
                    : CryptUnprotectData(ref inBlob, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outBlob);
                if (!ok) throw new Win32Exception(Marshal.GetLastWin32Error());
                var result = new byte[outBlob.cbData];
                Marshal.Copy(outBlob.pbData, result, 0, outBlob.cbData);
                return result;
            }
            finally
            {
                Marshal.FreeHGlobal(inBlob.pbData);
                if (outBlob.pbData != IntPtr.Zero) LocalFree(outBlob.pbData);
            }
        }

        private const int UiForbidden = 0x1;

        [StructLayout(LayoutKind.Sequential)]
        private struct DataBlob
        {
            public int cbData;
            public IntPtr pbData;
        }

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool CryptProtectData(ref DataBlob dataIn, string description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr handle);
    }
}
