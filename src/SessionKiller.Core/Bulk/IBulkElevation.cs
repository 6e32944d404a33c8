using SessionKiller.Core.Actions;

namespace SessionKiller.Core.Bulk;

/// <summary>
/// Runs the sessions Windows refused (access denied) with administrator rights in one other process,
/// started once for the whole set, which re-verifies every identity itself.
/// </summary>
public interface IBulkElevation
{
    /// <returns>One result per request of <paramref name="denied"/>, in its order.</returns>
    Task<IReadOnlyList<ElevatedResult>> RunElevatedAsync(BulkRequest denied, CancellationToken cancellationToken);
}
