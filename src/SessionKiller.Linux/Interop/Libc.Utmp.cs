using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

internal static partial class Libc
{
    /// <summary>Marks the utmp record of <paramref name="ut_line"/> DEAD_PROCESS; 1 when one was found and written.</summary>
    [LibraryImport(Libraries.Libc, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int logout(string ut_line);

    /// <summary>Appends a record to wtmp; an empty name is a logout.</summary>
    [LibraryImport(Libraries.Libc, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void logwtmp(string ut_line, string ut_name, string ut_host);
}
