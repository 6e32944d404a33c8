using System.Globalization;

namespace SessionKiller.Linux.Processes;

/// <summary>
/// The fields of <c>/proc/PID/stat</c> this backend uses. (Pid, StartTime) names one process for good:
/// a reused pid has a later start time.
/// </summary>
internal sealed record ProcessStat(
    int ProcessId,
    string Name,
    char State,
    int ParentProcessId,
    int SessionId,
    int TerminalNumber,
    uint Flags,
    ulong StartTime)
{
    /// <summary>PF_KTHREAD: a kernel thread, never a session's process.</summary>
    internal const uint PF_KTHREAD = 0x00200000;

    /// <summary>Zombies and dead entries have ended; only their table entry is left.</summary>
    public bool HasEnded => State is 'Z' or 'X' or 'x';

    public bool IsKernelThread => (Flags & PF_KTHREAD) != 0 || ProcessId == 2 || ParentProcessId == 2;

    /// <summary>
    /// Parses one stat line. The name (field 2) may hold spaces and parentheses, so it runs from the
    /// first '(' to the last ')'; the numbered fields follow.
    /// </summary>
    /// <returns>The fields, or null when the line is not a stat line.</returns>
    public static ProcessStat? Parse(string line)
    {
        var open = line.IndexOf('(', StringComparison.Ordinal);
        var close = line.LastIndexOf(')');
        if (open <= 0 || close < open)
        {
            return null;
        }

        var rest = line[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // rest[0] is field 3 (state); starttime is field 22.
        const int FirstField = 3;
        if (rest.Length < 22 - FirstField + 1 || rest[0].Length != 1)
        {
            return null;
        }

        var culture = CultureInfo.InvariantCulture;
        if (!int.TryParse(line.AsSpan(0, open).Trim(), NumberStyles.None, culture, out var pid)
            || !int.TryParse(rest[4 - FirstField], NumberStyles.AllowLeadingSign, culture, out var parent)
            || !int.TryParse(rest[6 - FirstField], NumberStyles.AllowLeadingSign, culture, out var session)
            || !int.TryParse(rest[7 - FirstField], NumberStyles.AllowLeadingSign, culture, out var terminal)
            || !uint.TryParse(rest[9 - FirstField], NumberStyles.None, culture, out var flags)
            || !ulong.TryParse(rest[22 - FirstField], NumberStyles.None, culture, out var startTime))
        {
            return null;
        }

        return new ProcessStat(pid, line[(open + 1)..close], rest[0][0], parent, session, terminal, flags, startTime);
    }
}
