using BenchmarkDotNet.Attributes;
using SessionKiller.Core.Matching;
using SessionKiller.Core.Query;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Benchmarks;

/// <summary>
/// One keystroke: parse what was typed, match and rank the catalog, keep what PowerToys Run shows.
/// The floor, in the same run, is a plain ordinal ignore-case Contains over the same user names.
/// </summary>
[MemoryDiagnoser]
public class KeystrokeBenchmarks
{
    /// <summary>What the plugin asks for: PowerToys Run shows a screenful, never thousands.</summary>
    public const int ShownResults = 50;

    private static readonly MatchOptions Options = MatchOptions.Default with { Limit = ShownResults };

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
    public int Keystroke()
    {
        var parsed = QueryParser.Parse(Query);
        return parsed.Query is null ? -1 : SessionMatcher.Match(sessions, parsed.Query, Options).Count;
    }
}
