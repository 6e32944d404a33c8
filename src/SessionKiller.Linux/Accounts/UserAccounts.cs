using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Accounts;

/// <summary>This machine's accounts as the C library resolves them (local files or a directory service).</summary>
internal static class UserAccounts
{
    /// <returns>The uid of the account named <paramref name="name"/>, or null when there is no such account.</returns>
    public static unsafe uint? IdOf(string name)
    {
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        // The strings of the entry go into the buffer; ERANGE asks for a larger one.
        for (var size = 1024; size <= 1 << 20; size *= 4)
        {
            var buffer = new byte[size];
            Passwd entry;
            Passwd* found;
            int error;
            fixed (byte* bytes = buffer)
            {
                error = Libc.getpwnam_r(name, &entry, bytes, (nuint)buffer.Length, &found);
            }

            if (error == Errno.ERANGE)
            {
                continue;
            }

            return error == 0 && found != null ? entry.pw_uid : null;
        }

        return null;
    }
}
