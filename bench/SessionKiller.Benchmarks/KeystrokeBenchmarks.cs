using BenchmarkDotNet.Attributes;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Benchmarks;

/// <summary>
/// One keystroke: parse what was typed, match and rank the catalog's snapshot, and build the results
/// PowerToys Run shows (<see cref="Keystroke"/>); <see cref="ParseAndMatch"/> is Core's share of it.
/// The floor, in the same run, is a plain ordinal ignore-case Contains over the same user names.
/// </summary>
[MemoryDiagnoser]
public class KeystrokeBenchmarks
{
    private static readonly MatchOptions Options = MatchOptions.Default with { Limit = ResultFactory.MaxSessionResults };
    private static readonly PluginSettings Settings = PluginSettings.CreateDefault();

    private readonly ResultFactory results = new(new SessionText(TimeProvider.System), () => "Images/sessionkiller.dark.png");
    private CatalogSnapshot snapshot = CatalogSnapshot.Empty;
    private SessionInfo[] sessions = [];
    private string[] userNames = [];

    [Params(10, 1_000, 10_000)]
    public int Sessions { get; set; }

    [ParamsSource(nameof(Queries))]
    public string Query { get; set; } = "";

    public static IEnumerable<string> Queries => ["", "b", "bob", @"contoso\b", "#123", "idle:>1h", "state:disc", "zzz", "bbo"];

    [GlobalSetup]
    public void Setup()
    {
        sessions = SessionGenerator.Generate(Sessions);
        snapshot = CatalogSnapshot.From(SessionGenerator.Servers
            .Select(server => new ServerSnapshot(server, sessions.Where(session => session.ServerName == server).ToArray(), DateTimeOffset.UtcNow, null, null))
            .ToArray());
        userNames = sessions.Select(session => session.UserName).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Floor()
    {
        var found = 0;
        foreach (var name in userNames)
        {
            if (name.Contains(Query, StringComparison.OrdinalIgnoreCase))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark]
    public int ParseAndMatch()
    {
        var parsed = QueryParser.Parse(Query);
        return parsed.Query is null ? -1 : SessionMatcher.Match(snapshot.Sessions, parsed.Query, Options).Count;
    }

    [Benchmark]
    public int Keystroke() => results.For(Query, new CatalogView(snapshot, ListedAt: null), Settings, Act, Retry).Count;

    private static bool Act(SessionAction action, SessionInfo session) => false;

    private static bool Retry(string server) => false;
}
