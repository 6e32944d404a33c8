using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

internal static partial class WtsApi32
{
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, EntryPoint = "WTSOpenServerExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial SafeWtsServerHandle WTSOpenServerExW(string pServerName);

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, EntryPoint = "WTSOpenServerW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    internal static partial SafeWtsServerHandle WTSOpenServerW(string pServerName);

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, SetLastError = true)]
    internal static partial void WTSCloseServer(IntPtr hServer);
}
