namespace SessionKiller.Core.Actions;

/// <summary>
/// Runs an action with administrator rights in another process (the CLI started through UAC), which
/// re-verifies the identity itself.
/// </summary>
public interface IElevation
{
    Task<ElevatedResult> RunElevatedAsync(ActionRequest request, CancellationToken cancellationToken);
}

/// <summary>What the elevated process reported: its outcome and, when it gave one, its own sentence.</summary>
public sealed record ElevatedResult(OutcomeKind Kind, string? Detail = null);
