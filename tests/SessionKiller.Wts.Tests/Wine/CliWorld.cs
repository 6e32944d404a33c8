using System.Text.Json;
using System.Text.Json.Nodes;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// One test's world for <c>sessionkiller.exe</c> under Wine: a scenario, the stand-in's state file (so
/// what one run did, the enumerations that bring a swap due and the sessions signed out, is still true
/// for the next run, as on a real server) and the audit log, in a folder of their own.
/// </summary>
internal sealed class CliWorld
{
    /// <summary>UTC as a POSIX zone: the table's local times are then the scenario's times.</summary>
    public const string Utc = "UTC0";

    private readonly WineFixture _wine;
    private readonly string _statePath;

    public CliWorld(WineFixture wine, string scenario)
    {
        _wine = wine;
        Scenario = scenario;
        var directory = Path.Combine(wine.WorkDirectory, "worlds", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        _statePath = Path.Combine(directory, "state.txt");
        AuditLogPath = Path.Combine(directory, "audit.jsonl");
    }

    public string Scenario { get; }

    /// <summary>The audit log's Unix path; the CLI is given it as a Windows path through Wine's Z: drive.</summary>
    public string AuditLogPath { get; }

    public Task<WineRun> RunAsync(params string[] arguments) => RunAsync(arguments, WtsApi.StandIn);

    public Task<WineRun> RunAsync(IReadOnlyList<string> arguments, WtsApi api, string timeZone = Utc) =>
        _wine.RunAsync(
            WineApp.Cli,
            Scenario,
            arguments,
            api,
            environment: new Dictionary<string, string>
            {
                ["SESSIONKILLER_AUDIT_LOG"] = WindowsPath(AuditLogPath),
                ["WTSSIM_STATE"] = _statePath,
                ["TZ"] = timeZone,

                // Wine turns the command line into UTF-16 by the Unix locale: UTF-8, whatever the host's.
                ["LC_ALL"] = "C.UTF-8",
            });

    /// <summary>The outcome lines of the audit log, parsed; none when the file was never written.</summary>
    public IReadOnlyList<JsonElement> AuditLines() => AllAuditLines().Where(line => line.GetProperty("phase").GetString() == "outcome").ToList();

    /// <summary>Every line of the audit log, the "about-to" line each action writes before it acts included.</summary>
    public IReadOnlyList<JsonElement> AllAuditLines() =>
        File.Exists(AuditLogPath)
            ? File.ReadAllLines(AuditLogPath).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList()
            : [];

    /// <summary>A Unix path as a Wine program sees it: Wine's Z: drive is the Unix root.</summary>
    public static string WindowsPath(string unixPath) => "Z:" + unixPath.Replace('/', '\\');
}

/// <summary>What every CLI run under Wine is checked for.</summary>
internal static class CliAssert
{
    public const string Prefix = "sessionkiller: ";

    /// <summary>
    /// A failure is one line on stderr, one sentence a person reads: the program's prefix, then words
    /// ending in a full stop or a closing bracket (<c>A: Access denied. (error 5)</c>), no exception type
    /// and no stack trace.
    /// </summary>
    public static string OneSentenceOnStderr(WineRun run)
    {
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith(Prefix, line, StringComparison.Ordinal);
        Assert.Matches(@"^sessionkiller: \S.* \S.*[.)]$", line);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        return line[Prefix.Length..];
    }

    /// <summary>The run ended with <paramref name="exitCode"/>; the message carries the whole run when it did not.</summary>
    public static void ExitCode(int exitCode, WineRun run)
    {
        Assert.False(run.Process.TimedOut, run.ToString());
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode}\n{run}");
    }

    /// <summary>Standard output as the JSON array <c>list --json</c> prints.</summary>
    public static JsonArray JsonList(WineRun run)
    {
        var node = JsonNode.Parse(run.Output);
        return Assert.IsType<JsonArray>(node);
    }

    /// <summary>The sessions of a JSON list as <c>SERVER/ID</c>, in the order printed.</summary>
    public static IReadOnlyList<string> SessionKeys(JsonArray list) =>
        list.Select(item => $"{item!["serverName"]!.GetValue<string>()}/{item["sessionId"]!.GetValue<int>()}").ToList();

    /// <summary>The one audit line of a world, with the fields every line has.</summary>
    public static JsonElement OneAuditLine(CliWorld world, string action, string outcome)
    {
        var line = Assert.Single(world.AuditLines());
        Assert.Equal(action, line.GetProperty("action").GetString());
        Assert.Equal(outcome, line.GetProperty("outcome").GetString());
        // Wine runs every process with a full (elevated) token: the CLI says so, and logs machine-wide.
        Assert.True(line.GetProperty("elevated").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("actor").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("detail").GetString()));
        return line;
    }
}

/// <summary>The world the CLI tests in this folder share (CliUnderWineTests keeps its own).</summary>
internal static class CliScenario
{
    /// <summary>bob's logon on A is three ticks after 08:00 (a raw FILETIME), so the JSON must carry it to the tick.</summary>
    public const string BobsLogon = "2026-01-05T08:00:00.0000003Z";

    public const string Servers = """
        # This computer (Wine puts every process in session 1) and three servers.
        clock now=2026-01-05T10:00:00Z
        session server=localhost id=0 station=Services state=disconnected
        session server=localhost id=1 user=me domain=WINE station=Console logon=2026-01-05T07:00:00Z lastinput=2026-01-05T09:59:00Z lock=unlocked
        session server=A id=2 user=alice domain=CONTOSO station=RDP-Tcp#0 client=PC-1 addr=10.0.0.5 logon=2026-01-05T07:30:00Z lastinput=2026-01-05T09:58:00Z lock=unlocked
        session server=A id=3 user=bob domain=CONTOSO station=RDP-Tcp#1 client=LAPTOP-7 addr=10.0.0.7 logon=134120736000000003 lastinput=2026-01-05T09:00:00Z lock=locked
        session server=A id=65536 station=RDP-Tcp state=listen
        session server=B id=3 user=bob domain=FABRIKAM station=RDP-Tcp#7 client=HOME-PC addr=fe80::1 logon=2026-01-05T09:15:00Z lastinput=2026-01-05T09:59:30Z
        session server=B id=4 station=RDP-Tcp#8 state=connected
        session server=C id=7 user=Jürgen domain=CONTOSO state=disconnected station=RDP-Tcp#3 logon=2026-01-04T22:00:00Z disconnect=2026-01-05T06:00:00Z
        session server=C id=8 user=Łukasz domain=王 station=RDP-Tcp#4 logon=2026-01-05T09:00:00Z lastinput=2026-01-05T09:30:00Z
        process server=A id=3 pid=4242 name=notepad.exe
        """;
}
