using SessionKiller.Core.Actions;

namespace SessionKiller.Core.HelperProtocol;

/// <summary>
/// What the elevated helper hands back to the plugin that started it: the exact outcome and its own
/// sentence, which an exit code cannot carry (several outcomes share a code).
/// </summary>
/// <param name="ProcessId">The helper's process id: the plugin reads only what the process it started wrote.</param>
public sealed record HelperOutcome(OutcomeKind Kind, string Sentence, int ProcessId)
{
    /// <summary>Whether the helper wrote its audit lines; it logs the action itself, the plugin does not.</summary>
    public bool Audited { get; init; } = true;

    /// <summary>Where the helper logged the action, for the plugin to show.</summary>
    public string? AuditLogPath { get; init; }
}
