using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Backend;

/// <summary>
/// Bounds every call to a backend by the per-server timeout, so a server that hangs costs a caller at
/// most that long. A question that waits for an answer gets its own timeout on top. A native call that
/// cannot be cancelled goes on in the background; the caller is told it timed out and moves on, and an
/// action that ends late is announced through <see cref="ActionEndedLate"/>, since it may have taken effect.
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

    /// <summary>Called with the server's name when a sign-out, disconnect or message outlived its timeout and then ended.</summary>
    public Action<string>? ActionEndedLate { get; init; }

    public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken) =>
        Bound(inner.EnumerateSessionsAsync(serverName, cancellationToken), timeout, BackendResult<IReadOnlyList<SessionInfo>>.Fail, cancellationToken);

    public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        Bound(inner.LogOffAsync(serverName, sessionId, wait, cancellationToken), timeout, failure => new BackendResult(failure), cancellationToken, serverName);

    public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        Bound(inner.DisconnectAsync(serverName, sessionId, wait, cancellationToken), timeout, failure => new BackendResult(failure), cancellationToken, serverName);

    public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allowed = request.Wait ? timeout + request.Timeout : timeout;
        return Bound(inner.SendMessageAsync(request, cancellationToken), allowed, BackendResult<MessageAnswer>.Fail, cancellationToken, request.ServerName);
    }

    public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) =>
        Bound(inner.ListProcessesAsync(serverName, sessionId, cancellationToken), timeout, BackendResult<IReadOnlyList<SessionProcess>>.Fail, cancellationToken);

    /// <param name="actsOn">The server an action changes; null for reads, whose late end changes nothing.</param>
    private async Task<T> Bound<T>(Task<T> call, TimeSpan allowed, Func<BackendFailure, T> fail, CancellationToken cancellationToken, string? actsOn = null)
    {
        try
        {
            return await call.WaitAsync(allowed, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            if (actsOn is not null && ActionEndedLate is { } announce)
            {
                _ = call.ContinueWith(_ => announce(actsOn), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            return fail(BackendFailure.TimedOut(allowed));
        }
    }
}
