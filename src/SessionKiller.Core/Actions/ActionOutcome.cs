using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Actions;

/// <summary>How an action ended, with one sentence a person understands.</summary>
public sealed record ActionOutcome(OutcomeKind Kind, SessionAction Action, SessionIdentity Target, string Sentence)
{
    public bool Succeeded => Kind == OutcomeKind.Done;

    /// <summary>The backend failure behind the outcome, when there was one.</summary>
    public BackendFailure? Failure { get; init; }

    /// <summary>For ask first and messages: what the user answered.</summary>
    public MessageAnswer? Answer { get; init; }

    /// <summary>The action ran in the elevated helper rather than in this process; the helper logged it.</summary>
    public bool Elevated { get; init; }

    /// <summary>False when the audit line could not be written; the sentence says so too.</summary>
    public bool Audited { get; init; } = true;

    /// <summary>Where the action was logged.</summary>
    public string? AuditLogPath { get; init; }
}
