using SessionKiller.Core.Backend;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Catalog;

/// <summary>What one server last said: its sessions, when they were read, and its latest failure if any.</summary>
public sealed record ServerSnapshot(
    string ServerName,
    IReadOnlyList<SessionInfo> Sessions,
    DateTimeOffset? RetrievedAt,
    BackendFailure? Failure,
    DateTimeOffset? FailedAt)
{
    /// <summary>The last read failed: the sessions shown (if any) are older than the failure.</summary>
    public bool IsStale => Failure is not null;

    /// <summary>Not read yet, neither successfully nor not.</summary>
    public bool IsPending => RetrievedAt is null && Failure is null;

    /// <summary>When the server was last heard from, read or failed; null when never.</summary>
    public DateTimeOffset? LastHeard =>
        FailedAt is { } failed && (RetrievedAt is not { } retrieved || failed > retrieved) ? failed : RetrievedAt;

    public static ServerSnapshot Pending(string serverName) => new(serverName, [], null, null, null);
}

/// <summary>An immutable picture of every configured server, read by the keystroke path without locks.</summary>
public sealed record CatalogSnapshot(IReadOnlyList<ServerSnapshot> Servers, IReadOnlyList<SessionInfo> Sessions)
{
    public static CatalogSnapshot Empty { get; } = new([], []);

    /// <summary>All servers' sessions in one list that carries its search index (see <see cref="SessionMatcher"/>).</summary>
    public static CatalogSnapshot From(IReadOnlyList<ServerSnapshot> servers)
    {
        var count = 0;
        foreach (var server in servers)
        {
            count += server.Sessions.Count;
        }

        var sessions = new SessionInfo[count];
        var at = 0;
        foreach (var server in servers)
        {
            foreach (var session in server.Sessions)
            {
                sessions[at++] = session;
            }
        }

        return new CatalogSnapshot(servers, new IndexedSessions(sessions));
    }
}
