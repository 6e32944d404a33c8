using System.Text.Json.Nodes;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// What CliUnderWineTests leaves out of the CLI's output under Wine: every field of <c>list --json</c>
/// compared whole across three servers (names outside any code page included), the table form in a
/// time zone other than UTC, and a message that does not wait, signed by whoever sent it.
/// </summary>
[Collection(WineCollection.Name)]
public sealed class CliListingUnderWineTests(WineFixture wine)
{
    private const string Scenario = CliScenario.Servers;

    private const string ThreeServersJson = """
        [
          { "serverName": "A", "sessionId": 2, "userName": "alice", "domainName": "CONTOSO", "state": "Active",
            "stationName": "RDP-Tcp#0", "clientName": "PC-1", "clientAddress": "10.0.0.5",
            "logonTime": "2026-01-05T07:30:00.0000000Z", "lastInputTime": "2026-01-05T09:58:00.0000000Z", "idleSeconds": 120,
            "isCurrentSession": false, "isConsole": false },
          { "serverName": "A", "sessionId": 3, "userName": "bob", "domainName": "CONTOSO", "state": "Active",
            "stationName": "RDP-Tcp#1", "clientName": "LAPTOP-7", "clientAddress": "10.0.0.7",
            "logonTime": "2026-01-05T08:00:00.0000003Z", "lastInputTime": "2026-01-05T09:00:00.0000000Z", "idleSeconds": 3600,
            "isCurrentSession": false, "isConsole": false },
          { "serverName": "B", "sessionId": 3, "userName": "bob", "domainName": "FABRIKAM", "state": "Active",
            "stationName": "RDP-Tcp#7", "clientName": "HOME-PC", "clientAddress": "fe80::1",
            "logonTime": "2026-01-05T09:15:00.0000000Z", "lastInputTime": "2026-01-05T09:59:30.0000000Z", "idleSeconds": 30,
            "isCurrentSession": false, "isConsole": false },
          { "serverName": "C", "sessionId": 7, "userName": "Jürgen", "domainName": "CONTOSO", "state": "Disconnected",
            "stationName": "RDP-Tcp#3", "clientName": "", "clientAddress": "",
            "logonTime": "2026-01-04T22:00:00.0000000Z", "lastInputTime": null, "idleSeconds": null,
            "isCurrentSession": false, "isConsole": false },
          { "serverName": "C", "sessionId": 8, "userName": "Łukasz", "domainName": "王", "state": "Active",
            "stationName": "RDP-Tcp#4", "clientName": "", "clientAddress": "",
            "logonTime": "2026-01-05T09:00:00.0000000Z", "lastInputTime": "2026-01-05T09:30:00.0000000Z", "idleSeconds": 1800,
            "isCurrentSession": false, "isConsole": false }
        ]
        """;

    private static readonly string[] ContractFields =
    [
        "serverName", "sessionId", "userName", "domainName", "state", "stationName", "clientName", "clientAddress",
        "logonTime", "lastInputTime", "idleSeconds", "isCurrentSession", "isConsole",
    ];

