namespace SessionKiller.Core.Audit;

/// <summary>Where one line per action goes.</summary>
public interface IAuditLog
{
    /// <returns>False when the line could not be written; an action is never held up or undone for that.</returns>
    bool TryAppend(AuditEntry entry);
}
