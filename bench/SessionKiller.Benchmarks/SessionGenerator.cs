using SessionKiller.Core.Sessions;

namespace SessionKiller.Benchmarks;

/// <summary>Realistic, repeatable catalogs: users, domains, client names, states and idle times as an RDS farm has them.</summary>
public static class SessionGenerator
{
    private static readonly string[] FirstNames =
    [
        "bob", "alice", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
        "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "bobby", "roberta", "bo", "abbot", "jacob",
        "maria", "jose", "wei", "yuki", "fatima", "lukas", "sofia", "mateo", "emma", "noah", "liam", "ava",
    ];

    private static readonly string[] LastNames =
    [
        "smith", "jones", "brown", "taylor", "wilson", "davies", "evans", "thomas", "johnson", "roberts", "walker",
        "wright", "robinson", "thompson", "white", "hughes", "edwards", "green", "hall", "wood", "harris", "lewis",
        "martin", "jackson", "clarke", "clark", "turner", "hill", "scott", "cooper", "morris", "ward", "moore", "king",
    ];

    private static readonly string[] Domains = ["CONTOSO", "FABRIKAM", "NORTHWIND", "ADVENTUREWORKS"];

    private static readonly string[] ClientPrefixes = ["LAPTOP-", "DESKTOP-", "THINCLIENT-", "WS", "MAC-"];

    public static IReadOnlyList<string> Servers { get; } = Enumerable.Range(1, 10).Select(i => $"RDS{i:00}").ToArray();

    public static SessionInfo[] Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var sessions = new SessionInfo[count];
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var user = random.Next(3) switch
            {
                0 => $"{first}.{last}",
                1 => $"{first[0]}{last}",
                _ => random.Next(4) == 0 ? first : $"{first}{random.Next(1, 99)}",
            };
            var state = random.Next(100) switch
            {
                < 60 => SessionState.Active,
                < 95 => SessionState.Disconnected,
                < 98 => SessionState.Idle,
                _ => SessionState.Connected,
            };
            var idle = TimeSpan.FromSeconds(Math.Pow(random.NextDouble(), 3) * 3 * 24 * 3600);
            var id = (i / Servers.Count) + 2;
            sessions[i] = new SessionInfo
            {
                ServerName = Servers[i % Servers.Count],
                SessionId = id,
                UserName = user,
                DomainName = Domains[random.Next(Domains.Length)],
                State = state,
                StationName = state == SessionState.Disconnected ? "" : $"RDP-Tcp#{random.Next(1, 400)}",
                ClientName = ClientPrefixes[random.Next(ClientPrefixes.Length)] + random.Next(0x1000, 0xFFFF).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                ClientAddress = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
                LogonTime = now - idle - TimeSpan.FromMinutes(random.Next(1, 600)),
                LastInputTime = now - idle,
                IdleTime = idle,
                IsCurrentSession = i == 0,
            };
        }

        return sessions;
    }
}
