using System.Collections.Concurrent;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Wts;

/// <summary>
/// The client name and address of each session as last read, per server. They change only when a client
/// connects, which moves the session's connect time: a session whose logon and connect times are those
/// remembered keeps its client without two more calls to the server.
/// </summary>
internal sealed class ClientMemory
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<int, KnownClient>> servers = new(ServerNames.Comparer);

    /// <summary>What the last read of <paramref name="serverName"/> remembered; empty before any.</summary>
    public IReadOnlyDictionary<int, KnownClient> Of(string serverName) =>
        servers.TryGetValue(serverName, out var known) ? known : EmptyServer;

    /// <summary>Replaces what is remembered of a server with what this read saw (sessions gone are forgotten).</summary>
    public void Keep(string serverName, IReadOnlyDictionary<int, KnownClient> clients) => servers[serverName] = clients;

    private static readonly IReadOnlyDictionary<int, KnownClient> EmptyServer = new Dictionary<int, KnownClient>();
}

/// <summary>A session's client, and the logon and connect times it was read under.</summary>
internal sealed record KnownClient(DateTimeOffset? LogonTime, DateTimeOffset? ConnectTime, string Name, string Address)
{
    /// <summary>Still this session's client: the same logon, and no connect since.</summary>
    public bool StillConnectedAs(SessionDetails details) => LogonTime == details.LogonTime && ConnectTime == details.ConnectTime;
}
