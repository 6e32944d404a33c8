using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Wts.Interop;

namespace SessionKiller.Wts;

/// <summary>
/// The Windows backend: Remote Desktop Services (wtsapi32) on this computer or on a named server.
/// Blocking native calls run on the thread pool; platform failures come back as <see cref="BackendFailure"/>.
/// </summary>
public sealed class WtsSessionBackend : ISessionBackend
{
    private const string NoWtsApi =
        "This Windows has no usable Remote Desktop Services API (wtsapi32.dll is missing or lacks a function).";

    private readonly bool _localLockFlagsInverted;
    private readonly ClientDetails _clientDetails;
    private readonly ClientMemory _clients = new();

    /// <summary>Every way into wtsapi32 and kernel32 goes through this type, so it pins where they load from.</summary>
    static WtsSessionBackend() => SystemLibraries.LoadOnlyFromSystem32(typeof(WtsSessionBackend).Assembly);

    public WtsSessionBackend()
        : this(ClientDetails.WhenConnected)
    {
    }

    public WtsSessionBackend(ClientDetails clientDetails)
        : this(LockFlagsAreInverted(Environment.OSVersion.Version), clientDetails)
    {
    }

    /// <param name="localLockFlagsInverted">Whether this computer reports LOCK and UNLOCK swapped (Windows 7 / Server 2008 R2).</param>
    /// <param name="clientDetails">Whether a read of the sessions also reads their clients.</param>
    internal WtsSessionBackend(bool localLockFlagsInverted, ClientDetails clientDetails = ClientDetails.WhenConnected)
    {
        _localLockFlagsInverted = localLockFlagsInverted;
        _clientDetails = clientDetails;
    }

