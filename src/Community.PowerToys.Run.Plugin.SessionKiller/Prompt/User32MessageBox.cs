using Community.PowerToys.Run.Plugin.SessionKiller.Interop;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Prompt;

/// <summary>MessageBoxW, owned by the foreground window when that window belongs to the calling thread.</summary>
internal sealed class User32MessageBox : IMessageBox
{
    public int Show(string text, string caption, uint flags)
    {
        var foreground = User32.GetForegroundWindow();
        var foregroundThread = foreground == 0 ? 0 : User32.GetWindowThreadProcessId(foreground, out _);
        var owner = ChooseOwner(foreground, foregroundThread, Kernel32.GetCurrentThreadId());
        return User32.MessageBoxW(owner, text, caption, flags);
    }

    /// <summary>
    /// PowerToys Run's window when the box is shown from its UI thread. A window of another thread is never
    /// the owner: the box disables its owner, and that call would wait on a thread that may be waiting on us.
    /// </summary>
    internal static nint ChooseOwner(nint foregroundWindow, uint foregroundThread, uint currentThread) =>
        foregroundWindow != 0 && foregroundThread == currentThread ? foregroundWindow : 0;
}
