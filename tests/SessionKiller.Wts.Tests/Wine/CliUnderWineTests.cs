using System.Text.Json.Nodes;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// The shipped <c>sessionkiller.exe</c> (win-x64, self-contained, trimmed) under Wine against the stand-in
/// wtsapi32.dll: exit codes, standard output and error, the audit log, and the WTS calls that reached the DLL.
/// </summary>
[Collection(WineCollection.Name)]
public sealed class CliUnderWineTests(WineFixture wine)
{
    /// <summary>bob's logon on A is three ticks after 08:00 (a raw FILETIME), so the JSON must carry it to the tick.</summary>
    internal const string BobsLogon = "2026-01-05T08:00:00.0000003Z";

    internal const string Scenario = """
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

        var run = await world.RunAsync("list", "--server", "A", "--server", "B", "--server", "C", "--json");

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
    public async Task List_all_adds_session_0_listeners_and_sessions_without_a_user()
    {
        var world = new CliWorld(wine, Scenario);

        var all = await world.RunAsync("list", "--server", "localhost", "--server", "A", "--server", "B", "--all", "--json");
        var users = await world.RunAsync("list", "--server", "localhost", "--server", "A", "--server", "B", "--json");

        CliAssert.ExitCode(0, all);
        CliAssert.ExitCode(0, users);
        var listed = CliAssert.JsonList(all);
        Assert.Equal(["localhost/0", "localhost/1", "A/2", "A/3", "A/65536", "B/3", "B/4"], CliAssert.SessionKeys(listed));
        Assert.Equal(["localhost/1", "A/2", "A/3", "B/3"], CliAssert.SessionKeys(CliAssert.JsonList(users)));

        var services = listed[0]!;
        Assert.Equal("", services["userName"]!.GetValue<string>());
        Assert.Equal("Disconnected", services["state"]!.GetValue<string>());
        Assert.Equal("Services", services["stationName"]!.GetValue<string>());
        var mine = listed[1]!;
        Assert.True(mine["isCurrentSession"]!.GetValue<bool>());
        Assert.True(mine["isConsole"]!.GetValue<bool>());
        Assert.Equal(60, mine["idleSeconds"]!.GetValue<long>());
        Assert.Equal("Listen", listed[4]!["state"]!.GetValue<string>());
        Assert.Equal("Connected", listed[6]!["state"]!.GetValue<string>());
        Assert.All(listed.Skip(2), item => Assert.False(item!["isCurrentSession"]!.GetValue<bool>()));

        // This computer is the NULL handle: never opened, never closed.
        Assert.DoesNotContain(all.Calls, call => call.Contains("server=localhost", StringComparison.Ordinal) && call.StartsWith("WTSOpenServer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_as_a_table_shows_logon_times_in_the_local_zone_and_dashes_for_the_unknown()
    {
        var world = new CliWorld(wine, Scenario);

        // Japan, UTC+9 all year (a POSIX zone, so no zoneinfo files are needed).
        var run = await world.RunAsync(["list", "--server", "A", "--server", "B", "--all"], WtsApi.StandIn, timeZone: "JST-9");

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
    public async Task Logoff_by_name_signs_out_that_user_on_that_server_only()
    {
        var world = new CliWorld(wine, Scenario);

        var run = await world.RunAsync("logoff", "bob", "--server", "A", "--yes");
        var after = await world.RunAsync("list", "--server", "A", "--server", "B", "--json");

        CliAssert.ExitCode(0, run);
        Assert.Equal(["CONTOSO\\bob was signed out of session 3 on A."], run.OutputLines);
        Assert.Equal("", run.Error);
        Assert.Equal(["WTSLogoffSession server=A id=3 wait=1 -> ok"], run.CallsTo("WTSLogoffSession"));
        Assert.DoesNotContain(run.Calls, call => call.Contains("server=B", StringComparison.Ordinal));
        var audit = CliAssert.OneAuditLine(world, "LogOff", "Done");
        Assert.Equal("A", audit.GetProperty("server").GetString());
        Assert.Equal(3, audit.GetProperty("sessionId").GetInt32());
        Assert.Equal("CONTOSO\\bob", audit.GetProperty("user").GetString());
        Assert.Equal(DateTimeOffset.Parse(BobsLogon, System.Globalization.CultureInfo.InvariantCulture), audit.GetProperty("logonTime").GetDateTimeOffset());

        // The other bob, on B, is still there; so is alice.
        Assert.Equal(["A/2", "B/3"], CliAssert.SessionKeys(CliAssert.JsonList(after)));
    }

    [Fact]
    public async Task Logoff_with_the_expectations_from_list_json_reads_nothing_itself_and_acts_once()
    {
        var world = new CliWorld(wine, Scenario);
        var list = await world.RunAsync("list", "--server", "A", "--json");
        var bob = CliAssert.JsonList(list).Single(item => item!["sessionId"]!.GetValue<int>() == 3)!;
        var logon = bob["logonTime"]!.GetValue<string>();

        var run = await world.RunAsync(
            "logoff", "#3", "--server", "A", "--yes",
            "--expect-user", $"{bob["domainName"]!.GetValue<string>()}\\{bob["userName"]!.GetValue<string>()}", "--expect-logon", logon);

        Assert.Equal(BobsLogon, logon);
        CliAssert.ExitCode(0, run);
        Assert.Equal(["WTSLogoffSession server=A id=3 wait=1 -> ok"], run.CallsTo("WTSLogoffSession"));
        Assert.Single(run.CallsTo("WTSEnumerateSessionsExW")); // the runner's fresh read; the CLI resolves nothing
        CliAssert.OneAuditLine(world, "LogOff", "Done");
    }

    [Fact]
    public async Task Access_denied_is_exit_5_with_one_sentence_and_the_session_stays()
    {
        var world = new CliWorld(wine, Scenario + "\nfail server=A op=logoff error=5");

        var run = await world.RunAsync("logoff", "bob", "--server", "A", "--yes");
        var after = await world.RunAsync("list", "--server", "A", "--json");

        CliAssert.ExitCode(5, run);
        Assert.Equal("Access denied on A: run as an administrator to act on CONTOSO\\bob.", CliAssert.OneSentenceOnStderr(run));
        Assert.Equal("", run.Output);
        Assert.Equal(["WTSLogoffSession server=A id=3 wait=1 -> error=5"], run.CallsTo("WTSLogoffSession"));
        CliAssert.OneAuditLine(world, "LogOff", "AccessDenied");
        Assert.Equal(["A/2", "A/3"], CliAssert.SessionKeys(CliAssert.JsonList(after)));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_exit_6_for_list_and_for_an_action()
    {
        var world = new CliWorld(wine, Scenario);

        var list = await world.RunAsync("list", "--server", "RDS09", "--json");
        var logoff = await world.RunAsync("logoff", "bob", "--server", "RDS09", "--yes");

        CliAssert.ExitCode(6, list);
        Assert.Equal("RDS09: RPC server unavailable. (error 1722)", CliAssert.OneSentenceOnStderr(list));
        Assert.Empty(CliAssert.JsonList(list));
        CliAssert.ExitCode(6, logoff);
        Assert.Equal("RDS09: RPC server unavailable. (error 1722)", CliAssert.OneSentenceOnStderr(logoff));
        Assert.Empty(logoff.CallsTo("WTSLogoffSession"));
    }

    [Theory]
    [InlineData("yes", "keep", 0, "Done")]
    [InlineData("yes", "logoff", 0, "Done")]
    [InlineData("no", "keep", 4, "Declined")]
    [InlineData("no", "logoff", 4, "Declined")]
    [InlineData(null, "keep", 4, "NoAnswer")]
    [InlineData(null, "logoff", 0, "Done")]
    public async Task Ask_signs_out_on_yes_keeps_on_no_and_follows_the_policy_without_an_answer(string? reply, string policy, int exitCode, string outcome)
    {
        // Without an answer line the stand-in's Yes/No box times out, as a question nobody answers does.
        var world = new CliWorld(wine, Scenario + (reply is null ? "" : $"\nanswer server=A id=3 reply={reply}"));

        var run = await world.RunAsync("ask", "bob", "--server", "A", "--yes", "--timeout", "10", "--on-timeout", policy);

        CliAssert.ExitCode(exitCode, run);
        var question = Assert.Single(run.CallsTo("WTSSendMessageW"));
        Assert.StartsWith("WTSSendMessageW server=A id=3 style=0x50024 timeout=10 wait=1 ", question, StringComparison.Ordinal); // MB_YESNO | MB_ICONQUESTION
        Assert.Contains("title=\"Sign out requested\"", question, StringComparison.Ordinal);
        Assert.Contains("needs to sign you out of this computer, bob.", question, StringComparison.Ordinal);
        Assert.Contains("within 10 seconds", question, StringComparison.Ordinal);
        Assert.EndsWith(reply switch { "yes" => "reply=6", "no" => "reply=7", _ => "reply=32000" }, question, StringComparison.Ordinal);
        var signedOut = exitCode == 0;
        Assert.Equal(signedOut ? ["WTSLogoffSession server=A id=3 wait=1 -> ok"] : [], run.CallsTo("WTSLogoffSession"));
        if (signedOut)
        {
            Assert.StartsWith("CONTOSO\\bob was signed out of session 3 on A", Assert.Single(run.OutputLines), StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("CONTOSO\\bob ", CliAssert.OneSentenceOnStderr(run), StringComparison.Ordinal);
        }

        CliAssert.OneAuditLine(world, "AskFirst", outcome);
    }

    [Fact]
    public async Task Message_shows_the_text_in_an_ok_box_without_waiting()
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
    public async Task Disconnect_leaves_the_session_running_disconnected()
    {
        var world = new CliWorld(wine, Scenario);

        var run = await world.RunAsync("disconnect", "bob", "--server", "A");
        var after = await world.RunAsync("list", "--server", "A", "--json");

        CliAssert.ExitCode(0, run);
        Assert.Equal(["CONTOSO\\bob was disconnected from session 3 on A; the session and its programs keep running."], run.OutputLines);
        Assert.Equal(["WTSDisconnectSession server=A id=3 wait=1 -> ok"], run.CallsTo("WTSDisconnectSession"));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
        CliAssert.OneAuditLine(world, "Disconnect", "Done");
        var bob = CliAssert.JsonList(after).Single(item => item!["sessionId"]!.GetValue<int>() == 3)!;
        Assert.Equal("Disconnected", bob["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Against_wines_own_wtsapi32_this_computer_lists_as_an_empty_array_and_a_server_is_not_supported()
    {
        var world = new CliWorld(wine, Scenario);

        var local = await world.RunAsync(["list", "--json"], WtsApi.WineBuiltIn);
        var remote = await world.RunAsync(["list", "--server", "RDS01"], WtsApi.WineBuiltIn);

        CliAssert.ExitCode(0, local);
        Assert.Empty(CliAssert.JsonList(local));
        Assert.Equal("", local.Error);
        Assert.Empty(local.Calls); // the stand-in was not there to log anything
        CliAssert.ExitCode(8, remote);
        Assert.Equal("RDS01: Call not implemented. (error 120)", CliAssert.OneSentenceOnStderr(remote));
    }
}
