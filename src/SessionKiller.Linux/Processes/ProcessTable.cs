using System.Globalization;
using SessionKiller.Linux.Interop;

namespace SessionKiller.Linux.Processes;

/// <summary>The processes of this machine, read from procfs.</summary>
internal sealed class ProcessTable
{
    public ProcessTable(string procRoot = "/proc")
    {
        ProcRoot = procRoot;
    }

    public string ProcRoot { get; }

    /// <summary>Every process readable now, by pid. Processes that end while being read are left out.</summary>
    public IReadOnlyDictionary<int, ProcessStat> Snapshot()
    {
        var processes = new Dictionary<int, ProcessStat>();
        foreach (var directory in Directory.EnumerateDirectories(ProcRoot))
        {
            var name = Path.GetFileName(directory);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0]) || !int.TryParse(name, out var pid))
            {
                continue;
            }

            if (Read(pid) is { } stat)
            {
                processes[stat.ProcessId] = stat;
            }
        }

        return processes;
    }

    /// <returns>The process now holding <paramref name="pid"/>, or null when there is none.</returns>
    public ProcessStat? Read(int pid)
    {
        try
        {
            return ProcessStat.Parse(File.ReadAllText(Path.Combine(ProcRoot, pid.ToString(CultureInfo.InvariantCulture), "stat")));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The real uid of the process now holding <paramref name="pid"/> (the Uid line of its status), or null.</summary>
    public uint? OwnerOf(int pid)
    {
        try
        {
            var line = File.ReadLines(Path.Combine(ProcRoot, pid.ToString(CultureInfo.InvariantCulture), "status"))
                .FirstOrDefault(text => text.StartsWith("Uid:", StringComparison.Ordinal));
            var fields = line?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 1 } && uint.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// When this machine booted, by the wall clock (btime of /proc/stat): process start times count clock
    /// ticks from it. Null when procfs does not say.
    /// </summary>
    public DateTimeOffset? BootTime()
    {
        try
        {
            var line = File.ReadLines(Path.Combine(ProcRoot, "stat")).FirstOrDefault(text => text.StartsWith("btime ", StringComparison.Ordinal));
            return line is not null && long.TryParse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The unit of start times in /proc/PID/stat (USER_HZ, 100 on x86-64 and aarch64).</summary>
    public static long ClockTicksPerSecond { get; } = Libc.sysconf(Libc._SC_CLK_TCK) is > 0 and var ticks ? ticks : 100;

    /// <summary>Whether the process seen as <paramref name="seen"/> still runs (same pid, same start, not a zombie).</summary>
    public bool IsRunning(ProcessStat seen) =>
        Read(seen.ProcessId) is { } now && now.StartTime == seen.StartTime && !now.HasEnded;

    /// <summary>This process and its ancestors up to pid 1: never signalled, and how the caller's own session is found.</summary>
    public static IReadOnlySet<int> Lineage(IReadOnlyDictionary<int, ProcessStat> processes, int processId)
    {
        var lineage = new HashSet<int>();
        var current = processId;
        while (current > 0 && lineage.Add(current) && processes.TryGetValue(current, out var stat))
        {
            current = stat.ParentProcessId;
        }

        return lineage;
    }
}
