namespace SessionKiller.Linux.Processes;

/// <summary>Which processes belong to a login. Pure: decided over a snapshot of the process table.</summary>
internal static class SessionProcesses
{
    /// <summary>
    /// The leader itself, every process in the leader's kernel session, every process whose controlling
    /// terminal is the login's terminal, and every descendant of the leader. Never pid 1, kernel threads,
    /// or processes that have already ended.
    /// </summary>
    public static IReadOnlyList<ProcessStat> Members(IReadOnlyDictionary<int, ProcessStat> processes, int leaderProcessId, int terminalNumber)
    {
        if (!processes.TryGetValue(leaderProcessId, out var leader) || leader.HasEnded)
        {
            return [];
        }

        var members = new List<ProcessStat>();
        foreach (var process in processes.Values)
        {
            if (process.ProcessId <= 1 || process.IsKernelThread || process.HasEnded)
            {
                continue;
            }

            if (process.ProcessId == leaderProcessId
                || process.SessionId == leaderProcessId
                || (terminalNumber != 0 && process.TerminalNumber == terminalNumber)
                || DescendsFrom(processes, process, leader))
            {
                members.Add(process);
            }
        }

        members.Sort((left, right) => left.ProcessId.CompareTo(right.ProcessId));
        return members;
    }

    /// <summary>
    /// The members still running in a later snapshot: the same processes (pid and start time), and what
    /// they started since. A process that merely took a freed pid, or a new login on the freed terminal,
    /// is not among them.
    /// </summary>
    public static IReadOnlyList<ProcessStat> Remaining(IReadOnlyDictionary<int, ProcessStat> processes, IReadOnlyCollection<ProcessStat> members)
    {
        var known = members.Select(member => (member.ProcessId, member.StartTime)).ToHashSet();
        var remaining = new List<ProcessStat>();
        foreach (var process in processes.Values)
        {
            if (process.ProcessId <= 1 || process.IsKernelThread || process.HasEnded)
            {
                continue;
            }

            if (known.Contains((process.ProcessId, process.StartTime)) || HasAncestorIn(processes, process, known))
            {
                remaining.Add(process);
            }
        }

        remaining.Sort((left, right) => left.ProcessId.CompareTo(right.ProcessId));
        return remaining;
    }

    /// <summary>The running processes started by <paramref name="leader"/>, directly or further down.</summary>
    public static IEnumerable<ProcessStat> Descendants(IReadOnlyDictionary<int, ProcessStat> processes, ProcessStat leader) =>
        processes.Values.Where(process => !process.HasEnded && DescendsFrom(processes, process, leader));

    private static bool DescendsFrom(IReadOnlyDictionary<int, ProcessStat> processes, ProcessStat process, ProcessStat ancestor)
    {
        var seen = new HashSet<int>();
        var current = process;
        while (current.ParentProcessId > 1 && seen.Add(current.ProcessId) && processes.TryGetValue(current.ParentProcessId, out var parent))
        {
            if (parent.ProcessId == ancestor.ProcessId && parent.StartTime == ancestor.StartTime)
            {
                return true;
            }

            current = parent;
        }

        return false;
    }

    private static bool HasAncestorIn(IReadOnlyDictionary<int, ProcessStat> processes, ProcessStat process, HashSet<(int, ulong)> known)
    {
        var seen = new HashSet<int>();
        var current = process;
        while (current.ParentProcessId > 1 && seen.Add(current.ProcessId) && processes.TryGetValue(current.ParentProcessId, out var parent))
        {
            // A child starts after its parent; a "parent" that started later is a reused pid, not an ancestor.
            if (parent.StartTime > current.StartTime)
            {
                return false;
            }

            if (known.Contains((parent.ProcessId, parent.StartTime)))
            {
                return true;
            }

            current = parent;
        }

        return false;
    }
}
