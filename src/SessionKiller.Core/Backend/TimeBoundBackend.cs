using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Backend;

/// <summary>
/// Bounds every call to a backend by the per-server timeout, so a server that hangs costs a caller at
/// most that long. A question that waits for an answer gets its own timeout on top. A native call that
/// cannot be cancelled goes on in the background; the caller is told it timed out and moves on.
/// </summary>
public sealed class TimeBoundBackend : ISessionBackend
{
    private readonly ISessionBackend inner;
    private readonly TimeSpan timeout;
    private readonly TimeProvider time;

    public TimeBoundBackend(ISessionBackend inner, TimeSpan timeout, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        this.inner = inner;
        this.timeout = timeout;
        this.time = time ?? TimeProvider.System;
    }

    public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken) =>
        Bound(inner.EnumerateSessionsAsync(serverName, cancellationToken), timeout, BackendResult<IReadOnlyList<SessionInfo>>.Fail, cancellationToken);

    public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        Bound(inner.LogOffAsync(serverName, sessionId, wait, cancellationToken), timeout, failure => new BackendResult(failure), cancellationToken);

    public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        Bound(inner.DisconnectAsync(serverName, sessionId, wait, cancellationToken), timeout, failure => new BackendResult(failure), cancellationToken);

    public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allowed = request.Wait ? timeout + request.Timeout : timeout;
        return Bound(inner.SendMessageAsync(request, cancellationToken), allowed, BackendResult<MessageAnswer>.Fail, cancellationToken);
    }

    public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) =>
        Bound(inner.ListProcessesAsync(serverName, sessionId, cancellationToken), timeout, BackendResult<IReadOnlyList<SessionProcess>>.Fail, cancellationToken);

    private async Task<T> Bound<T>(Task<T> call, TimeSpan allowed, Func<BackendFailure, T> fail, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(allowed, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return fail(BackendFailure.TimedOut(allowed));
        }
    }
}
