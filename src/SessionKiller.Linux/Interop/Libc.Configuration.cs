using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

internal static partial class Libc
{
    /// <summary>Clock ticks per second: the unit of the times in /proc/PID/stat.</summary>
    internal const int _SC_CLK_TCK = 2;

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    internal static partial long sysconf(int name);
}
