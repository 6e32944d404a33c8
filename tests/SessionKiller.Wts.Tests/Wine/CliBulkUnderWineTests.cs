using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// <c>--where</c> under Wine against the stand-in: 200 sessions idle and disconnected across 10 servers,
/// signed out in one run of seconds, each re-verified on its own under one bulk id; a server that hangs costs
/// its own sessions one per-server timeout and the others nothing; an id swapped after listing is left alone.
/// </summary>
[Collection(WineCollection.Name)]
public sealed class CliBulkUnderWineTests(WineFixture wine)
{
    private const int Servers = 10;
    private const int SessionsPerServer = 20;
    private const string Where = "idle:>8h state:disc";

    private static readonly string[] ServerOptions = [.. Enumerable.Range(1, Servers).SelectMany(n => new[] { "--server", Server(n) })];

    private static string Server(int n) => string.Create(CultureInfo.InvariantCulture, $"S{n:00}");

    /// <summary>Per server: 20 sessions disconnected since last night (ids 2-21), one active user (id 22), a listener.</summary>
    private static string Scenario(string extra = "")
    {
        var text = new StringBuilder("clock now=2026-01-05T10:00:00Z\n");
        for (var n = 1; n <= Servers; n++)
        {
            for (var id = 2; id < 2 + SessionsPerServer; id++)
            {
                text.Append(CultureInfo.InvariantCulture, $"session server={Server(n)} id={id} user=u{n}x{id} domain=CONTOSO state=disconnected station=RDP-Tcp#{id} logon=2026-01-04T17:00:00Z disconnect=2026-01-04T19:00:00Z lastinput=2026-01-04T19:00:00Z\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"session server={Server(n)} id=22 user=busy{n} domain=CONTOSO station=RDP-Tcp#22 logon=2026-01-05T08:00:00Z lastinput=2026-01-05T09:59:00Z\n");
            text.Append(CultureInfo.InvariantCulture, $"session server={Server(n)} id=65536 station=RDP-Tcp state=listen\n");
        }

        return text.Append(extra).ToString();
    }

    private Task<WineRun> RunAsync(string scenario, params string[] arguments) =>
        wine.RunAsync(WineApp.Cli, scenario, arguments, timeout: TimeSpan.FromSeconds(120), environment: new Dictionary<string, string> { ["TZ"] = CliWorld.Utc, ["LC_ALL"] = "C.UTF-8" });

    private static JsonElement[] JsonLines(WineRun run) =>
        [.. run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    [Fact]
    public async Task List_where_shows_the_200_sessions_a_cleanup_would_take()
    {
        var run = await RunAsync(Scenario(), ["list", "--where", Where, "--json", .. ServerOptions]);

        CliAssert.ExitCode(0, run);
        var list = CliAssert.JsonList(run);
        Assert.Equal(Servers * SessionsPerServer, list.Count);
        Assert.All(list, item => Assert.Equal("Disconnected", item!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Logoff_where_signs_out_200_sessions_on_10_servers_in_seconds_each_verified_under_one_bulk_id()
    {
        // S03's session 5 is someone else's by the time it is verified: the listing is its only enumeration before the swap.
        var run = await RunAsync(
            Scenario("swap server=S03 id=5 after=1 user=eve domain=FABRIKAM logon=2026-01-05T09:00:00Z\n"),
            ["logoff", "--where", Where, "--yes", "--max", "500", "--json", .. ServerOptions]);

        CliAssert.ExitCode(7, run);
        var lines = JsonLines(run);
        Assert.Equal(Servers * SessionsPerServer, lines.Length);
        Assert.Equal(199, lines.Count(line => line.GetProperty("outcome").GetString() == "Done"));
        var swapped = Assert.Single(lines, line => line.GetProperty("outcome").GetString() == "Changed");
        Assert.Equal(("S03", 5), (swapped.GetProperty("serverName").GetString(), swapped.GetProperty("sessionId").GetInt32()));
        Assert.DoesNotContain("WTSLogoffSession server=S03 id=5 wait=1 -> ok", run.Calls);
        Assert.Equal(199, run.CallsTo("WTSLogoffSession").Count);
        Assert.DoesNotContain(run.CallsTo("WTSLogoffSession"), call => call.Contains(" id=22 ", StringComparison.Ordinal) || call.Contains(" id=65536 ", StringComparison.Ordinal));

        // A fresh read before the actions on top of the listing, shared by the sessions of a server that wait together.
        Assert.InRange(run.Calls.Count(call => call.StartsWith("WTSEnumerateSessions", StringComparison.Ordinal)), 2 * Servers, Servers + (Servers * SessionsPerServer));

        // One bulk id for the whole run, on every session's line (its audit lines carry it too: Core and CLI tests).
        var bulkIds = lines.Select(line => line.GetProperty("bulk").GetString()).Distinct().ToArray();
        Assert.Equal(12, Assert.Single(bulkIds)!.Length);
        Assert.Equal("sessionkiller: 199 signed out, 1 changed since listed (not touched). (bulk " + bulkIds[0] + ")", run.Error.Trim());
        Assert.True(run.Process.Duration < TimeSpan.FromSeconds(30), $"took {run.Process.Duration}");
    }

    [Fact]
    public async Task A_hung_server_costs_only_its_own_sessions_one_timeout()
    {
        var hung = "session server=HUNG id=2 user=stuck domain=CONTOSO state=disconnected logon=2026-01-04T17:00:00Z disconnect=2026-01-04T19:00:00Z lastinput=2026-01-04T19:00:00Z\nhang server=HUNG\n";

        var run = await RunAsync(Scenario(hung), ["logoff", "--where", Where, "--yes", "--max", "500", "--json", "--server", "HUNG", .. ServerOptions]);

        CliAssert.ExitCode(6, run);
        Assert.Equal(Servers * SessionsPerServer, JsonLines(run).Count(line => line.GetProperty("outcome").GetString() == "Done"));
        Assert.Contains("HUNG: No answer within 10 s.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.CallsTo("WTSLogoffSession"), call => call.Contains("server=HUNG", StringComparison.Ordinal));
        Assert.InRange(run.Process.Duration, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task More_than_the_default_max_of_50_is_refused_and_nothing_is_done()
    {
        var run = await RunAsync(Scenario(), ["logoff", "--where", Where, "--yes", .. ServerOptions]);

        CliAssert.ExitCode(3, run);
        Assert.Contains("200 sessions match 'idle:>8h state:disc', more than --max 50; nothing was done.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        Assert.Empty(run.Audit);
    }
}
