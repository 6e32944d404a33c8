using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Backend;

/// <summary>
/// The port every platform backend implements. Implementations never throw for failures the
/// platform reports: they come back as a <see cref="BackendFailure"/>.
/// </summary>
public interface ISessionBackend
{
    Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken);

    Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken);

    Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken);

    Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken);

    Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken);
}
