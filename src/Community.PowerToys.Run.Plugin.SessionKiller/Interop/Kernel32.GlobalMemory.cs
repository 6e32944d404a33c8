using System.Runtime.InteropServices;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Interop;

internal static partial class Kernel32
{
    public const uint GMEM_MOVEABLE = 0x0002;

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.Kernel32, SetLastError = true)]
    public static partial SafeGlobalMemoryHandle GlobalAlloc(uint uFlags, nuint dwBytes);

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.Kernel32, SetLastError = true)]
    public static partial nint GlobalLock(SafeGlobalMemoryHandle hMem);

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.Kernel32, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool GlobalUnlock(SafeGlobalMemoryHandle hMem);

    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    [LibraryImport(Libraries.Kernel32, SetLastError = true)]
    public static partial nint GlobalFree(nint hMem);
}
