using SessionKiller.Core.Sessions;

namespace SessionKiller.Core.Tests.Support;

/// <summary>Sessions for tests: sensible defaults, override what the test is about.</summary>
internal static class TestSessions
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static SessionInfo User(
        string user,
        int id = 3,
        string server = "RDS01",
        string domain = "CONTOSO",
        SessionState state = SessionState.Active,
        TimeSpan? idle = null,
        string client = "",
        string station = "RDP-Tcp#1",
        bool current = false,
        bool console = false,
        DateTimeOffset? logon = null) =>
        new()
        {
            ServerName = server,
            SessionId = id,
            UserName = user,
            DomainName = domain,
            State = state,
            StationName = station,
            ClientName = client,
            ClientAddress = client.Length == 0 ? "" : "10.0.0.7",
            LogonTime = logon ?? Now.AddHours(-4).AddTicks(id),
            IdleTime = idle ?? TimeSpan.Zero,
            LastInputTime = Now - (idle ?? TimeSpan.Zero),
            IsCurrentSession = current,
            IsConsole = console,
        };

    public static SessionInfo Services(string server = "RDS01") =>
        new() { ServerName = server, SessionId = 0, State = SessionState.Disconnected, StationName = "Services" };

    public static SessionInfo Listener(string server = "RDS01", int id = 65536) =>
        new() { ServerName = server, SessionId = id, State = SessionState.Listen, StationName = "RDP-Tcp" };
}
