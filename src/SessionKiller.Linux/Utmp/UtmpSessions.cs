using System.Net;
using SessionKiller.Core.Sessions;
using SessionKiller.Linux.Processes;

namespace SessionKiller.Linux.Utmp;

/// <summary>Turns utmp records into sessions, as <c>who</c> and <c>w</c> show them.</summary>
internal static class UtmpSessions
{
    /// <summary>
    /// How much earlier than its record a leader may seem to have started: the boot time procfs gives is
    /// whole seconds, and the wall clock may have been adjusted since.
    /// </summary>
    internal static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(2);

    /// <summary>
    /// One session per USER_PROCESS record that is a login now (<see cref="IsLive"/>). Stale records are
    /// left out, as <c>who</c> leaves out records whose process has gone: they are never listed, so never signalled.
    /// </summary>
    public static IReadOnlyList<LinuxSession> Compose(IEnumerable<UtmpRecord> records, HostFacts facts)
    {
        var sessions = new List<LinuxSession>();
        var seen = new HashSet<int>();
        foreach (var record in records)
        {
            if (!record.IsUserProcess || record.User.Length == 0 || record.ProcessId <= 1
                || !IsLive(record, facts) || !seen.Add(record.ProcessId))
            {
                continue;
            }

            sessions.Add(ToSession(record, facts));
        }

        return sessions;
    }

    /// <summary>
    /// Whether the process holding the record's pid is the login the record describes. A record stays open
    /// when its login program was killed (or forged by a member of group utmp), and its pid may since have
    /// gone to any process; so the holder must have started no later than the record was written and must
    /// belong to the record's user.
    /// </summary>
    internal static bool IsLive(UtmpRecord record, HostFacts facts)
    {
        if (!facts.Processes.TryGetValue(record.ProcessId, out var leader) || leader.HasEnded)
        {
            return false;
        }

        return facts.StartedAt(leader) is { } started && started <= record.Time + ClockSlack
            && facts.UserIdOf(record.User) is { } userId && BelongsTo(leader, userId, facts);
    }

    /// <summary>
    /// The leader runs as the user (a terminal emulator recording through utempter), or it is a login
    /// program running as root (sshd's monitor, login) that started a process of the user.
    /// </summary>
    private static bool BelongsTo(ProcessStat leader, uint userId, HostFacts facts)
    {
        var owner = facts.OwnerOf(leader.ProcessId);
        return owner == userId
            || (owner == 0 && SessionProcesses.Descendants(facts.Processes, leader).Any(process => facts.OwnerOf(process.ProcessId) == userId));
    }

    internal static LinuxSession ToSession(UtmpRecord record, HostFacts facts)
    {
        var terminal = facts.TerminalNumber(record.Line);
        var lastInput = facts.LastInput(record.Line);
        var info = new SessionInfo
        {
            ServerName = ServerNames.Local,
            SessionId = record.ProcessId,
            UserName = record.User,
            DomainName = "",
            State = SessionState.Active,
            StationName = record.Line,
            ClientName = IsLocalDisplay(record.Host) ? "" : record.Host,
            ClientAddress = AddressOf(record.Address, record.Host),
            LogonTime = record.Time,
            LastInputTime = lastInput,
            IdleTime = facts.IdleSince(lastInput),
            IsCurrentSession = facts.IsOwnSession(record.ProcessId, terminal),
            IsConsole = IsConsole(record.Line, record.Host),
        };
        return new LinuxSession(info, record.Line, terminal, LogindId: null);
    }

    /// <summary>The recorded address; else the host field when it is an address itself (sshd with UseDNS no).</summary>
    internal static string AddressOf(IPAddress? address, string host) =>
        address?.ToString() ?? (IPAddress.TryParse(host, out var parsed) ? parsed.ToString() : "");

    /// <summary>A login at the machine itself: a virtual console or the local display, with no remote host.</summary>
    internal static bool IsConsole(string line, string host)
    {
        var local = host.Length == 0 || IsLocalDisplay(host);
        var consoleLine = line == "console"
            || line.StartsWith(':')
            || (line.StartsWith("tty", StringComparison.Ordinal) && line.Length > 3 && line[3..].All(char.IsAsciiDigit));
        return local && consoleLine;
    }

    private static bool IsLocalDisplay(string host) => host.StartsWith(':');
}
