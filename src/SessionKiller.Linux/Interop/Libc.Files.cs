using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

internal static partial class Libc
{
    internal const int O_WRONLY = 0x1;
    internal const int O_NOCTTY = 0x100;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_CLOEXEC = 0x80000;

    [LibraryImport(Libraries.Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeDescriptorHandle open(string pathname, int flags);

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    internal static unsafe partial nint write(SafeDescriptorHandle fd, byte* buf, nuint count);

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    internal static partial int isatty(SafeDescriptorHandle fd);
}
