using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Actions;

/// <summary>Tells the handoff when the runner stops reading and starts acting.</summary>
internal sealed class ActingBackend(ISessionBackend backend, ForegroundHandoff handoff) : ISessionBackend
{
    public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken) =>
        backend.EnumerateSessionsAsync(serverName, cancellationToken);

    public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) =>
        backend.ListProcessesAsync(serverName, sessionId, cancellationToken);

    public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken)
    {
        handoff.Acting();
        return backend.LogOffAsync(serverName, sessionId, wait, cancellationToken);
    }

    public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken)
    {
        handoff.Acting();
        return backend.DisconnectAsync(serverName, sessionId, wait, cancellationToken);
    }

    public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        handoff.Acting();
        return backend.SendMessageAsync(request, cancellationToken);
    }
}
