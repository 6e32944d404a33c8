using System.Runtime.InteropServices;

namespace SessionKiller.Wts.Interop;

internal static partial class WtsApi32
{
    /// <summary>TitleLength and MessageLength are in bytes; Timeout is in seconds, 0 waits for ever.</summary>
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.WtsApi32, EntryPoint = "WTSSendMessageW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool WTSSendMessageW(
        SafeWtsServerHandle hServer,
        uint SessionId,
        string pTitle,
        uint TitleLength,
        string pMessage,
        uint MessageLength,
        uint Style,
        uint Timeout,
        out uint pResponse,
        [MarshalAs(UnmanagedType.Bool)] bool bWait);
}