    [Fact]
    public async Task List_of_three_servers_as_json_carries_every_field_of_the_contract()
    {
        var world = new CliWorld(wine, Scenario);

        var run = await world.RunAsync("list", "--server", "A", "--server", "B", "--server", "C", "--json", "--client");

        CliAssert.ExitCode(0, run);
        Assert.Equal("", run.Error);
        var list = CliAssert.JsonList(run);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ThreeServersJson), list), $"expected\n{ThreeServersJson}\n{run}");
        Assert.All(list, item => Assert.Equal(ContractFields, item!.AsObject().Select(property => property.Key)));

        // Names outside any code page arrive as JSON escapes, so the bytes on stdout are ASCII.
        Assert.All(run.Output, character => Assert.InRange(character, '\0', '\u007f'));
        foreach (var server in new[] { "A", "B", "C" })
        {
            Assert.Equal([$"WTSOpenServerExW server={server} -> ok"], run.CallsTo("WTSOpenServerExW").Where(call => call.Contains($"={server} ", StringComparison.Ordinal)));
            Assert.Single(run.CallsTo("WTSEnumerateSessionsExW"), call => call.Contains($"server={server} ", StringComparison.Ordinal));
            Assert.Single(run.CallsTo("WTSCloseServer"), call => call == $"WTSCloseServer server={server}");
        }

        Assert.DoesNotContain(run.Calls, call => call.StartsWith("WTSSIM_ERROR", StringComparison.Ordinal));
        Assert.Contains("WTSSIM_EXIT outstanding=0", run.Calls);
    }

    [Fact]
    public async Task List_as_a_table_shows_logon_times_in_the_local_zone_and_dashes_for_the_unknown()
    {
        var world = new CliWorld(wine, Scenario);

        // Japan, UTC+9 all year (a POSIX zone, so no zoneinfo files are needed).
        var run = await world.RunAsync(["list", "--server", "A", "--server", "B", "--all", "--client"], WtsApi.StandIn, timeZone: "JST-9");

        CliAssert.ExitCode(0, run);
        Assert.Equal(
            [
                "SERVER     ID  USER           STATE      IDLE       LOGON             CLIENT",
                "A           2  CONTOSO\\alice  Active     2 min      2026-01-05 16:30  PC-1 (10.0.0.5)",
                "A           3  CONTOSO\\bob    Active     1 h 0 min  2026-01-05 17:00  LAPTOP-7 (10.0.0.7)",
                "A       65536  -              Listen     -          -",
                "B           3  FABRIKAM\\bob   Active     30 s       2026-01-05 18:15  HOME-PC (fe80::1)",
                "B           4  -              Connected  -          -",
            ],
            run.OutputLines);
    }

    [Fact]
    public async Task Message_does_not_wait_for_the_box_and_without_a_title_names_the_sender()
    {
        var world = new CliWorld(wine, Scenario);
        const string text = "Rebooting at 18:00 — save your work.\nThank you!";

        var titled = await world.RunAsync("message", "bob", "--server", "A", "--text", text, "--title", "Maintenance");
        var untitled = await world.RunAsync("message", "#2", "--server", "A", "--text", "Hi");

        CliAssert.ExitCode(0, titled);
        Assert.Equal(["The message was sent to CONTOSO\\bob (session 3 on A)."], titled.OutputLines);
        Assert.Equal(
            ["WTSSendMessageW server=A id=3 style=0x50040 timeout=0 wait=0 titlebytes=22 textbytes=94 title=\"Maintenance\" text=\"Rebooting at 18:00 — save your work.\\nThank you!\" -> ok reply=32001"],
            titled.CallsTo("WTSSendMessageW")); // MB_OK | MB_ICONINFORMATION; 32001 is IDASYNC
        CliAssert.ExitCode(0, untitled);
        // Without a title the box says who sent it: "Message from DOMAIN\user" (the log doubles the backslash).
        Assert.Matches(@"^WTSSendMessageW server=A id=2 style=0x50040 timeout=0 wait=0 .* title=""Message from [^""\\]+\\\\[^""\\]+"" text=""Hi"" -> ok reply=32001$", Assert.Single(untitled.CallsTo("WTSSendMessageW")));
        Assert.Empty(titled.CallsTo("WTSLogoffSession"));
        Assert.Equal(["Done", "Done"], world.AuditLines().Select(line => line.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_text_that_looks_like_a_help_option_is_sent_and_help_with_a_value_is_refused()
    {
        var world = new CliWorld(wine, Scenario);

        var sent = await world.RunAsync("message", "bob", "--server", "A", "--text", "-h: hi", "--title", "/?:x");
        var refused = await world.RunAsync("message", "bob", "--server", "-h:x", "--text", "hi");

        CliAssert.ExitCode(0, sent);
        Assert.DoesNotContain("Usage:", sent.Output, StringComparison.Ordinal);
        Assert.Matches(@"title=""/\?:x"" text=""-h: hi"" -> ok", Assert.Single(sent.CallsTo("WTSSendMessageW")));
        CliAssert.ExitCode(1, refused);
        Assert.Empty(refused.CallsTo("WTSSendMessageW"));
        Assert.Equal("", refused.Output);
    }
}
