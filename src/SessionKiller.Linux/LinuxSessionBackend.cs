using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Linux.Logind;
using SessionKiller.Linux.Processes;
using SessionKiller.Linux.Terminals;
using SessionKiller.Linux.Utmp;

namespace SessionKiller.Linux;

/// <summary>
/// The Linux backend: the logins of this machine, from systemd-logind over D-Bus when the system bus
/// offers it and from utmp otherwise (and for logins logind does not know). A session's id is the pid of
/// its leader. Platform failures come back as <see cref="BackendFailure"/>, never as exceptions.
/// </summary>
public sealed class LinuxSessionBackend : ISessionBackend
{
    internal const string RemoteNotSupported = "Linux sessions are listed on this machine only.";

    internal const string NoRecords =
        "This machine records no logins: systemd-logind is not on the system bus and there is no /run/utmp.";

    internal const string DisconnectNotSupported =
        "A Linux login cannot be disconnected and resumed later: its terminal ends with its connection. Log off ends it; a message reaches its terminal.";

    internal const string QuestionNotSupported =
        "A Linux terminal cannot show a Yes/No question, so asking first is not possible here: send a message, then log off.";

    internal const string OwnSessionNotSupported =
        "This is the session sessionkiller runs in; without systemd-logind it does not end its own session (type exit or logout).";

    private readonly LinuxSystem _system;
    private readonly ProcessTable _processes;

    public LinuxSessionBackend()
        : this(LinuxSystem.Default)
    {
    }

    internal LinuxSessionBackend(LinuxSystem system)
    {
        _system = system;
        _processes = new ProcessTable(system.ProcRoot);
    }

