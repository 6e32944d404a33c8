namespace SessionKiller.Linux.Interop;

/// <summary>The errno values this backend tells apart (asm-generic, the same on x86-64 and arm64).</summary>
internal static class Errno
{
    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int ESRCH = 3;
    internal const int EIO = 5;
    internal const int ENXIO = 6;
    internal const int EAGAIN = 11;
    internal const int EACCES = 13;
    internal const int ERANGE = 34;
    internal const int ENOSYS = 38;
    internal const int ETIMEDOUT = 110;
}
