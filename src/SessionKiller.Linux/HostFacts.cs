using SessionKiller.Linux.Processes;

namespace SessionKiller.Linux;

/// <summary>What composing sessions needs to know about this machine at one moment.</summary>
/// <param name="OwnLineage">This process and its ancestors.</param>
/// <param name="OwnTerminal">The tty_nr of this process's controlling terminal, 0 when it has none.</param>
/// <param name="BootTime">When the machine booted, by the wall clock; null when procfs does not say.</param>
/// <param name="ClockTicksPerSecond">The unit of <see cref="ProcessStat.StartTime"/>.</param>
/// <param name="OwnerOf">The real uid of a process (by pid), null when it cannot be read.</param>
/// <param name="UserIdOf">The uid of an account (by name), null when there is no such account.</param>
/// <param name="LastInput">When a terminal (by utmp line) last saw input, when known.</param>
/// <param name="TerminalNumber">The tty_nr of a terminal (by utmp line), 0 when it is no device.</param>
internal sealed record HostFacts(
    DateTimeOffset Now,
    IReadOnlyDictionary<int, ProcessStat> Processes,
    IReadOnlySet<int> OwnLineage,
    int OwnTerminal,
    DateTimeOffset? BootTime,
    long ClockTicksPerSecond,
    Func<int, uint?> OwnerOf,
    Func<string, uint?> UserIdOf,
    Func<string, DateTimeOffset?> LastInput,
    Func<string, int> TerminalNumber)
{
    public bool IsRunning(int processId) => Processes.TryGetValue(processId, out var process) && !process.HasEnded;

    /// <summary>When <paramref name="process"/> started, by the wall clock; null when the boot time is unknown.</summary>
    public DateTimeOffset? StartedAt(ProcessStat process) =>
        BootTime?.AddTicks((long)(process.StartTime * (ulong)TimeSpan.TicksPerSecond / (ulong)ClockTicksPerSecond));

    /// <summary>The caller's own login: its leader is one of our ancestors, or we run on its terminal.</summary>
    public bool IsOwnSession(int leaderProcessId, int terminalNumber) =>
        OwnLineage.Contains(leaderProcessId) || (terminalNumber != 0 && terminalNumber == OwnTerminal);

    public TimeSpan? IdleSince(DateTimeOffset? lastInput) =>
        lastInput is { } input ? (Now > input ? Now - input : TimeSpan.Zero) : null;
}