    public async Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken)
    {
        if (!ServerNames.IsLocal(serverName))
        {
            return Unsupported(RemoteNotSupported);
        }

        var read = await ReadSessionsAsync(cancellationToken).ConfigureAwait(false);
        return read.IsSuccess
            ? BackendResult<IReadOnlyList<SessionInfo>>.Success(read.Value!.Sessions.Select(session => session.Info).ToList())
            : read.Failure!;
    }

    public async Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken)
    {
        var found = await FindAsync(serverName, sessionId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var (session, facts) = found.Value;
        if (session.IsFromLogind)
        {
            return await LogOffThroughLogindAsync(session, wait, cancellationToken).ConfigureAwait(false);
        }

        if (session.Info.IsCurrentSession)
        {
            return Unsupported(OwnSessionNotSupported);
        }

        // Signals and their waits always run to the end: a half-ended login is worse than a slow answer.
        var terminator = new SessionTerminator(_processes, new ProcessSignaller(_processes), _system.Timings, _system.Time);
        var ended = await terminator.EndAsync(session.LeaderProcessId, session.TerminalNumber, facts.OwnLineage, cancellationToken).ConfigureAwait(false);
        if (ended.IsSuccess)
        {
            CloseUtmpRecordIfLeftOpen(session);
        }

        return ended;
    }

    public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        Task.FromResult<BackendResult>(ServerNames.IsLocal(serverName)
            ? Unsupported(DisconnectNotSupported)
            : Unsupported(RemoteNotSupported));

    public async Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Buttons != MessageButtons.Ok)
        {
            return ServerNames.IsLocal(request.ServerName)
                ? Unsupported(QuestionNotSupported)
                : Unsupported(RemoteNotSupported);
        }

        var found = await FindAsync(request.ServerName, request.SessionId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var (session, facts) = found.Value;
        var device = TerminalDevice.DevicePath(session.Line, _system.DevRoot);
        if (device is null)
        {
            var where = session.Info.StationName.Length == 0 ? "no terminal" : $"no terminal device ({session.Info.StationName})";
            return Unsupported($"This login has {where}, so there is nowhere to write a message.");
        }

        var bytes = TerminalMessage.Format(
            _system.SenderName,
            _system.SenderHost,
            TerminalDevice.NameOf(facts.OwnTerminal),
            TimeZoneInfo.ConvertTime(_system.Time.GetUtcNow(), _system.Time.LocalTimeZone),
            request.Title,
            request.Text);
        var written = await Task.Run(() => TerminalWriter.Write(device, bytes), cancellationToken).ConfigureAwait(false);
        return written.IsSuccess ? BackendResult<MessageAnswer>.Success(MessageAnswer.NotWaited) : written.Failure!;
    }

    public async Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(serverName, sessionId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Failure!;
        }

        var (session, facts) = found.Value;
        var members = SessionProcesses.Members(facts.Processes, session.LeaderProcessId, session.TerminalNumber);
        return BackendResult<IReadOnlyList<SessionProcess>>.Success(members.Select(process => new SessionProcess(process.ProcessId, process.Name)).ToList());
    }

    /// <summary>Every login now: logind's, then those only utmp knows (sshd without PAM, for one).</summary>
    internal async Task<BackendResult<(IReadOnlyList<LinuxSession> Sessions, HostFacts Facts)>> ReadSessionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var facts = ReadFacts();
            var address = _system.SystemBusAddress();
            var logind = address is null ? null : await new LogindClient(address).TryListSessionsAsync(cancellationToken).ConfigureAwait(false);
            var utmp = UtmpFile.TryRead(_system.UtmpPath);
            if (logind is null && utmp is null)
            {
                return Unsupported(NoRecords);
            }

            var sessions = new List<LinuxSession>();
            foreach (var record in logind ?? [])
            {
                if (LogindSessions.ToSession(record.Id, record.Properties, facts) is { } session
                    && sessions.TrueForAll(known => known.LeaderProcessId != session.LeaderProcessId))
                {
                    sessions.Add(session);
                }
            }

            var leaders = sessions.Select(session => session.LeaderProcessId).ToHashSet();
            sessions.AddRange(UtmpSessions.Compose(utmp ?? [], facts).Where(session => !leaders.Contains(session.LeaderProcessId)));
            return BackendResult<(IReadOnlyList<LinuxSession>, HostFacts)>.Success((sessions, facts));
        }
        catch (UnauthorizedAccessException exception)
        {
            return BackendFailure.AccessDenied(13, $"Reading the login records was refused: {exception.Message}");
        }
        catch (IOException exception)
        {
            return BackendFailure.Failed(0, $"Reading the login records failed: {exception.Message}");
        }
    }

    private HostFacts ReadFacts()
    {
        var processes = _processes.Snapshot();
        var self = processes.GetValueOrDefault(Environment.ProcessId) ?? _processes.Read(Environment.ProcessId);
        return new HostFacts(
            _system.Time.GetUtcNow(),
            processes,
            ProcessTable.Lineage(processes, Environment.ProcessId),
            self?.TerminalNumber ?? 0,
            line => TerminalDevice.LastInput(line, _system.DevRoot),
            line => TerminalDevice.TerminalNumber(line, _system.SysRoot));
    }

    private async Task<BackendResult<(LinuxSession Session, HostFacts Facts)>> FindAsync(string serverName, int sessionId, CancellationToken cancellationToken)
    {
        if (!ServerNames.IsLocal(serverName))
        {
            return Unsupported(RemoteNotSupported);
        }

        var read = await ReadSessionsAsync(cancellationToken).ConfigureAwait(false);
        if (!read.IsSuccess)
        {
            return read.Failure!;
        }

        var (sessions, facts) = read.Value;
        var session = sessions.FirstOrDefault(candidate => candidate.LeaderProcessId == sessionId);
        return session is null
            ? BackendFailure.SessionGone(3, "No login has this session id (the pid of its leader) any more.")
            : BackendResult<(LinuxSession, HostFacts)>.Success((session, facts));
    }

    private async Task<BackendResult> LogOffThroughLogindAsync(LinuxSession session, bool wait, CancellationToken cancellationToken)
    {
        var address = _system.SystemBusAddress();
        if (address is null)
        {
            return BackendFailure.ServerUnavailable(0, "The system bus went away; systemd-logind cannot be asked.");
        }

        var leader = _processes.Read(session.LeaderProcessId);
        var terminated = await new LogindClient(address).TerminateSessionAsync(session.LogindId!, cancellationToken).ConfigureAwait(false);
        if (!terminated.IsSuccess || !wait || leader is null)
        {
            return terminated;
        }

        var deadline = _system.Time.GetUtcNow() + _system.LogindLogOffWait;
        while (_processes.IsRunning(leader))
        {
            if (_system.Time.GetUtcNow() >= deadline)
            {
                return BackendFailure.TimedOut(_system.LogindLogOffWait);
            }

            await Task.Delay(_system.Timings.PollInterval, _system.Time, cancellationToken).ConfigureAwait(false);
        }

        return BackendResult.Success;
    }

    /// <summary>No Windows error code here: the sentence says it all.</summary>
    private static BackendFailure Unsupported(string text) => BackendFailure.NotSupported(text, code: 0);

    /// <summary>
    /// A leader that had to be killed could not write its logout: the record would stay open and <c>who</c>
    /// would list a login that is gone. It is closed here, only if it still names this login.
    /// </summary>
    private void CloseUtmpRecordIfLeftOpen(LinuxSession session)
    {
        var records = UtmpFile.TryRead(_system.UtmpPath);
        var stillOpen = records?.Any(record => record.IsUserProcess && record.ProcessId == session.LeaderProcessId && record.Line == session.Line) ?? false;
        if (stillOpen && TerminalDevice.IsDeviceName(session.Line) && _system.UtmpPath == UtmpFile.DefaultPath)
        {
            UtmpFile.CloseRecord(session.Line);
        }
    }
}
