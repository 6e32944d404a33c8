using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Wts;

/// <summary>Puts what the separate WTS calls said about one session together into one <see cref="SessionInfo"/>.</summary>
internal static class SessionComposer
{
    private const string ConsoleStationName = "Console";

    /// <param name="details">Null when neither WTSSessionInfoEx nor WTSSessionInfo could be read; the enumeration's values stand alone then.</param>
    /// <param name="local">Null for a remote server: "current" and "console" only mean something on this computer.</param>
    public static SessionInfo Compose(
        string serverName,
        EnumeratedSession listed,
        SessionDetails? details,
        string clientName,
        string clientAddress,
        LocalSessionFacts? local)
    {
        // Enumeration level 1 gives user and domain in full; WTSINFOW cuts them at 20 and 17 characters.
        var userName = FirstNonEmpty(listed.UserName, details?.UserName);
        var domainName = FirstNonEmpty(listed.DomainName, details?.DomainName);
        var stationName = FirstNonEmpty(listed.StationName, details?.StationName);
        return new SessionInfo
        {
            ServerName = serverName,
            SessionId = listed.SessionId,
            UserName = userName,
            DomainName = userName.Length == 0 ? "" : domainName,
            State = details?.State ?? listed.State,
            StationName = stationName,
            ClientName = clientName,
            ClientAddress = clientAddress,
            LogonTime = details?.LogonTime,
            LastInputTime = details?.LastInputTime,
            IdleTime = details?.IdleTime,
            Lock = details?.Lock ?? LockState.Unknown,
            IsCurrentSession = local?.CurrentSessionId == listed.SessionId,
            IsConsole = stationName.Equals(ConsoleStationName, StringComparison.OrdinalIgnoreCase)
                || local?.ConsoleSessionId == listed.SessionId,
        };
    }

    /// <summary>Whether a failed per-session query means the session ended while the server was being read.</summary>
    public static bool Vanished(BackendFailure? failure) => failure?.Kind == FailureKind.SessionGone;

    private static string FirstNonEmpty(string first, string? second) =>
        first.Length > 0 ? first : second ?? "";
}
