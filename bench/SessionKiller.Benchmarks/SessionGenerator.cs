using System.Globalization;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Benchmarks;

/// <summary>
/// A repeatable university farm: eight lab servers where students sign in (ids like s2104387 and names like
/// emma.jones27, so thousands share their first characters) and four staff servers (john.smith, jsmith), with the
/// client names, addresses (IPv4 and IPv6), states and idle times such a farm has.
/// </summary>
public static class SessionGenerator
{
    private static readonly string[] FirstNames =
    [
        "john", "james", "judy", "jacob", "jose", "maria", "mateo", "mia", "mallory", "emma", "erin", "eve", "ethan",
        "alice", "ava", "amir", "anna", "bob", "bobby", "carol", "dave", "frank", "grace", "heidi", "ivan", "liam",
        "lukas", "noah", "olivia", "peggy", "sofia", "sam", "wei", "yuki", "fatima", "victor",
    ];

    private static readonly string[] LastNames =
    [
        "smith", "smyth", "jones", "johnson", "brown", "taylor", "wilson", "davies", "evans", "thomas", "roberts",
        "walker", "wright", "robinson", "thompson", "white", "hughes", "edwards", "green", "hall", "wood", "harris",
        "lewis", "martin", "jackson", "clarke", "clark", "turner", "hill", "scott", "cooper", "morris", "moore", "king",
    ];

    /// <summary>LAB01 to LAB08 for students, RDS01 to RDS04 for staff.</summary>
    public static IReadOnlyList<string> Servers { get; } =
        [.. Enumerable.Range(1, 8).Select(i => $"LAB{i:00}"), .. Enumerable.Range(1, 4).Select(i => $"RDS{i:00}")];

    public static SessionInfo[] Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var nextId = new int[Servers.Count];
        var sessions = new SessionInfo[count];
        for (var i = 0; i < count; i++)
        {
            var student = random.Next(10) < 7;
            var server = student ? random.Next(8) : 8 + random.Next(4);
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var state = random.Next(100) switch
            {
                < 60 => SessionState.Active,
                < 95 => SessionState.Disconnected,
                < 98 => SessionState.Idle,
                _ => SessionState.Connected,
            };
            var idle = TimeSpan.FromSeconds(Math.Pow(random.NextDouble(), 3) * 3 * 24 * 3600);
            var (client, address) = student ? StudentClient(random, server) : StaffClient(random);
            sessions[i] = new SessionInfo
            {
                ServerName = Servers[server],
                SessionId = 2 + nextId[server]++,
                UserName = student ? StudentName(random, first, last) : StaffName(random, first, last),
                DomainName = student ? "STUDENTS" : random.Next(20) == 0 ? "CAMPUS" : "STAFF",
                State = state,
                StationName = state == SessionState.Disconnected ? "" : Text($"RDP-Tcp#{random.Next(1, 400)}"),
                ClientName = client,
                ClientAddress = address,
                LogonTime = now - idle - TimeSpan.FromMinutes(random.Next(1, 600)),
                LastInputTime = now - idle,
                IdleTime = idle,
                IsCurrentSession = i == 1,
            };
        }

        return sessions;
    }

    private static string StudentName(Random random, string first, string last) => random.Next(10) < 7
        ? Text($"s{random.Next(19, 25)}{random.Next(100_000):00000}")
        : Text($"{first}.{last}{random.Next(1, 100)}");

    private static string StaffName(Random random, string first, string last) => random.Next(10) switch
    {
        < 5 => $"{first}.{last}",
        < 8 => $"{first[0]}{last}",
        < 9 => Text($"{first}{random.Next(1, 10)}"),
        _ => $"adm-{first[0]}{last}",
    };

    /// <summary>In a lab (LAB03-PC17, 10.23.1.17), or from home over the VPN (a laptop, 172.16.x.y or an IPv6 address).</summary>
    private static (string Client, string Address) StudentClient(Random random, int lab)
    {
        if (random.Next(10) < 6)
        {
            var pc = random.Next(1, 41);
            return (Text($"LAB{lab + 1:00}-PC{pc:00}"), Text($"10.{21 + lab}.1.{pc}"));
        }

        var laptop = random.Next(2) == 0 ? Text($"LAPTOP-{random.Next(0x100000, 0xFFFFFF):X6}") : Text($"MACBOOK-{random.Next(1000, 9999)}");
        return random.Next(3) == 0
            ? (laptop, Text($"fd12:3456:{random.Next(0x10000):x}::{random.Next(1, 0x10000):x}"))
            : (laptop, Text($"172.16.{random.Next(256)}.{random.Next(1, 255)}"));
    }

    private static (string Client, string Address) StaffClient(Random random) => random.Next(2) == 0
        ? (Text($"DESKTOP-{random.Next(0x100000, 0xFFFFFF):X6}"), Text($"10.1.{random.Next(1, 8)}.{random.Next(1, 255)}"))
        : (Text($"STAFF-PC{random.Next(1, 500):000}"), Text($"10.2.{random.Next(1, 8)}.{random.Next(1, 255)}"));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
