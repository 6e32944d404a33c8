using BenchmarkDotNet.Attributes;
using Community.PowerToys.Run.Plugin.SessionKiller.Results;
using Community.PowerToys.Run.Plugin.SessionKiller.Settings;
using SessionKiller.Core.Actions;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;

namespace SessionKiller.Benchmarks;

/// <summary>
/// One keystroke: parse what was typed, match and rank the catalog's snapshot, and build the 20 results
/// PowerToys Run shows. The floor, in the same run, is a plain ordinal ignore-case Contains of the typed
/// text over the same user names. The queries are the classes administrators type (see <see cref="Queries"/>).
/// </summary>
[MemoryDiagnoser]
public class KeystrokeBenchmarks
{
    private static readonly PluginSettings Settings = PluginSettings.CreateDefault();

    private readonly ResultFactory results = new(new SessionText(TimeProvider.System), () => "Images/sessionkiller.dark.png");
    private CatalogSnapshot snapshot = CatalogSnapshot.Empty;
    private string[] userNames = [];

    [Params(1_000, 10_000)]
    public int Sessions { get; set; }

    [ParamsSource(nameof(Queries))]
    public string Query { get; set; } = "";

    /// <summary>
    /// A listing; a server filter with a short word; one letter (two); DOMAIN\ and the start of a name; the start of a
    /// client name; the start of an address; a typo; nothing matching; a state filter with a short word.
    /// </summary>
    public static IEnumerable<string> Queries => ["", "@lab03 m", "a", "e", @"staff\j", "lab03-pc1", "10.23.1.", "smtih", "zzqx", "state:disc b"];

    [GlobalSetup]
    public void Setup()
    {
        var sessions = SessionGenerator.Generate(Sessions);
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
    public int Keystroke() => results.For(Query, new CatalogView(snapshot, ListedAt: null), Settings, Act, Retry).Count;

    private static bool Act(SessionAction action, SessionInfo session) => false;

    private static bool Retry(string server) => false;
}
