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
/// its leader. Blocking reads (/proc, utmp, terminals) run on the thread pool; platform failures come back
/// as <see cref="BackendFailure"/> (mapped by <see cref="LinuxErrors"/>), never as exceptions.
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

    private const string ReadingLogins = "Reading the login records";

    private readonly LinuxBackendOptions _options;
    private readonly ProcessTable _processes;

    public LinuxSessionBackend()
        : this(LinuxBackendOptions.Default)
    {
    }

    internal LinuxSessionBackend(LinuxBackendOptions options)
    {
        _options = options;
        _processes = new ProcessTable(options.ProcRoot);
    }

    public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken) =>
        RunOnThisMachineAsync<BackendResult<IReadOnlyList<SessionInfo>>>(
            serverName,
            async () =>
            {
                var read = await ReadSessionsAsync(cancellationToken).ConfigureAwait(false);
                return read.IsSuccess
                    ? BackendResult<IReadOnlyList<SessionInfo>>.Success(read.Value.Sessions.Select(session => session.Info).ToList())
                    : read.Failure!;
            },
            failure => failure,
            cancellationToken);

    public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        RunOnThisMachineAsync<BackendResult>(
            serverName,
            async () =>
            {
                var found = await FindAsync(sessionId, cancellationToken).ConfigureAwait(false);
                return found.IsSuccess ? await LogOffAsync(found.Value.Session, found.Value.Facts, wait, cancellationToken).ConfigureAwait(false) : found.Failure!;
            },
            failure => failure,
            cancellationToken);

    public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        RunOnThisMachineAsync<BackendResult>(serverName, () => Task.FromResult<BackendResult>(LinuxErrors.NotSupported(DisconnectNotSupported)), failure => failure, cancellationToken);

    public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunOnThisMachineAsync<BackendResult<MessageAnswer>>(
            request.ServerName,
            async () =>
            {
                if (request.Buttons != MessageButtons.Ok)
                {
                    return LinuxErrors.NotSupported(QuestionNotSupported);
                }

                var found = await FindAsync(request.SessionId, cancellationToken).ConfigureAwait(false);
                return found.IsSuccess ? WriteMessage(found.Value.Session, found.Value.Facts, request) : found.Failure!;
            },
            failure => failure,
            cancellationToken);
    }

    public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) =>
        RunOnThisMachineAsync<BackendResult<IReadOnlyList<SessionProcess>>>(
            serverName,
            async () =>
            {
                var found = await FindAsync(sessionId, cancellationToken).ConfigureAwait(false);
                if (!found.IsSuccess)
                {
                    return found.Failure!;
                }

                var (session, facts) = found.Value;
                var members = SessionProcesses.Members(facts.Processes, session.LeaderProcessId, session.TerminalNumber);
                return BackendResult<IReadOnlyList<SessionProcess>>.Success(members.Select(process => new SessionProcess(process.ProcessId, process.Name)).ToList());
            },
            failure => failure,
            cancellationToken);

    /// <summary>Every login now: logind's, then those only utmp knows (sshd without PAM, for one).</summary>
    internal async Task<BackendResult<(IReadOnlyList<LinuxSession> Sessions, HostFacts Facts)>> ReadSessionsAsync(CancellationToken cancellationToken)
    {
        var facts = ReadFacts();
        var address = _options.SystemBusAddress();
        var logind = address is null ? null : await new LogindClient(address).TryListSessionsAsync(cancellationToken).ConfigureAwait(false);
        var utmp = _options.UtmpLayout is { } layout ? UtmpFile.TryRead(_options.UtmpPath, layout) : null;
        if (logind is null && utmp is null)
        {
            return LinuxErrors.NotSupported(_options.UtmpLayout is null
                ? $"systemd-logind is not on the system bus, and utmp's layout on this architecture ({System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}) is not known here."
                : NoRecords);
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

    /// <summary>
    /// Runs <paramref name="action"/> for this machine, the only one this backend knows, on the thread pool
    /// (/proc, utmp and terminals are read with blocking calls). Failures of file and bus access become
    /// failures here, in one place.
    /// </summary>
    private static async Task<TResult> RunOnThisMachineAsync<TResult>(
        string serverName,
        Func<Task<TResult>> action,
        Func<BackendFailure, TResult> fail,
        CancellationToken cancellationToken)
    {
        if (!ServerNames.IsLocal(serverName))
        {
            return fail(LinuxErrors.NotSupported(RemoteNotSupported));
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await Task.Run(action, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (LinuxErrors.FromException(exception, ReadingLogins) is { } failure)
        {
            return fail(failure);
        }
    }

    private HostFacts ReadFacts()
    {
        var processes = _processes.Snapshot();
        var self = processes.GetValueOrDefault(Environment.ProcessId) ?? _processes.Read(Environment.ProcessId);

        // One account lookup per name and read: through NSS it may ask a directory server.
        var userIds = new Dictionary<string, uint?>(StringComparer.Ordinal);
        return new HostFacts(
            _options.Time.GetUtcNow(),
            processes,
            ProcessTable.Lineage(processes, Environment.ProcessId),
            self?.TerminalNumber ?? 0,
            _processes.BootTime(),
            ProcessTable.ClockTicksPerSecond,
            _processes.OwnerOf,
            name => userIds.TryGetValue(name, out var known) ? known : userIds[name] = _options.UserIdOf(name),
            line => TerminalDevice.LastInput(line, _options.DevRoot),
            line => TerminalDevice.TerminalNumber(line, _options.SysRoot));
    }

    private async Task<BackendResult<(LinuxSession Session, HostFacts Facts)>> FindAsync(int sessionId, CancellationToken cancellationToken)
    {
        var read = await ReadSessionsAsync(cancellationToken).ConfigureAwait(false);
        if (!read.IsSuccess)
        {
            return read.Failure!;
        }

        var (sessions, facts) = read.Value;
        var session = sessions.FirstOrDefault(candidate => candidate.LeaderProcessId == sessionId);
        return session is null
            ? new BackendFailure(FailureKind.SessionGone, 0, "No login has this session id (the pid of its leader) any more.")
            : BackendResult<(LinuxSession, HostFacts)>.Success((session, facts));
    }

    private async Task<BackendResult> LogOffAsync(LinuxSession session, HostFacts facts, bool wait, CancellationToken cancellationToken)
    {
        if (session.IsFromLogind)
        {
            return await LogOffThroughLogindAsync(session, wait, cancellationToken).ConfigureAwait(false);
        }

        if (session.Info.IsCurrentSession)
        {
            return LinuxErrors.NotSupported(OwnSessionNotSupported);
        }

        var leader = facts.Processes[session.LeaderProcessId];

        // Signals and their waits always run to the end: a half-ended login is worse than a slow answer.
        var terminator = new SessionTerminator(_processes, _options.Signaller(_processes), _options.Timings, _options.Time);
        var ended = await terminator.EndAsync(session.LeaderProcessId, session.TerminalNumber, facts.OwnLineage, CancellationToken.None).ConfigureAwait(false);

        // Whatever else is left, a leader that is gone has ended the login: its record must not outlive it.
        if (!_processes.IsRunning(leader))
        {
            CloseUtmpRecordIfLeftOpen(session);
        }

        return ended;
    }

    private async Task<BackendResult> LogOffThroughLogindAsync(LinuxSession session, bool wait, CancellationToken cancellationToken)
    {
        var address = _options.SystemBusAddress();
        if (address is null)
        {
            return new BackendFailure(FailureKind.ServerUnavailable, 0, "The system bus went away; systemd-logind cannot be asked.");
        }

        var leader = _processes.Read(session.LeaderProcessId);
        var terminated = await new LogindClient(address).TerminateSessionAsync(session.LogindId!, cancellationToken).ConfigureAwait(false);
        if (!terminated.IsSuccess || !wait || leader is null)
        {
            return terminated;
        }

        var deadline = _options.Time.GetUtcNow() + _options.LogindLogOffWait;
        while (_processes.IsRunning(leader))
        {
            if (_options.Time.GetUtcNow() >= deadline)
            {
                return LinuxErrors.TimedOut("systemd-logind was asked to end the session, but its leader did not end", _options.LogindLogOffWait);
            }

            await Task.Delay(_options.Timings.PollInterval, _options.Time, cancellationToken).ConfigureAwait(false);
        }

        return BackendResult.Success;
    }

    private BackendResult<MessageAnswer> WriteMessage(LinuxSession session, HostFacts facts, MessageRequest request)
    {
        var device = TerminalDevice.DevicePath(session.Line, _options.DevRoot);
        if (device is null)
        {
            var where = session.Info.StationName.Length == 0 ? "no terminal" : $"no terminal device ({session.Info.StationName})";
            return LinuxErrors.NotSupported($"This login has {where}, so there is nowhere to write a message.");
        }

        var bytes = TerminalMessage.Format(
            _options.SenderName,
            _options.SenderHost,
            TerminalDevice.NameOf(facts.OwnTerminal),
            TimeZoneInfo.ConvertTime(_options.Time.GetUtcNow(), _options.Time.LocalTimeZone),
            request.Title,
            request.Text);
        var written = TerminalWriter.Write(device, bytes);
        return written.IsSuccess ? BackendResult<MessageAnswer>.Success(MessageAnswer.NotWaited) : written.Failure!;
    }

    /// <summary>
    /// A leader that had to be killed could not write its logout: the record would stay open, <c>who</c>
    /// would list a login that is gone, and its pid could later pass to an unrelated process. It is closed
    /// here, only if it still names this login (same leader, line and logon time).
    /// </summary>
    private void CloseUtmpRecordIfLeftOpen(LinuxSession session)
    {
        if (_options.UtmpLayout is not { } layout || !TerminalDevice.IsDeviceName(session.Line))
        {
            return;
        }

        IReadOnlyList<UtmpRecord>? records;
        try
        {
            records = UtmpFile.TryRead(_options.UtmpPath, layout);
        }
        catch (Exception exception) when (LinuxErrors.FromException(exception, ReadingLogins) is not null)
        {
            // Tidying only: the log off's own outcome stands, and a record that cannot be read is not written.
            return;
        }

        var stillOpen = records?.Any(record => record.IsUserProcess && record.ProcessId == session.LeaderProcessId
            && record.Line == session.Line && record.Time == session.Info.LogonTime) ?? false;
        if (stillOpen)
        {
            _options.CloseUtmpRecord(_options.UtmpPath, session.Line);
        }
    }
}
