using SessionKiller.Core.Backend;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Bulk;

/// <summary>
/// Lets the sessions of one server that are re-verified at the same time share one fresh read: a read
/// asked for while another is under way waits for the next one, which starts after that and so after it
/// was asked for. Every session is still checked against a read begun after its turn came, but a bulk
/// run reads a server about once per wave of sessions instead of once per session (each read of a server
/// costs a call per session on it). Everything else goes straight through.
/// </summary>
internal sealed class FreshReadSharing(ISessionBackend inner) : ISessionBackend
{
    private readonly object gate = new();
    private readonly Dictionary<string, ServerReads> servers = new(ServerNames.Comparer);

    public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!servers.TryGetValue(serverName, out var reads))
            {
                reads = new ServerReads();
                servers[serverName] = reads;
            }

            if (reads.Current is null || reads.Current.IsCompleted)
            {
                reads.Current = inner.EnumerateSessionsAsync(serverName, cancellationToken);
                return reads.Current;
            }

            // The read under way began before this request: this one shares the read after it.
            return reads.Next ??= ReadAfterCurrentAsync(reads, serverName, cancellationToken);
        }
    }

    public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        inner.LogOffAsync(serverName, sessionId, wait, cancellationToken);

    public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) =>
        inner.DisconnectAsync(serverName, sessionId, wait, cancellationToken);

    public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken) =>
        inner.SendMessageAsync(request, cancellationToken);

    public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) =>
        inner.ListProcessesAsync(serverName, sessionId, cancellationToken);

    private async Task<BackendResult<IReadOnlyList<SessionInfo>>> ReadAfterCurrentAsync(ServerReads reads, string serverName, CancellationToken cancellationToken)
    {
        try
        {
            await reads.Current!.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Only its end matters here; its callers see how it ended.
        }

        Task<BackendResult<IReadOnlyList<SessionInfo>>> mine;
        lock (gate)
        {
            mine = inner.EnumerateSessionsAsync(serverName, cancellationToken);
            reads.Current = mine;
            reads.Next = null;
        }

        return await mine.ConfigureAwait(false);
    }

    private sealed class ServerReads
    {
        public Task<BackendResult<IReadOnlyList<SessionInfo>>>? Current { get; set; }

        public Task<BackendResult<IReadOnlyList<SessionInfo>>>? Next { get; set; }
    }
}
