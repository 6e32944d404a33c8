namespace Community.PowerToys.Run.Plugin.SessionKiller.Interop;

internal static class Libraries
{
    public const string User32 = "user32.dll";
    public const string Kernel32 = "kernel32.dll";
}
