using System.Runtime.InteropServices;

namespace SessionKiller.Linux.Interop;

internal static partial class Libc
{
    internal const int SIGHUP = 1;
    internal const int SIGKILL = 9;
    internal const int SIGTERM = 15;

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    internal static partial int kill(int pid, int sig);

    /// <summary>glibc 2.36 and later; older ones lack the symbol (EntryPointNotFoundException).</summary>
    internal static SafeDescriptorHandle pidfd_open(int pid, uint flags) => SafeDescriptorHandle.FromDescriptor(pidfd_open_fd(pid, flags));

    internal static int pidfd_send_signal(SafeDescriptorHandle pidfd, int sig, IntPtr info, uint flags) =>
        pidfd.Use(descriptor => pidfd_send_signal(descriptor, sig, info, flags));

    [LibraryImport(Libraries.Libc, EntryPoint = "pidfd_open", SetLastError = true)]
    private static partial int pidfd_open_fd(int pid, uint flags);

    [LibraryImport(Libraries.Libc, SetLastError = true)]
    private static partial int pidfd_send_signal(int pidfd, int sig, IntPtr info, uint flags);
}
