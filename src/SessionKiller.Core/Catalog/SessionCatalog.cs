using SessionKiller.Core.Backend;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Catalog;

/// <summary>
/// Keeps a snapshot of every configured server's sessions, refreshed in the background. Readers take
/// <see cref="Current"/> and never wait; a server that fails or hangs keeps its last sessions, marked stale.
/// </summary>
public sealed class SessionCatalog : IDisposable
{
    private readonly ISessionBackend backend;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private readonly Dictionary<string, ServerState> states = new(ServerNames.Comparer);
    private readonly CancellationTokenSource disposal = new();
    private SessionKillerSettings settings = SessionKillerSettings.Default;
    private CatalogSnapshot current;
    private ITimer? timer;
    private bool disposed;

    public SessionCatalog(ISessionBackend backend, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(time);
        this.backend = backend;
        this.time = time;
        current = Rebuild(settings.EffectiveServers);
    }

    /// <summary>Raised after a server's snapshot changed (on a background thread).</summary>
    public event EventHandler? Updated;

    public CatalogSnapshot Current => Volatile.Read(ref current);

    /// <summary>
    /// Waits, at most <paramref name="limit"/>, until the server has been heard from once (read or failed).
    /// Lets a host's very first query show this computer's sessions, which arrive within milliseconds,
    /// without ever waiting on a slow server for long.
    /// </summary>
    /// <returns>True when the server has been heard from.</returns>
    public bool WaitForFirstRead(string serverName, TimeSpan limit)
    {
        Task heard;
        lock (gate)
        {
            if (disposed || !states.TryGetValue(ServerNames.Normalize(serverName), out var state))
            {
                return false;
            }

            heard = state.FirstHeard.Task;
        }

        return heard.IsCompleted || heard.Wait(limit);
    }

    /// <summary>Applies new settings: servers added are read, servers removed are dropped, the interval takes effect.</summary>
    public void Configure(SessionKillerSettings newSettings)
    {
        ArgumentNullException.ThrowIfNull(newSettings);
        bool started;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            settings = newSettings;
            Volatile.Write(ref current, Rebuild(newSettings.EffectiveServers));
            started = timer is not null;
            timer?.Change(newSettings.RefreshInterval, newSettings.RefreshInterval);
        }