    public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken) =>
        RunOnServerAsync<BackendResult<IReadOnlyList<SessionInfo>>>(serverName, server => Enumerate(server, cancellationToken), failure => failure, cancellationToken);

    public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        RunOnServerAsync<BackendResult>(serverName, server => server.LogOff(sessionId, wait), failure => failure, cancellationToken);

    public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        RunOnServerAsync<BackendResult>(serverName, server => server.Disconnect(sessionId, wait), failure => failure, cancellationToken);

    public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken) =>
        RunOnServerAsync<BackendResult<MessageAnswer>>(
            request.ServerName,
            server =>
            {
                var style = MessageStyle(request.Buttons);
                var answer = server.SendMessage(request.SessionId, request.Title, request.Text, style, TimeoutSeconds(request.Timeout), request.Wait);
                return answer.IsSuccess ? ToAnswer(answer.Value) : answer.Failure!;
            },
            failure => failure,
            cancellationToken);

    public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) =>
        RunOnServerAsync<BackendResult<IReadOnlyList<SessionProcess>>>(serverName, server => server.EnumerateProcesses(sessionId), failure => failure, cancellationToken);

    /// <summary>Windows 7 and Server 2008 R2 (version 6.1) report the lock flags of WTSINFOEX the wrong way round.</summary>
    internal static bool LockFlagsAreInverted(Version osVersion) => osVersion is { Major: 6, Minor: 1 };

    internal static uint MessageStyle(MessageButtons buttons) =>
        (buttons == MessageButtons.YesNo ? WtsApi32.MB_YESNO | WtsApi32.MB_ICONQUESTION : WtsApi32.MB_OK | WtsApi32.MB_ICONINFORMATION)
        | WtsApi32.MB_SETFOREGROUND | WtsApi32.MB_TOPMOST;

    /// <summary>Whole seconds, rounded up so a short timeout never becomes 0 (which waits for ever).</summary>
    internal static uint TimeoutSeconds(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero ? 0 : (uint)Math.Min(Math.Ceiling(timeout.TotalSeconds), int.MaxValue);

    internal static BackendResult<MessageAnswer> ToAnswer(int response) => response switch
    {
        WtsApi32.IDYES => BackendResult<MessageAnswer>.Success(MessageAnswer.Yes),
        WtsApi32.IDNO => BackendResult<MessageAnswer>.Success(MessageAnswer.No),
        WtsApi32.IDTIMEOUT => BackendResult<MessageAnswer>.Success(MessageAnswer.Timeout),
        WtsApi32.IDOK => BackendResult<MessageAnswer>.Success(MessageAnswer.Ok),
        WtsApi32.IDASYNC => BackendResult<MessageAnswer>.Success(MessageAnswer.NotWaited),
        _ => BackendFailure.Failed(0, $"The message box gave an answer this program does not know ({response})."),
    };

    /// <summary>
    /// One enumeration, then one call per session (WTSSessionInfoEx), and two more (client name and address)
    /// only for a session new or reconnected since this backend last read the server.
    /// </summary>
    private BackendResult<IReadOnlyList<SessionInfo>> Enumerate(WtsServer server, CancellationToken cancellationToken)
    {
        var listed = server.EnumerateSessions();
        if (!listed.IsSuccess)
        {
            return listed.Failure!;
        }

        var local = server.IsLocal ? WtsServer.ReadLocalFacts() : null;
        var lockFlagsInverted = server.IsLocal && _localLockFlagsInverted;
        var known = _clients.Of(server.Name);
        var seen = new Dictionary<int, KnownClient>();
        var sessions = new List<SessionInfo>(listed.Value!.Count);
        foreach (var session in listed.Value)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var details = ReadDetails(server, session.SessionId, lockFlagsInverted);
            if (SessionComposer.Vanished(details.Failure))
            {
                continue;
            }

            // The client is decoration: a session whose client cannot be read is still listed.
            var client = _clientDetails == ClientDetails.WhenConnected
                ? ReadClient(server, session.SessionId, details.Value, known, seen)
                : null;
            sessions.Add(SessionComposer.Compose(server.Name, session, details.Value, client?.Name ?? "", client?.Address ?? "", local));
        }

        if (_clientDetails == ClientDetails.WhenConnected)
        {
            _clients.Keep(server.Name, seen);
        }

        return BackendResult<IReadOnlyList<SessionInfo>>.Success(sessions);
    }

    /// <summary>WTSSessionInfoEx carries everything; WTSSessionInfo is asked only where it fails (Wine's own wtsapi32, servers before 2008 R2).</summary>
    private static BackendResult<SessionDetails?> ReadDetails(WtsServer server, int sessionId, bool lockFlagsInverted)
    {
        var extended = server.Query(sessionId, WTS_INFO_CLASS.WTSSessionInfoEx, (buffer, bytes) => SessionInfoReader.ReadWtsInfoEx(buffer, bytes, lockFlagsInverted));
        return extended.Value is not null || SessionComposer.Vanished(extended.Failure)
            ? extended
            : server.Query(sessionId, WTS_INFO_CLASS.WTSSessionInfo, SessionInfoReader.ReadWtsInfo);
    }

    /// <summary>The client remembered while the session's logon and connect times stay the same; otherwise read, and remembered when both reads succeed.</summary>
    private static KnownClient ReadClient(WtsServer server, int sessionId, SessionDetails? details, IReadOnlyDictionary<int, KnownClient> known, Dictionary<int, KnownClient> seen)
    {
        if (details is not null && known.TryGetValue(sessionId, out var kept) && kept.StillConnectedAs(details))
        {
            seen[sessionId] = kept;
            return kept;
        }

        var name = server.Query(sessionId, WTS_INFO_CLASS.WTSClientName, SessionInfoReader.ReadString);
        var address = server.Query(sessionId, WTS_INFO_CLASS.WTSClientAddress, SessionInfoReader.ReadClientAddress);
        var client = new KnownClient(details?.LogonTime, details?.ConnectTime, name.Value ?? "", address.Value ?? "");
        if (details is not null && name.IsSuccess && address.IsSuccess)
        {
            seen[sessionId] = client;
        }

        return client;
    }

    /// <summary>
    /// Opens the server and runs <paramref name="action"/> on the thread pool. The caller can stop waiting
    /// through the token (a hanging server keeps its thread until the native call returns); a missing
    /// wtsapi32 or function becomes NotSupported.
    /// </summary>
    private static async Task<TResult> RunOnServerAsync<TResult>(
        string serverName,
        Func<WtsServer, TResult> action,
        Func<BackendFailure, TResult> fail,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await Task.Run(
                    () =>
                    {
                        var opened = WtsServer.Open(serverName);
                        if (!opened.IsSuccess)
                        {
                            return fail(opened.Failure!);
                        }

                        using var server = opened.Value!;
                        return action(server);
                    },
                    cancellationToken)
                .WaitAsync(cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return fail(BackendFailure.NotSupported(NoWtsApi));
        }
    }
}
