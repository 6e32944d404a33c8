using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Actions;

/// <summary>
/// One action on one session, bound to the identity that was shown. Unset options fall back to the
/// settings the runner was given.
/// </summary>
public sealed record ActionRequest(SessionAction Action, SessionIdentity Target)
{
    /// <summary>For <see cref="SessionAction.SendMessage"/> the text; for ask first, a text that replaces the settings' one.</summary>
    public string? MessageText { get; init; }

    public string? MessageTitle { get; init; }

    public TimeSpan? AskTimeout { get; init; }

    public TimeoutPolicy? OnNoAnswer { get; init; }

    /// <summary>The caller already confirmed (the CLI's <c>--yes</c>, or an elevated helper started after a confirmation).</summary>
    public bool Confirmed { get; init; }

    /// <summary>Whether log off and disconnect wait for the session to end.</summary>
    public bool Wait { get; init; } = true;

    /// <summary>
    /// Set when the action is one of a bulk run: the audit line carries it, and your own session and the
    /// console are refused as well, since nobody confirms each session on its own.
    /// </summary>
    public string? BulkId { get; init; }
}
