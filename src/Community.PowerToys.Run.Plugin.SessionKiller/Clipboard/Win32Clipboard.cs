using Community.PowerToys.Run.Plugin.SessionKiller.Interop;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Clipboard;

/// <summary>Unicode text on the Windows clipboard, without WPF or WinForms.</summary>
internal sealed class Win32Clipboard : IClipboard
{
    private const int Attempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    public bool TrySetText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // Another program may have the clipboard open for a moment.
            if (User32.OpenClipboard(0))
            {
                try
                {
                    return User32.EmptyClipboard() && Put(text);
                }
                finally
                {
                    User32.CloseClipboard();
                }
            }

            Thread.Sleep(RetryDelay);
        }

        return false;
    }

    private static unsafe bool Put(string text)
    {
        var bytes = (nuint)((text.Length + 1) * sizeof(char));
        using var memory = Kernel32.GlobalAlloc(Kernel32.GMEM_MOVEABLE, bytes);
        if (memory.IsInvalid)
        {
            return false;
        }

        var target = Kernel32.GlobalLock(memory);
        if (target == 0)
        {
            return false;
        }

        try
        {
            fixed (char* source = text)
            {
                Buffer.MemoryCopy(source, (void*)target, (long)bytes, text.Length * sizeof(char));
            }

            ((char*)target)[text.Length] = '\0';
        }
        finally
        {
            Kernel32.GlobalUnlock(memory);
        }

        if (User32.SetClipboardData(User32.CF_UNICODETEXT, memory) == 0)
        {
            return false;
        }

        // The clipboard owns the memory now.
        memory.SetHandleAsInvalid();
        return true;
    }
}
