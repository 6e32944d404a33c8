using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Actions;

/// <summary>Asks the person at the keyboard to confirm an action (a message box, a y/N on a terminal).</summary>
public interface IConfirmationPrompt
{
    /// <returns>True to go ahead.</returns>
    Task<bool> ConfirmAsync(Confirmation confirmation, CancellationToken cancellationToken);
}

/// <summary>What the prompt shows: a title, the text, and the facts behind it for hosts that lay them out themselves.</summary>
public sealed record Confirmation(
    SessionAction Action,
    SessionInfo Session,
    ConfirmationWarning Warning,
    IReadOnlyList<string> Applications,
    string Title,
    string Text)
{
    /// <summary>The session's processes could not be read: an empty <see cref="Applications"/> means "unknown", not "none".</summary>
    public bool ApplicationsUnknown { get; init; }

    /// <summary>
    /// For a bulk action, confirmed once: every session it covers (<see cref="Session"/> is the first), and
    /// <see cref="Applications"/> is what is open in any of them. Null for an action on one session.
    /// </summary>
    public IReadOnlyList<SessionInfo>? Group { get; init; }
}

public enum ConfirmationWarning
{
    None,
    OwnSession,
    Console,
}
