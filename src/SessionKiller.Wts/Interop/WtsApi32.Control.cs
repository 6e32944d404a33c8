using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

internal static partial class WtsApi32
{
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool WTSLogoffSession(SafeWtsServerHandle hServer, uint SessionId, [MarshalAs(UnmanagedType.Bool)] bool bWait);

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool WTSDisconnectSession(SafeWtsServerHandle hServer, uint SessionId, [MarshalAs(UnmanagedType.Bool)] bool bWait);
}
