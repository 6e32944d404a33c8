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
            return ProcessStat.Parse(File.ReadAllText(Path.Combine(ProcRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat")));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

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
