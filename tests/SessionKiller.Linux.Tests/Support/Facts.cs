using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Terminals;

namespace SessionKiller.Linux.Tests.Support;

internal static class Facts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A day before <see cref="Now"/>: processes of <see cref="ProcFixtures.Process"/> (start 1000 ticks) started 10 s later.</summary>
    public static readonly DateTimeOffset BootTime = Now.AddDays(-1);

    /// <summary>The uid every account and every process has unless a test says otherwise.</summary>
    public const uint UserId = 1000;

    /// <summary>
    /// Facts over the given processes: booted at <see cref="BootTime"/> with 100 ticks a second, pts numbers
    /// encoded as the kernel does, no terminal input unless given. Every account has uid
    /// <see cref="UserId"/> and every process runs as it, unless <paramref name="users"/> and
    /// <paramref name="owners"/> say otherwise (then an account or process not in them has none).
    /// </summary>
    public static HostFacts With(
        IEnumerable<ProcessStat> processes,
        IReadOnlySet<int>? ownLineage = null,
        int ownTerminal = 0,
        IReadOnlyDictionary<string, DateTimeOffset>? lastInput = null,
        IReadOnlyDictionary<string, uint>? users = null,
        IReadOnlyDictionary<int, uint>? owners = null,
        DateTimeOffset? bootTime = null) =>
        new(
            Now,
            processes.ToDictionary(process => process.ProcessId),
            ownLineage ?? new HashSet<int> { 99_999 },
            ownTerminal,
            bootTime ?? BootTime,
            100,
            pid => owners is null ? UserId : owners.TryGetValue(pid, out var owner) ? owner : null,
            name => users is null ? UserId : users.TryGetValue(name, out var id) ? id : null,
            line => lastInput is not null && lastInput.TryGetValue(line, out var input) ? input : null,
            line => TerminalDevice.TerminalNumber(line, "/nonexistent-sys"));
}