        if (started)
        {
            _ = RefreshAsync(CancellationToken.None);
        }
    }

    /// <summary>Reads every server now in the background, then again every refresh interval.</summary>
    public void Start()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (timer is not null)
            {
                return;
            }

            // The first tick runs at once on a pool thread: the caller (PowerToys' Init) never waits on a server.
            timer = time.CreateTimer(_ => _ = RefreshAsync(CancellationToken.None), null, TimeSpan.Zero, settings.RefreshInterval);
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var servers = Current.Servers;
        var refreshes = new Task[servers.Count];
        for (var i = 0; i < servers.Count; i++)
        {
            refreshes[i] = ReadServerAsync(servers[i].ServerName, cancellationToken);
        }

        await Task.WhenAll(refreshes).ConfigureAwait(false);
        IndexCurrent();
    }

    /// <summary>
    /// Reads one server, waiting at most the per-server timeout. A read already under way is waited for
    /// first (a server that hangs is not asked twice), then the server is read again, so the result is
    /// never older than the request: after an action, the signed-out user is gone from the next snapshot.
    /// </summary>
    public async Task RefreshServerAsync(string serverName, CancellationToken cancellationToken = default)
    {
        await ReadServerAsync(serverName, cancellationToken).ConfigureAwait(false);
        IndexCurrent();
    }

    /// <summary>
    /// Builds the search index of the snapshot now current, once per refresh rather than once per server,
    /// so the first keystroke after a refresh does not pay for it (the index is otherwise built lazily).
    /// </summary>
    private void IndexCurrent() => _ = SessionSearchIndex.For(Volatile.Read(ref current).Sessions);

    private async Task ReadServerAsync(string serverName, CancellationToken cancellationToken)
    {
        var name = ServerNames.Normalize(serverName);
        TimeSpan timeout;
        (Task<BackendResult<IReadOnlyList<SessionInfo>>> Task, long Generation)? earlier;
        lock (gate)
        {
            if (disposed || !states.TryGetValue(name, out var state))
            {
                return;
            }

            // The configured spelling, whatever case the caller used.
            name = state.Snapshot.ServerName;
            timeout = settings.ServerTimeout;
            earlier = state.Reading is { IsCompleted: false } reading ? (reading, state.ReadGeneration) : null;
        }

        if (earlier is { } underWay && !await WaitAndApplyAsync(name, underWay.Task, underWay.Generation, timeout, applySuccess: false, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        Task<BackendResult<IReadOnlyList<SessionInfo>>> read;
        long generation;
        lock (gate)
        {
            if (disposed || !states.TryGetValue(name, out var state))
            {
                return;
            }

            if (state.Reading is { IsCompleted: false } startedMeanwhile)
            {
                (read, generation) = (startedMeanwhile, state.ReadGeneration);
            }
            else
            {
                read = ReadAsync(name);
                generation = ++state.LastStarted;
                state.Reading = read;
                state.ReadGeneration = generation;
            }
        }

        await WaitAndApplyAsync(name, read, generation, timeout, applySuccess: true, cancellationToken).ConfigureAwait(false);
    }

    /// <returns>False when the read did not end within the timeout (or the caller cancelled).</returns>
    private async Task<bool> WaitAndApplyAsync(string name, Task<BackendResult<IReadOnlyList<SessionInfo>>> read, long generation, TimeSpan timeout, bool applySuccess, CancellationToken cancellationToken)
    {
        BackendResult<IReadOnlyList<SessionInfo>> result;
        try
        {
            result = await read.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Apply(name, generation, BackendFailure.TimedOut(timeout));
            return false;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (applySuccess)
        {
            Apply(name, generation, result);
        }

        return true;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            timer?.Dispose();
            timer = null;
        }

        disposal.Cancel();
        disposal.Dispose();
    }

    private async Task<BackendResult<IReadOnlyList<SessionInfo>>> ReadAsync(string serverName)
    {
        try
        {
            var result = await backend.EnumerateSessionsAsync(serverName, disposal.Token).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                // Sessions carry the configured name, so the keystroke path and the runner agree on it.
                var sessions = result.Value!;
                var named = new SessionInfo[sessions.Count];
                for (var i = 0; i < named.Length; i++)
                {
                    named[i] = ServerNames.Comparer.Equals(sessions[i].ServerName, serverName) ? sessions[i] : sessions[i] with { ServerName = serverName };
                }

                return BackendResult<IReadOnlyList<SessionInfo>>.Success(named);
            }

            return result;
        }
        catch (OperationCanceledException)
        {
            return BackendFailure.Failed(0, "The refresh was stopped.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return BackendFailure.Failed(0, exception.Message);
        }
    }

    private void Apply(string serverName, long generation, BackendResult<IReadOnlyList<SessionInfo>> result)
    {
        lock (gate)
        {
            if (disposed || !states.TryGetValue(serverName, out var state) || generation < state.LastApplied)
            {
                return;
            }

            state.LastApplied = generation;
            var now = time.GetUtcNow();
            state.Snapshot = result.IsSuccess
                ? new ServerSnapshot(serverName, result.Value!, now, null, null)
                : state.Snapshot with { Failure = result.Failure, FailedAt = now };
            Volatile.Write(ref current, Snapshot());

            // Only now: whoever waits for the first read must find it in the snapshot.
            state.FirstHeard.TrySetResult();
        }

        Updated?.Invoke(this, EventArgs.Empty);
    }

    private CatalogSnapshot Rebuild(IReadOnlyList<string> servers)
    {
        var wanted = new HashSet<string>(servers, ServerNames.Comparer);
        foreach (var gone in states.Keys.Where(name => !wanted.Contains(name)).ToList())
        {
            states.Remove(gone);
        }

        foreach (var name in servers)
        {
            if (!states.ContainsKey(name))
            {
                states[name] = new ServerState(ServerSnapshot.Pending(name), order: 0);
            }
        }

        for (var i = 0; i < servers.Count; i++)
        {
            states[servers[i]].Order = i;
        }

        return Snapshot();
    }

    private CatalogSnapshot Snapshot() =>
        CatalogSnapshot.From(states.Values.OrderBy(state => state.Order).Select(state => state.Snapshot).ToArray());

    private sealed class ServerState(ServerSnapshot snapshot, int order)
    {
        public ServerSnapshot Snapshot { get; set; } = snapshot;

        public int Order { get; set; } = order;

        public Task<BackendResult<IReadOnlyList<SessionInfo>>>? Reading { get; set; }

        public long ReadGeneration { get; set; }

        public long LastStarted { get; set; }

        public long LastApplied { get; set; }

        public TaskCompletionSource FirstHeard { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
