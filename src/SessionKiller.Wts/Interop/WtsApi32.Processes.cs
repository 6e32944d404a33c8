using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

internal static partial class WtsApi32
{
    /// <summary>Fills <see cref="WTS_PROCESS_INFOW"/> for every session; free with WTSFreeMemory.</summary>
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, EntryPoint = "WTSEnumerateProcessesW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool WTSEnumerateProcessesW(SafeWtsServerHandle hServer, uint Reserved, uint Version, out IntPtr ppProcessInfo, out uint pCount);
}
