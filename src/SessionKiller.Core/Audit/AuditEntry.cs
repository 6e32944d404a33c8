using SessionKiller.Core.Actions;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Audit;

/// <summary>One line of the audit log.</summary>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Actor,
    SessionAction Action,
    SessionIdentity Target,
    OutcomeKind Outcome,
    string Detail,
    bool Elevated)
{
    /// <summary>The id shared by every line of one bulk run; null for a single action.</summary>
    public string? BulkId { get; init; }
}
