using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Cli;

/// <summary>An action command as the command line gave it: the target still to resolve, and what to expect of it.</summary>
internal sealed record ActionInvocation(SessionAction Action, TargetSpec Target, string Server)
{
    /// <summary><c>--expect-user</c> split into domain and user; null when not given.</summary>
    public (string Domain, string User)? ExpectedUser { get; init; }

    /// <summary><c>--expect-logon</c>: absent, or present with a time (null for <c>unknown</c>).</summary>
    public (bool Given, DateTimeOffset? Time) ExpectedLogon { get; init; }

    public bool Confirmed { get; init; }

    public bool Wait { get; init; } = true;

    public string? MessageText { get; init; }

    public string? MessageTitle { get; init; }

    public TimeSpan? AskTimeout { get; init; }

    public TimeoutPolicy? OnNoAnswer { get; init; }

    /// <summary><c>--outcome-file</c>: where the plugin that started this helper reads how it ended.</summary>
    public string? OutcomeFile { get; init; }

    /// <summary>
    /// With <c>#ID</c> and the whole identity expected (what the plugin passes), nothing needs reading here:
    /// the runner's own fresh read checks it. Null when the target must be resolved first.
    /// </summary>
    public ActionRequest? RequestWithoutResolving() =>
        Target.SessionId is { } id && ExpectedUser is var (domain, user) && ExpectedLogon.Given
            ? RequestFor(new SessionIdentity(Server, id, domain, user, ExpectedLogon.Time))
            : null;

    /// <summary>The request for the one session the target resolved to; expectations replace what was read.</summary>
    public ActionRequest RequestFor(SessionInfo session)
    {
        var (domain, user) = ExpectedUser ?? (session.DomainName, session.UserName);
        var logon = ExpectedLogon.Given ? ExpectedLogon.Time : session.LogonTime;
        return RequestFor(new SessionIdentity(session.ServerName, session.SessionId, domain, user, logon));
    }

    private ActionRequest RequestFor(SessionIdentity identity) => new(Action, identity)
    {
        Confirmed = Confirmed,
        Wait = Wait,
        MessageText = MessageText,
        MessageTitle = MessageTitle,
        AskTimeout = AskTimeout,
        OnNoAnswer = OnNoAnswer,
    };
}
