using System.Runtime.InteropServices;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Interop;

internal static partial class Kernel32
{
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.Kernel32)]
    public static partial uint GetCurrentThreadId();
}
