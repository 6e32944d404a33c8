using System.Net;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Linux.Utmp;

/// <summary>Turns utmp records into sessions, as <c>who</c> and <c>w</c> show them.</summary>
internal static class UtmpSessions
{
    /// <summary>
    /// One session per USER_PROCESS record whose leader still runs. Records left open by a leader that
    /// died without closing them are stale: <c>who</c> hides them too.
    /// </summary>
    public static IReadOnlyList<LinuxSession> Compose(IEnumerable<UtmpRecord> records, HostFacts facts)
    {
        var sessions = new List<LinuxSession>();
        var seen = new HashSet<int>();
        foreach (var record in records)
        {
            if (!record.IsUserProcess || record.User.Length == 0 || record.ProcessId <= 1
                || !facts.IsRunning(record.ProcessId) || !seen.Add(record.ProcessId))
            {
                continue;
            }

            sessions.Add(ToSession(record, facts));
        }

        return sessions;
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
