using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

internal static partial class Libc
{
    internal const int O_WRONLY = 0x1;
    internal const int O_NOCTTY = 0x100;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_CLOEXEC = 0x80000;

    internal static SafeDescriptorHandle open(string pathname, int flags) => SafeDescriptorHandle.FromDescriptor(open_fd(pathname, flags));

    internal static unsafe nint write(SafeDescriptorHandle fd, byte* buf, nuint count) => fd.Use(descriptor => write(descriptor, buf, count));

    internal static int isatty(SafeDescriptorHandle fd) => fd.Use(isatty);

    [LibraryImport(Libraries.Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open_fd(string pathname, int flags);

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buf, nuint count);

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    private static partial int isatty(int fd);
}
