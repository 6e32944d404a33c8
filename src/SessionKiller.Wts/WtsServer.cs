using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;
using SessionKiller.Wts.Interop;

namespace SessionKiller.Wts;

/// <summary>
/// One open server and the WTS calls made on it. Each method makes the native call, frees what it
/// returned in a finally, and reports a failure through <see cref="WtsErrors"/>.
/// </summary>
internal sealed class WtsServer : IDisposable
{
    private readonly SafeWtsServerHandle _handle;

    private WtsServer(string name, SafeWtsServerHandle handle, bool isLocal)
    {
        Name = name;
        _handle = handle;
        IsLocal = isLocal;
    }

    public string Name { get; }

    public bool IsLocal { get; }

    public static BackendResult<WtsServer> Open(string serverName)
    {
        if (ServerNames.IsLocal(serverName))
        {
            return BackendResult<WtsServer>.Success(new WtsServer(ServerNames.Local, SafeWtsServerHandle.CurrentServer(), isLocal: true));
        }

        var name = ServerNames.Normalize(serverName);
        var opened = NewerApi(() => OpenWith(WtsApi32.WTSOpenServerExW, name));
        return IsNotImplemented(opened.Failure) ? OpenWith(WtsApi32.WTSOpenServerW, name) : opened;
    }

    /// <summary>Level 1 (with user and domain) where the server offers it; the basic call where it does not.</summary>
    public BackendResult<IReadOnlyList<EnumeratedSession>> EnumerateSessions()
    {
        var listed = NewerApi(EnumerateSessionsLevel1);
        return IsNotImplemented(listed.Failure) ? EnumerateSessionsLevel0() : listed;
    }

    public BackendResult<T> Query<T>(int sessionId, WTS_INFO_CLASS infoClass, Func<IntPtr, uint, T> read)
    {
        if (!WtsApi32.WTSQuerySessionInformationW(_handle, (uint)sessionId, infoClass, out var buffer, out var bytes))
        {
            return WtsErrors.LastError();
        }

        try
        {
            return BackendResult<T>.Success(read(buffer, bytes));
        }
        finally
        {
            WtsApi32.WTSFreeMemory(buffer);
        }
    }

    public BackendResult LogOff(int sessionId, bool wait) =>
        WtsApi32.WTSLogoffSession(_handle, (uint)sessionId, wait) ? BackendResult.Success : WtsErrors.LastError();

    public BackendResult Disconnect(int sessionId, bool wait) =>
        WtsApi32.WTSDisconnectSession(_handle, (uint)sessionId, wait) ? BackendResult.Success : WtsErrors.LastError();

    /// <returns>The raw answer code (IDYES, IDTIMEOUT, ...).</returns>
    public BackendResult<int> SendMessage(int sessionId, string title, string text, uint style, uint timeoutSeconds, bool wait)
    {
        var sent = WtsApi32.WTSSendMessageW(
            _handle,
            (uint)sessionId,
            title,
            (uint)(title.Length * sizeof(char)),
            text,
            (uint)(text.Length * sizeof(char)),
            style,
            timeoutSeconds,
            out var response,
            wait);
        return sent ? BackendResult<int>.Success((int)response) : WtsErrors.LastError();
    }

    public BackendResult<IReadOnlyList<SessionProcess>> EnumerateProcesses(int sessionId)
    {
        if (!WtsApi32.WTSEnumerateProcessesW(_handle, 0, 1, out var buffer, out var count))
        {
            return WtsErrors.LastError();
        }

        try
        {
            return BackendResult<IReadOnlyList<SessionProcess>>.Success(SessionInfoReader.ReadProcesses(buffer, (int)count, sessionId));
        }
        finally
        {
            WtsApi32.WTSFreeMemory(buffer);
        }
    }

    /// <summary>This process's session and the console's, for marking sessions on this computer.</summary>
    public static LocalSessionFacts ReadLocalFacts()
    {
        int? current = Kernel32.ProcessIdToSessionId((uint)Environment.ProcessId, out var sessionId) ? (int)sessionId : null;
        var console = Kernel32.WTSGetActiveConsoleSessionId();
        return new LocalSessionFacts(current, console == Kernel32.NoConsoleSession ? null : (int)console);
    }

    public void Dispose() => _handle.Dispose();

    private static BackendResult<WtsServer> OpenWith(Func<string, SafeWtsServerHandle> open, string name)
    {
        var handle = open(name);
        if (handle.IsInvalid)
        {
            var failure = WtsErrors.LastError();
            handle.Dispose();
            return failure;
        }

        return BackendResult<WtsServer>.Success(new WtsServer(name, handle, isLocal: false));
    }

    /// <summary>
    /// Calls an Ex function that older systems lack or only stub out (Wine's return FALSE or 120); a missing
    /// entry point reads as "not implemented" too, so the caller can fall back to the older function.
    /// </summary>
    private static BackendResult<T> NewerApi<T>(Func<BackendResult<T>> call)
    {
        try
        {
            return call();
        }
        catch (EntryPointNotFoundException)
        {
            return WtsErrors.ToFailure(WtsErrors.ERROR_CALL_NOT_IMPLEMENTED);
        }
    }

    private static bool IsNotImplemented(BackendFailure? failure) =>
        failure is not null && WtsErrors.MeansNotImplemented(failure.Code);

    private BackendResult<IReadOnlyList<EnumeratedSession>> EnumerateSessionsLevel1()
    {
        uint level = 1;
        if (!WtsApi32.WTSEnumerateSessionsExW(_handle, ref level, 0, out var buffer, out var count))
        {
            return WtsErrors.LastError();
        }

        try
        {
            return BackendResult<IReadOnlyList<EnumeratedSession>>.Success(SessionInfoReader.ReadSessionInfo1(buffer, (int)count));
        }
        finally
        {
            WtsApi32.WTSFreeMemoryExW(WTS_TYPE_CLASS.WTSTypeSessionInfoLevel1, buffer, count);
        }
    }

    private BackendResult<IReadOnlyList<EnumeratedSession>> EnumerateSessionsLevel0()
    {
        if (!WtsApi32.WTSEnumerateSessionsW(_handle, 0, 1, out var buffer, out var count))
        {
            return WtsErrors.LastError();
        }

        try
        {
            return BackendResult<IReadOnlyList<EnumeratedSession>>.Success(SessionInfoReader.ReadSessionInfo(buffer, (int)count));
        }
        finally
        {
            WtsApi32.WTSFreeMemory(buffer);
        }
    }
}
