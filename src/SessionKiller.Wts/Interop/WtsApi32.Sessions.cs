using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

internal static partial class WtsApi32
{
    /// <summary>Level 1 fills <see cref="WTS_SESSION_INFO_1W"/>; free with WTSFreeMemoryExW(WTSTypeSessionInfoLevel1).</summary>
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, EntryPoint = "WTSEnumerateSessionsExW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool WTSEnumerateSessionsExW(SafeWtsServerHandle hServer, ref uint pLevel, uint Filter, out IntPtr ppSessionInfo, out uint pCount);

    /// <summary>Fills <see cref="WTS_SESSION_INFOW"/>; free with WTSFreeMemory.</summary>
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, EntryPoint = "WTSEnumerateSessionsW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool WTSEnumerateSessionsW(SafeWtsServerHandle hServer, uint Reserved, uint Version, out IntPtr ppSessionInfo, out uint pCount);
}
