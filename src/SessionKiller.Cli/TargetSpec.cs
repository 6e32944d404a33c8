using SessionKiller.Core.HelperProtocol;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Cli;

/// <summary>
/// What a destructive command acts on: <c>#3</c>, <c>bob</c> or <c>CONTOSO\bob</c>. Exact only: a user
/// name matches whole and case-insensitively, never as a prefix or a guess.
/// </summary>
internal sealed record TargetSpec
{
    private TargetSpec(string text, int? sessionId, string domain, string user)
    {
        Text = text;
        SessionId = sessionId;
        Domain = domain;
        User = user;
    }

    /// <summary>As typed, for messages.</summary>
    public string Text { get; }

    public int? SessionId { get; }

    /// <summary>Empty when the target names no domain: then any domain matches.</summary>
    public string Domain { get; }

    public string User { get; }

    public static TargetSpec? TryParse(string text, out string? problem)
    {
        problem = CliValues.ProblemWithText("The target", text, CliValues.MaxLength);
        if (problem is not null)
        {
            return null;
        }

        if (CliSyntax.IsSessionIdForm(text))
        {
            if (CliSyntax.TryParseSessionId(text, out var id))
            {
                return new TargetSpec(text, id, "", "");
            }

            problem = $"The target '{text}' is not a session id; write it like #3.";
            return null;
        }

        if (CliSyntax.TryParseUser(text, out var domain, out var user))
        {
            return new TargetSpec(text, null, domain, user);
        }

        problem = $"The target '{text}' is not a user name; write bob, CONTOSO\\bob or #3.";
        return null;
    }

    public bool Matches(SessionInfo session) =>
        SessionId is { } id
            ? session.SessionId == id
            : session.HasUser
                && string.Equals(User, session.UserName, StringComparison.OrdinalIgnoreCase)
                && (Domain.Length == 0 || string.Equals(Domain, session.DomainName, StringComparison.OrdinalIgnoreCase));
}
