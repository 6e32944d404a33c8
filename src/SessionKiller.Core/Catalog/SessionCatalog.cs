using SessionKiller.Core.Backend;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Core.Catalog;

/// <summary>
/// Keeps a snapshot of every configured server's sessions, refreshed in the background while it is in use.
/// Readers take <see cref="Current"/> and never wait; a server that fails or hangs keeps its last sessions,
/// marked stale. A query keeps the refresh going; two refresh intervals without one stop it, so a catalog
/// nobody queries calls no server.
/// </summary>
public sealed class SessionCatalog : IDisposable
{
    /// <summary>How many servers are read at once; each has its own timeout, counted from when its read starts.</summary>
    public const int MaxParallelReads = 4;

    /// <summary>How long a delayed query waits for the reads it needs (see <see cref="ForDelayedQuery"/>).</summary>
    public static readonly TimeSpan DelayedQueryWait = TimeSpan.FromSeconds(2);

    /// <summary>After this many refresh intervals without a query the catalog stops refreshing.</summary>
    private const int IntervalsBeforeIdle = 2;

    private readonly ISessionBackend backend;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private readonly Dictionary<string, ServerState> states = new(ServerNames.Comparer);
    private readonly CancellationTokenSource disposal = new();
    private readonly SemaphoreSlim readSlots = new(MaxParallelReads, MaxParallelReads);
    private SessionKillerSettings settings = SessionKillerSettings.Default;
    private CatalogSnapshot current;
    private ITimer? timer;
    private volatile bool started;
    private volatile bool refreshing;
    private long lastUseTicks;
    private long wokeAtTicks;
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

    /// <summary>Whether the catalog refreshes on its own: started, and queried within the last two refresh intervals.</summary>
    public bool IsRefreshing
    {
        get
        {
            return refreshing;
        }
    }

    /// <summary>
    /// Applies new settings: servers removed are dropped, servers added are read (at the next query when the
    /// catalog is idle), the interval takes effect.
    /// </summary>
    public void Configure(SessionKillerSettings newSettings)
    {
        ArgumentNullException.ThrowIfNull(newSettings);
        List<string> added;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            settings = newSettings;
            Volatile.Write(ref current, Rebuild(newSettings.EffectiveServers));
            timer?.Change(newSettings.RefreshInterval, newSettings.RefreshInterval);
            added = !refreshing ? [] : states.Values.Where(state => state.Snapshot.IsPending).Select(state => state.Snapshot.ServerName).ToList();
        }

