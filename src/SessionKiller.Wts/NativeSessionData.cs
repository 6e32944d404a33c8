using SessionKiller.Core.Sessions;

namespace SessionKiller.Wts;

/// <summary>What WTSEnumerateSessions(Ex)W says about one session; level 0 leaves user and domain empty.</summary>
internal sealed record EnumeratedSession(int SessionId, SessionState State, string StationName, string UserName, string DomainName);

/// <summary>
/// What WTSQuerySessionInformationW says about one session, from WTSSessionInfoEx (level 1) or, where that
/// fails, WTSSessionInfo (which knows no lock state); times are the server's.
/// </summary>
internal sealed record SessionDetails(
    int SessionId,
    SessionState State,
    string StationName,
    string DomainName,
    string UserName,
    DateTimeOffset? LogonTime,
    DateTimeOffset? LastInputTime,
    DateTimeOffset? CurrentTime)
{
    /// <summary>When a client last connected: a new value means a reconnect, so perhaps another client.</summary>
    public DateTimeOffset? ConnectTime { get; init; }

    public LockState Lock { get; init; }

    /// <summary>Measured on the server's clock; unknown when the server reports no last input.</summary>
    public TimeSpan? IdleTime =>
        LastInputTime is { } lastInput && CurrentTime is { } now
            ? (now > lastInput ? now - lastInput : TimeSpan.Zero)
            : null;
}

/// <summary>Facts only this computer knows: which session this process runs in, which one owns the console.</summary>
internal sealed record LocalSessionFacts(int? CurrentSessionId, int? ConsoleSessionId);
