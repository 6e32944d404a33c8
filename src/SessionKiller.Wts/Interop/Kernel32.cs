using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

internal static partial class Kernel32
{
    /// <summary>Returned by WTSGetActiveConsoleSessionId when no session is attached to the console.</summary>
    internal const uint NoConsoleSession = 0xFFFFFFFF;

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.Kernel32, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool ProcessIdToSessionId(uint dwProcessId, out uint pSessionId);

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.Kernel32)]
    internal static partial uint WTSGetActiveConsoleSessionId();
}
