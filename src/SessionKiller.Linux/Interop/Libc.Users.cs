using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

internal static partial class Libc
{
    [LibraryImport(Libraries.Libc)]
    internal static partial uint geteuid();

    /// <summary>The account named <paramref name="name"/> through NSS (files, LDAP, sssd); returns an errno, 0 with a null result when there is none.</summary>
    [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int getpwnam_r(string name, Passwd* pwd, byte* buf, nuint buflen, Passwd** result);
}
