namespace SessionKiller.Core.Sessions;

/// <summary>One session on one server, as read at one moment.</summary>
public sealed record SessionInfo
{
    public required string ServerName { get; init; }
    public required int SessionId { get; init; }
    public string UserName { get; init; } = "";
    public string DomainName { get; init; } = "";
    public SessionState State { get; init; }
    public string StationName { get; init; } = "";
    public string ClientName { get; init; } = "";
    public string ClientAddress { get; init; } = "";
    public DateTimeOffset? LogonTime { get; init; }
    public DateTimeOffset? LastInputTime { get; init; }
    public TimeSpan? IdleTime { get; init; }
    public LockState Lock { get; init; }
    public bool IsCurrentSession { get; init; }
    public bool IsConsole { get; init; }

    /// <summary><c>DOMAIN\user</c>, or the bare user name when the domain is unknown.</summary>
    public string QualifiedUserName => DomainName.Length == 0 ? UserName : $"{DomainName}\\{UserName}";

    public bool HasUser => UserName.Length > 0;

    /// <summary>Session 0 (services), listeners, and sessions nobody is signed in to: never a target.</summary>
    public bool IsSystemSession => SessionId == 0 || State == SessionState.Listen || !HasUser;

    public SessionIdentity Identity => new(ServerName, SessionId, DomainName, UserName, LogonTime);
}
