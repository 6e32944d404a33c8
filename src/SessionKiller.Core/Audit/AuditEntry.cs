using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Audit;

/// <summary>
/// One line of the audit log: an action about to be done (<paramref name="Outcome"/> null), or how it ended.
/// </summary>
/// <param name="Elevated">Whether the process that writes the line, and acted, runs elevated.</param>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Actor,
    SessionAction Action,
    SessionIdentity Target,
    OutcomeKind? Outcome,
    string Detail,
    bool Elevated)
{
    /// <summary>The id shared by every line of one bulk run; null for a single action.</summary>
    public string? BulkId { get; init; }

    public AuditPhase Phase => Outcome is null ? AuditPhase.AboutTo : AuditPhase.Outcome;
}

/// <summary>An action writes a line before it acts and one after: a crash between them still leaves a trace.</summary>
public enum AuditPhase
{
    AboutTo,
    Outcome,
}
