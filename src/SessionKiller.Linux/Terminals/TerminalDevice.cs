using System.Globalization;

namespace SessionKiller.Linux.Terminals;

/// <summary>
/// A login's terminal, named as utmp and logind name it (<c>pts/0</c>, <c>tty1</c>): where it lives
/// under /dev, its device number as /proc/PID/stat reports it, and when it last saw input.
/// </summary>
internal static class TerminalDevice
{
    /// <summary>Unix98 pseudo-terminal slaves: major 136, the minor is the pts number.</summary>
    internal const int UnixPtySlaveMajor = 136;

    /// <summary>
    /// A terminal name is a device under /dev: letters, digits and a single pts-style slash. Anything else
    /// (an X display such as <c>:0</c>, a name with <c>..</c>) is not opened or looked up.
    /// </summary>
    public static bool IsDeviceName(string line)
    {
        if (line.Length is 0 or > 31)
        {
            return false;
        }

        var parts = line.Split('/');
        return parts.Length <= 2 && parts.All(part => part.Length > 0 && part.All(IsNameCharacter) && !part.All(c => c == '.'));

        static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
    }

    public static string? DevicePath(string line, string devRoot = "/dev") =>
        IsDeviceName(line) ? Path.Combine(devRoot, line) : null;

    /// <summary>
    /// The <c>tty_nr</c> /proc/PID/stat shows for processes on this terminal, or 0 when it has none.
    /// pts numbers follow from the name; other terminals are looked up in /sys/class/tty.
    /// </summary>
    public static int TerminalNumber(string line, string sysRoot = "/sys")
    {
        if (!IsDeviceName(line))
        {
            return 0;
        }

        if (line.StartsWith("pts/", StringComparison.Ordinal))
        {
            return int.TryParse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var pts) && pts < (1 << 20)
                ? Encode(UnixPtySlaveMajor, pts)
                : 0;
        }

        try
        {
            var text = File.ReadAllText(Path.Combine(sysRoot, "class", "tty", line, "dev")).Trim();
            return TryParseDeviceNumber(text, out var major, out var minor) ? Encode(major, minor) : 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The kernel's <c>new_encode_dev</c>, which /proc/PID/stat uses for <c>tty_nr</c>.</summary>
    public static int Encode(int major, int minor) => (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);

    /// <summary>The inverse of <see cref="Encode"/>: pts numbers from a tty_nr, for naming the caller's own terminal.</summary>
    public static string? NameOf(int terminalNumber)
    {
        var major = (terminalNumber >> 8) & 0xfff;
        var minor = (terminalNumber & 0xff) | ((terminalNumber >> 12) & ~0xff);
        return terminalNumber != 0 && major == UnixPtySlaveMajor
            ? string.Create(CultureInfo.InvariantCulture, $"pts/{minor}")
            : null;
    }

    /// <summary>"major:minor", as /sys/class/tty/NAME/dev holds it.</summary>
    internal static bool TryParseDeviceNumber(string text, out int major, out int minor)
    {
        major = minor = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out major)
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }

    /// <summary>
    /// When the terminal was last read from, that is when its user last typed: <c>w</c> computes idle
    /// time from this same access time.
    /// </summary>
    public static DateTimeOffset? LastInput(string line, string devRoot = "/dev")
    {
        var path = DevicePath(line, devRoot);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return new DateTimeOffset(File.GetLastAccessTimeUtc(path), TimeSpan.Zero);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
