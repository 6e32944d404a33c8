using System.Runtime.InteropServices;
using SessionKiller.Core.Backend;
using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Terminals;

/// <summary>Writes to another login's terminal device, as <c>write</c> does.</summary>
internal static class TerminalWriter
{
    private static readonly TimeSpan BlockedFor = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Opens the device without making it this process's controlling terminal and without blocking (a
    /// terminal stopped with Ctrl+S must not hang the caller), checks it is a terminal, and writes all bytes.
    /// </summary>
    public static BackendResult Write(string devicePath, ReadOnlySpan<byte> bytes)
    {
        using var terminal = Libc.open(devicePath, Libc.O_WRONLY | Libc.O_NOCTTY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (terminal.IsInvalid)
        {
            return LinuxErrors.LastError($"Opening the terminal {devicePath}");
        }

        if (Libc.isatty(terminal) != 1)
        {
            return new BackendFailure(FailureKind.Failed, 0, $"{devicePath} is not a terminal; nothing was written.");
        }

        var blockedSince = (DateTime?)null;
        while (!bytes.IsEmpty)
        {
            var written = WriteOnce(terminal, bytes);
            if (written > 0)
            {
                bytes = bytes[(int)written..];
                blockedSince = null;
                continue;
            }

            var error = Marshal.GetLastPInvokeError();
            if (written < 0 && error == Errno.EAGAIN)
            {
                blockedSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - blockedSince > BlockedFor)
                {
                    return new BackendFailure(FailureKind.Failed, 0, $"The terminal {devicePath} takes no more output (stopped with Ctrl+S?); the message may be cut short.");
                }

                Thread.Sleep(20);
                continue;
            }

            return LinuxErrors.FromErrno(error, $"Writing to {devicePath}");
        }

        return BackendResult.Success;
    }

    private static unsafe nint WriteOnce(SafeDescriptorHandle terminal, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* pointer = bytes)
        {
            return Libc.write(terminal, pointer, (nuint)bytes.Length);
        }
    }
}
