namespace SessionKiller.Wts.Interop;

internal static class Libraries
{
    internal const string WtsApi32 = "wtsapi32.dll";
    internal const string Kernel32 = "kernel32.dll";
}