        if (added.Count > 0)
        {
            _ = ReadAllAsync(added, ReadMode.JoinUnderWay, CancellationToken.None);
        }
    }

    /// <summary>
    /// Reads every server now in the background, then every refresh interval while queries come (the start
    /// counts as one): the first query finds the sessions already read.
    /// </summary>
    public void Start()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (started)
            {
                return;
            }

            started = true;
            Volatile.Write(ref lastUseTicks, time.GetUtcNow().UtcTicks);
            StartTimer();
        }
    }

    /// <summary>
    /// What a keystroke is answered from, at once. The query keeps the refresh going; after a pause it
    /// starts it again, with a read in the background, and the answer is the last snapshot, marked with its
    /// age until that read is in.
    /// </summary>
    public CatalogView ForQuery()
    {
        var now = time.GetUtcNow();
        Volatile.Write(ref lastUseTicks, now.UtcTicks);
        if (started && !refreshing)
        {
            Wake(now);
        }

        return View(Current);
    }

    /// <summary>
    /// What a query is answered from after a pause in typing: like <see cref="ForQuery"/>, but first waits, at
    /// most <see cref="DelayedQueryWait"/>, for a read of every server not heard from within the refresh
    /// interval (or never), joining a read already under way rather than asking the server twice.
    /// </summary>
    public CatalogView ForDelayedQuery()
    {
        ForQuery();
        var outdated = new List<string>();
        lock (gate)
        {
            var oldest = time.GetUtcNow() - settings.RefreshInterval;
            foreach (var state in states.Values)
            {
                if (state.Snapshot.LastHeard is not { } last || last < oldest)
                {
                    outdated.Add(state.Snapshot.ServerName);
                }
            }
        }

        if (outdated.Count > 0)
        {
            ReadAllAsync(outdated, ReadMode.JoinUnderWay, CancellationToken.None).Wait(DelayedQueryWait);
        }

        return View(Current);
    }

    /// <summary>Reads every server now; a read under way is waited for first and then the server is read again.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken = default) =>
        ReadAllAsync(Current.Servers.Select(server => server.ServerName).ToList(), ReadMode.AfterUnderWay, cancellationToken);

    /// <summary>
    /// Reads one server, waiting at most the per-server timeout. A read already under way is waited for
    /// first (a server that hangs is not asked twice), then the server is read again, so the result is
    /// never older than the request: after an action, the signed-out user is gone from the next snapshot.
    /// </summary>
    public async Task RefreshServerAsync(string serverName, CancellationToken cancellationToken = default)
    {
        await ReadServerAsync(serverName, ReadMode.AfterUnderWay, cancellationToken).ConfigureAwait(false);
        IndexCurrent();
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
            refreshing = false;
            timer?.Dispose();
            timer = null;
        }

        disposal.Cancel();
        disposal.Dispose();
    }

    /// <summary>Builds the search index of the snapshot now current, once per refresh rather than once per server.</summary>
    private void IndexCurrent() => _ = SessionSearchIndex.For(Volatile.Read(ref current).Sessions);

    private async Task ReadAllAsync(List<string> servers, ReadMode mode, CancellationToken cancellationToken)
    {
        var reads = new Task[servers.Count];
        for (var i = 0; i < servers.Count; i++)
        {
            reads[i] = ReadServerAsync(servers[i], mode, cancellationToken);
        }

        await Task.WhenAll(reads).ConfigureAwait(false);
        IndexCurrent();
    }

    /// <summary>The last snapshot, with its age while it predates the read the last wake started.</summary>
    private CatalogView View(CatalogSnapshot snapshot)
    {
        DateTimeOffset? listedAt = null;
        var woke = Volatile.Read(ref wokeAtTicks);
        if (woke != 0 && refreshing)
        {
            foreach (var server in snapshot.Servers)
            {
                if (server.LastHeard is { } last && last.UtcTicks < woke && (listedAt is null || last < listedAt))
                {
                    listedAt = last;
                }
            }
        }

        return new CatalogView(snapshot, listedAt);
    }

    private void Wake(DateTimeOffset now)
    {
        lock (gate)
        {
            if (disposed || refreshing)
            {
                return;
            }

            Volatile.Write(ref wokeAtTicks, now.UtcTicks);
            StartTimer();
        }
    }

    /// <summary>The first tick comes at once, on a pool thread: neither Start nor a query waits on a server.</summary>
    private void StartTimer()
    {
        refreshing = true;
        timer = time.CreateTimer(_ => Tick(), null, TimeSpan.Zero, settings.RefreshInterval);
    }

    private void Tick()
    {
        lock (gate)
        {
            if (disposed || !refreshing)
            {
                return;
            }

            var sinceUse = time.GetUtcNow().UtcTicks - Volatile.Read(ref lastUseTicks);
            if (sinceUse >= (settings.RefreshInterval * IntervalsBeforeIdle).Ticks)
            {
                // Nobody has asked for two intervals: stop until the next query.
                refreshing = false;
                timer?.Dispose();
                timer = null;
                return;
            }
        }

        _ = ReadAllAsync(Current.Servers.Select(server => server.ServerName).ToList(), ReadMode.JoinUnderWay, CancellationToken.None);
    }

    private async Task ReadServerAsync(string serverName, ReadMode mode, CancellationToken cancellationToken)
    {
        var name = ServerNames.Normalize(serverName);
        Task<bool>? underWay;
        Task<BackendResult<IReadOnlyList<SessionInfo>>>? hanging = null;
        long hangingGeneration = 0;
        TimeSpan timeout;
        PendingRead? started = null;
        lock (gate)
        {
            if (disposed || !states.TryGetValue(name, out var state))
            {
                return;
            }

            // The configured spelling, whatever case the caller used.
            name = state.Snapshot.ServerName;
            timeout = settings.ServerTimeout;
            underWay = state.Read is { IsCompleted: false } read ? read : null;
            if (underWay is null && state.Call is { IsCompleted: false } call)
            {
                // A call that outlived its timeout: the server is not asked again while it hangs, only waited for.
                (hanging, hangingGeneration) = (call, state.CallGeneration);
            }
            else if (underWay is null)
            {
                started = StartRead(state, timeout);
            }
        }

        if (started is { } fresh)
        {
            _ = LaunchAsync(name, fresh);
            await fresh.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var answered = underWay is not null
            ? await underWay.WaitAsync(cancellationToken).ConfigureAwait(false)
            : await WaitForCallAsync(name, hanging!, hangingGeneration, timeout, cancellationToken).ConfigureAwait(false);
        if (!answered || mode == ReadMode.JoinUnderWay)
        {
            return;
        }

        // That read began before this request: read again, so the answer is not older than the request.
        Task<bool> again;
        lock (gate)
        {
            if (disposed || !states.TryGetValue(name, out var state))
            {
                return;
            }

            if (state.Read is { IsCompleted: false } startedMeanwhile)
            {
                again = startedMeanwhile;
            }
            else
            {
                started = StartRead(state, timeout);
                again = started.Done.Task;
            }
        }

        if (started is not null)
        {
            _ = LaunchAsync(name, started);
        }

        await again.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a read under the lock; <see cref="LaunchAsync"/> runs it once the lock is released.</summary>
    private static PendingRead StartRead(ServerState state, TimeSpan timeout)
    {
        var read = new PendingRead(state, ++state.LastStarted, timeout, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        state.Read = read.Done.Task;
        return read;
    }

    private async Task LaunchAsync(string name, PendingRead read)
    {
        try
        {
            read.Done.TrySetResult(await RunReadAsync(name, read).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            read.Done.TrySetResult(false);
        }
    }

    /// <summary>Waits for a read slot, then calls the server, under the timeout from then on.</summary>
    /// <returns>True when the server answered (with sessions or a failure) within the timeout.</returns>
    private async Task<bool> RunReadAsync(string name, PendingRead read)
    {
        try
        {
            await readSlots.WaitAsync(disposal.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }

        try
        {
            var call = CallAsync(name);
            lock (gate)
            {
                read.State.Call = call;
                read.State.CallGeneration = read.Generation;
            }

            return await WaitForCallAsync(name, call, read.Generation, read.Timeout, disposal.Token).ConfigureAwait(false);
        }
        finally
        {
            // Released at the timeout, not when a hanging call returns: a hanging server does not hold a slot.
            readSlots.Release();
        }
    }

    /// <returns>False when the call did not end within the timeout (or waiting was cancelled).</returns>
    private async Task<bool> WaitForCallAsync(string name, Task<BackendResult<IReadOnlyList<SessionInfo>>> call, long generation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        BackendResult<IReadOnlyList<SessionInfo>> result;
        try
        {
            result = await call.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Apply(name, generation, BackendFailure.TimedOut(timeout));
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        Apply(name, generation, result);
        return true;
    }

    private async Task<BackendResult<IReadOnlyList<SessionInfo>>> CallAsync(string serverName)
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

    /// <summary>What a read asks of a read already under way.</summary>
    private enum ReadMode
    {
        /// <summary>Its answer will do (refreshing on the timer, a delayed query, a server just added).</summary>
        JoinUnderWay,

        /// <summary>Wait for it, then read again (an explicit refresh, the one after an action).</summary>
        AfterUnderWay,
    }

    private sealed record PendingRead(ServerState State, long Generation, TimeSpan Timeout, TaskCompletionSource<bool> Done);

    private sealed class ServerState(ServerSnapshot snapshot, int order)
    {
        public ServerSnapshot Snapshot { get; set; } = snapshot;

        public int Order { get; set; } = order;

        /// <summary>The read last started: a slot, then the call under its timeout; true when the server answered in time.</summary>
        public Task<bool>? Read { get; set; }

        /// <summary>The backend call of that read, which can outlive its timeout when the server hangs.</summary>
        public Task<BackendResult<IReadOnlyList<SessionInfo>>>? Call { get; set; }

        public long CallGeneration { get; set; }

        public long LastStarted { get; set; }

        public long LastApplied { get; set; }
    }
}
