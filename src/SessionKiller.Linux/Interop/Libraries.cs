namespace SessionKiller.Linux.Interop;

internal static class Libraries
{
    /// <summary>glibc by its soname: the utmp layout read here is glibc's too.</summary>
    internal const string Libc = "libc.so.6";
}
