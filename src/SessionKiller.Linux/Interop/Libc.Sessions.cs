using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

internal static partial class Libc
{
    [LibraryImport(Libraries.Libc)]
    internal static partial uint geteuid();
}
