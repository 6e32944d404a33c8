namespace SessionKiller.Core.Actions;

/// <summary>
/// Runs an action with administrator rights in another process (the CLI started through UAC), which
/// re-verifies the identity itself.
/// </summary>
public interface IElevation
{
    Task<ElevatedResult> RunElevatedAsync(ActionRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// What the elevated process reported: its outcome and, when it gave one, its own sentence. When nothing
/// ran elevated (UAC refused, no helper), the outcome is this process's own and it audits it.
/// </summary>
public sealed record ElevatedResult(OutcomeKind Kind, string? Detail = null)
{
    /// <summary>The helper ran and reported its outcome; it wrote the action's audit lines itself.</summary>
    public bool HelperReported { get; init; }

    /// <summary>Whether the helper could write its audit lines.</summary>
    public bool HelperAudited { get; init; } = true;

    /// <summary>Where the helper logged the action.</summary>
    public string? AuditLogPath { get; init; }
}
