using System.Globalization;

namespace SessionKiller.Core.Sessions;

/// <summary>
/// What an action is bound to. Windows reuses session ids, so an action checks all of these against a
/// fresh read before it touches a session.
/// </summary>
public sealed record SessionIdentity(
    string ServerName,
    int SessionId,
    string DomainName,
    string UserName,
    DateTimeOffset? LogonTime)
{
    public string QualifiedUserName => DomainName.Length == 0 ? UserName : $"{DomainName}\\{UserName}";

    /// <summary>Compares this identity with what the server reports for the same id now.</summary>
    public IdentityCheck CheckAgainst(SessionInfo? current)
    {
        if (current is null || !ServerNames.AreSame(ServerName, current.ServerName) || current.SessionId != SessionId)
        {
            return IdentityCheck.Gone;
        }

        if (!string.Equals(UserName, current.UserName, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(DomainName, current.DomainName, StringComparison.OrdinalIgnoreCase))
        {
            return IdentityCheck.OtherUser;
        }

        // Exact to the tick: the same user signing out and back in gets a new logon time.
        return LogonTime?.UtcTicks == current.LogonTime?.UtcTicks ? IdentityCheck.Same : IdentityCheck.NewLogon;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{QualifiedUserName} (session {SessionId} on {ServerName})");
}

public enum IdentityCheck
{
    Same,
    Gone,
    OtherUser,
    NewLogon,
}
