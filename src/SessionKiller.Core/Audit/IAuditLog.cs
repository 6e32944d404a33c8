namespace SessionKiller.Core.Audit;

/// <summary>Where the lines of each action go: one before it acts, one after.</summary>
public interface IAuditLog
{
    /// <summary>Where the lines go, for people to find them.</summary>
    string Location { get; }

    /// <returns>Whether the line was written and, when not, why.</returns>
    AuditWrite TryAppend(AuditEntry entry);
}

/// <summary>The result of writing one audit line.</summary>
/// <param name="Problem">Why the line was not written; null when it was.</param>
public readonly record struct AuditWrite(string? Problem)
{
    public static AuditWrite Written => default;

    public bool IsWritten => Problem is null;

    public static AuditWrite Failed(string problem) => new(problem);

    /// <summary>For logs that only know whether they wrote.</summary>
    public static implicit operator AuditWrite(bool written) => written ? Written : Failed("the audit line could not be written");
}
