using BenchmarkDotNet.Attributes;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Settings;

namespace SessionKiller.Benchmarks;

/// <summary>
/// A background refresh: read twelve servers (answered at once from memory), merge their snapshots and
/// swap the result in. The floor is concatenating the same twelve lists into one array.
/// </summary>
[MemoryDiagnoser]
public class CatalogBenchmarks : IDisposable
{
    private SessionCatalog? catalog;
    private IReadOnlyList<SessionInfo>[] perServer = [];

    [Params(1_000, 10_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var all = SessionGenerator.Generate(Sessions);
        perServer = SessionGenerator.Servers.Select(server => (IReadOnlyList<SessionInfo>)all.Where(s => s.ServerName == server).ToArray()).ToArray();
        catalog = new SessionCatalog(new InstantBackend(SessionGenerator.Servers, perServer), TimeProvider.System);
        catalog.Configure(SessionKillerSettings.Default with { Servers = SessionGenerator.Servers });
    }

    [GlobalCleanup]
    public void Dispose()
    {
        catalog?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public int Floor()
    {
        var merged = new List<SessionInfo>(Sessions);
        foreach (var server in perServer)
        {
            merged.AddRange(server);
        }

        return merged.ToArray().Length;
    }

    [Benchmark]
    public int RefreshTwelveServers()
    {
        catalog!.RefreshAsync().GetAwaiter().GetResult();
        return catalog.Current.Sessions.Count;
    }

    private sealed class InstantBackend(IReadOnlyList<string> servers, IReadOnlyList<SessionInfo>[] sessions) : ISessionBackend
    {
        private readonly Dictionary<string, Task<BackendResult<IReadOnlyList<SessionInfo>>>> answers =
            servers.Select((server, i) => (server, i)).ToDictionary(
                pair => pair.server,
                pair => Task.FromResult(BackendResult<IReadOnlyList<SessionInfo>>.Success(sessions[pair.i])),
                ServerNames.Comparer);

        public Task<BackendResult<IReadOnlyList<SessionInfo>>> EnumerateSessionsAsync(string serverName, CancellationToken cancellationToken) => answers[serverName];

        public Task<BackendResult> LogOffAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BackendResult> DisconnectAsync(string serverName, int sessionId, bool wait, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BackendResult<MessageAnswer>> SendMessageAsync(MessageRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<BackendResult<IReadOnlyList<SessionProcess>>> ListProcessesAsync(string serverName, int sessionId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
