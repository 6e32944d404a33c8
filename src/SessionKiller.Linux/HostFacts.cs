using SessionKiller.Linux.Processes;

namespace SessionKiller.Linux;

/// <summary>What composing sessions needs to know about this machine at one moment.</summary>
/// <param name="OwnLineage">This process and its ancestors.</param>
/// <param name="OwnTerminal">The tty_nr of this process's controlling terminal, 0 when it has none.</param>
/// <param name="LastInput">When a terminal (by utmp line) last saw input, when known.</param>
/// <param name="TerminalNumber">The tty_nr of a terminal (by utmp line), 0 when it is no device.</param>
internal sealed record HostFacts(
    DateTimeOffset Now,
    IReadOnlyDictionary<int, ProcessStat> Processes,
    IReadOnlySet<int> OwnLineage,
    int OwnTerminal,
    Func<string, DateTimeOffset?> LastInput,
    Func<string, int> TerminalNumber)
{
    public bool IsRunning(int processId) => Processes.TryGetValue(processId, out var process) && !process.HasEnded;

    /// <summary>The caller's own login: its leader is one of our ancestors, or we run on its terminal.</summary>
    public bool IsOwnSession(int leaderProcessId, int terminalNumber) =>
        OwnLineage.Contains(leaderProcessId) || (terminalNumber != 0 && terminalNumber == OwnTerminal);

    public TimeSpan? IdleSince(DateTimeOffset? lastInput) =>
        lastInput is { } input ? (Now > input ? Now - input : TimeSpan.Zero) : null;
}
