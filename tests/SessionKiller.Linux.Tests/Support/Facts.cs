using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Terminals;

namespace SessionKiller.Linux.Tests.Support;

internal static class Facts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Facts over the given processes: pts numbers encoded as the kernel does, no terminal input unless given.</summary>
    public static HostFacts With(
        IEnumerable<ProcessStat> processes,
        IReadOnlySet<int>? ownLineage = null,
        int ownTerminal = 0,
        IReadOnlyDictionary<string, DateTimeOffset>? lastInput = null) =>
        new(
            Now,
            processes.ToDictionary(process => process.ProcessId),
            ownLineage ?? new HashSet<int> { 99_999 },
            ownTerminal,
            line => lastInput is not null && lastInput.TryGetValue(line, out var input) ? input : null,
            line => TerminalDevice.TerminalNumber(line, "/nonexistent-sys"));
}
