using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Utmp;

/// <summary>The utmp file: who is logged in, as login programs (sshd, login) record it.</summary>
internal static class UtmpFile
{
    public const string DefaultPath = "/run/utmp";

    /// <returns>The records, or null when the file does not exist (a system that keeps no utmp).</returns>
    /// <exception cref="InvalidDataException">The file is not whole records of <paramref name="layout"/>.</exception>
    public static IReadOnlyList<UtmpRecord>? TryRead(string path, UtmpLayout layout)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return UtmpParser.Parse(bytes, layout);
    }

    /// <summary>
    /// Marks the login on <paramref name="line"/> ended in utmp and wtmp, as a login program does when its
    /// session ends. Used only when the session's leader is gone and the record was left open (a leader
    /// killed before it could write it). glibc writes only the standard files, so another
    /// <paramref name="path"/> is left alone. Needs write access to utmp (root).
    /// </summary>
    public static bool CloseRecord(string path, string line)
    {
        if (path != DefaultPath || Libc.logout(line) != 1)
        {
            return false;
        }

        Libc.logwtmp(line, "", "");
        return true;
    }
}
