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
    bool Elevated);
