using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Cli;

/// <summary>One server's read for a command that reads several at once.</summary>
internal static class ServerReads
{
    /// <summary>A backend should not throw, but one that does fails its server only, not the whole command.</summary>
    public static async Task<BackendResult<IReadOnlyList<SessionInfo>>> ReadAsync(ISessionBackend backend, string server, CancellationToken cancellationToken)
    {
        try
        {
            return await backend.EnumerateSessionsAsync(server, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return BackendFailure.Failed(0, exception.Message);
        }
    }
}
