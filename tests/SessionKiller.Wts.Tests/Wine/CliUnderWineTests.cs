using System.Text.Json;

namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// The shipped <c>sessionkiller.exe</c> (win-x64, self-contained, single file, trimmed) under Wine, with
/// the stand-in wtsapi32: the whole path from the command line through Core's runner and the Windows
/// backend to the native calls, and the exit codes scripts read.
/// </summary>
[Collection(WineCollection.Name)]
public sealed class CliUnderWineTests(WineFixture wine)
{
    private const string BobLogon = "2026-01-05T08:00:00.0000000Z";

    private const string Scenario = """
        # Three servers. Wine puts this process in session 1 of this computer.
        clock now=2026-01-05T10:00:00Z
        session server=localhost id=0 station=Services state=disconnected
        session server=localhost id=1 user=me domain=WINE station=Console logon=2026-01-05T07:00:00Z lastinput=2026-01-05T09:59:00Z lock=unlocked
        session server=RDS01 id=3 user=bob domain=CONTOSO station=RDP-Tcp#1 client=LAPTOP-7 addr=10.0.0.7 logon=2026-01-05T08:00:00Z lastinput=2026-01-05T09:00:00Z lock=locked
        session server=RDS01 id=4 user=carol domain=CONTOSO station=RDP-Tcp#2 state=disconnected logon=2026-01-05T06:00:00Z
        session server=RDS01 id=65536 station=RDP-Tcp state=listen
        session server=RDS02 id=2 user=dave domain=CONTOSO station=RDP-Tcp#5 logon=2026-01-05T09:00:00Z lastinput=2026-01-05T09:30:00Z
        session server=RDS02 id=5 user=bob domain=FABRIKAM station=RDP-Tcp#6 logon=2026-01-05T09:10:00Z
        session server=RDS02 id=6 user=bob domain=CONTOSO station=RDP-Tcp#7 logon=2026-01-05T09:20:00Z
        process server=RDS01 id=3 pid=4242 name=notepad.exe
        """;

    [Fact]
    public async Task List_reads_three_servers_and_prints_one_json_array_in_the_order_given()
    {
        var run = await wine.RunCliAsync(Scenario, "list", "--server", "localhost", "--server", "RDS01", "--server", "RDS02", "--json", "--client");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var sessions = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(
            ["localhost#1 WINE\\me", "RDS01#3 CONTOSO\\bob", "RDS01#4 CONTOSO\\carol", "RDS02#2 CONTOSO\\dave", "RDS02#5 FABRIKAM\\bob", "RDS02#6 CONTOSO\\bob"],
            sessions.Select(s => $"{s.GetProperty("serverName").GetString()}#{s.GetProperty("sessionId").GetInt32()} {s.GetProperty("domainName").GetString()}\\{s.GetProperty("userName").GetString()}"));

        var bob = sessions[1];
        Assert.Equal("Active", bob.GetProperty("state").GetString());
        Assert.Equal("RDP-Tcp#1", bob.GetProperty("stationName").GetString());
        Assert.Equal("LAPTOP-7", bob.GetProperty("clientName").GetString());
        Assert.Equal("10.0.0.7", bob.GetProperty("clientAddress").GetString());
        Assert.Equal(BobLogon, bob.GetProperty("logonTime").GetString());
        Assert.Equal("2026-01-05T09:00:00.0000000Z", bob.GetProperty("lastInputTime").GetString());
        Assert.Equal(3600, bob.GetProperty("idleSeconds").GetInt64());
        Assert.False(bob.GetProperty("isCurrentSession").GetBoolean());

        var me = sessions[0];
        Assert.True(me.GetProperty("isCurrentSession").GetBoolean());
        Assert.True(me.GetProperty("isConsole").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sessions[2].GetProperty("lastInputTime").ValueKind);
    }

    [Fact]
    public async Task List_all_shows_the_services_session_and_the_listener_too()
    {
        var run = await wine.RunCliAsync(Scenario, "list", "--server", "localhost", "--server", "RDS01", "--json", "--all");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(
            [0, 1, 3, 4, 65536],
            json.RootElement.EnumerateArray().Select(s => s.GetProperty("sessionId").GetInt32()));
    }

    [Fact]
    public async Task A_wtsapi32_planted_beside_the_exe_is_never_loaded()
    {
        var marker = Path.Combine(wine.WorkDirectory, $"decoy-{Guid.NewGuid():N}.loaded");

        var run = await wine.RunAsync(
            WineApp.Cli,
            Scenario,
            ["list", "--server", "RDS01", "--json"],
            WtsApi.StandInWithADecoyBesideTheExe,
            environment: new Dictionary<string, string> { ["WTSSIM_DECOY_MARKER"] = WineFixture.WindowsPath(marker) });

        Assert.False(File.Exists(marker), "sessionkiller.exe loaded the wtsapi32.dll planted beside it");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.CallsTo("WTSEnumerateSessionsExW"));
    }

    [Fact]
    public async Task The_planted_decoy_marks_that_it_was_loaded_when_a_program_does_load_it()
    {
        // Keeps the test above honest: the decoy it plants would show if it were loaded.
        var marker = Path.Combine(wine.WorkDirectory, $"decoy-{Guid.NewGuid():N}.loaded");

        await wine.RunAsync(
            WineApp.Probe,
            Scenario,
            ["list", "RDS01"],
            WtsApi.StandInWithADecoyBesideTheExe,
            environment: new Dictionary<string, string>
            {
                ["WTSSIM_DECOY_MARKER"] = WineFixture.WindowsPath(marker),
                ["WTSPROBE_WTSAPI32"] = WineFixture.WindowsPath(Path.Combine(wine.WorkDirectory, "standin", "decoy", "wtsapi32.dll")),
            });

        Assert.True(File.Exists(marker));
    }

    [Fact]
    public async Task List_against_wines_own_wtsapi32_is_an_empty_json_array()
    {
        var run = await wine.RunAsync(WineApp.Cli, null, ["list", "--json"], WtsApi.WineBuiltIn);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task List_of_a_remote_server_with_wines_own_wtsapi32_is_not_supported()
    {
        var run = await wine.RunAsync(WineApp.Cli, null, ["list", "--server", "RDS01"], WtsApi.WineBuiltIn);

        Assert.True(run.ExitCode == 8, run.ToString());
        Assert.Contains("RDS01", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_still_lists_the_servers_that_answer_when_one_hangs()
    {
        var run = await wine.RunAsync(
            WineApp.Cli,
            Scenario + "\nhang server=RDS02 ms=120000",
            ["list", "--server", "RDS01", "--server", "RDS02", "--json"],
            timeout: TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0 && !run.Process.TimedOut, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.All(json.RootElement.EnumerateArray(), s => Assert.Equal("RDS01", s.GetProperty("serverName").GetString()));
        Assert.Contains("RDS02", run.Error, StringComparison.Ordinal);
        Assert.InRange(run.Process.Duration, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task List_of_only_unreachable_servers_exits_6()
    {
        var run = await wine.RunCliAsync(Scenario, "list", "--server", "RDS09", "--json");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Equal("[]", run.Output.Trim());
    }

    [Fact]
    public async Task Logoff_by_name_signs_the_user_out_and_audits_it()
    {
        var run = await wine.RunCliAsync(Scenario, "logoff", "bob", "--server", "RDS01", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["WTSLogoffSession server=RDS01 id=3 wait=1 -> ok"], run.CallsTo("WTSLogoffSession"));
        // Elevated (as every Wine process is), it logged machine-wide, not where SESSIONKILLER_AUDIT_LOG pointed.
        Assert.True(File.Exists(wine.MachineAuditLogPath));
        Assert.All(run.Audit, line => Assert.Contains("\"elevated\":true", line, StringComparison.Ordinal));
        Assert.Equal(2, run.Audit.Count);
        Assert.Contains("\"phase\":\"about-to\"", run.Audit[0], StringComparison.Ordinal);
        var audit = run.Audit[1];
        Assert.Contains("\"phase\":\"outcome\"", audit, StringComparison.Ordinal);
        Assert.Contains("bob", audit, StringComparison.Ordinal);
        Assert.Contains("RDS01", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logoff_with_no_wait_does_not_wait_for_the_session_to_end()
    {
        var run = await wine.RunCliAsync(Scenario, "logoff", "bob", "--server", "RDS01", "--yes", "--no-wait");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["WTSLogoffSession server=RDS01 id=3 wait=0 -> ok"], run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_with_the_expected_user_and_logon_acts_on_the_session_listed()
    {
        var run = await wine.RunCliAsync(
            Scenario, "logoff", "#3", "--server", "RDS01", "--yes", "--expect-user", @"CONTOSO\bob", "--expect-logon", BobLogon);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_of_an_id_that_now_belongs_to_someone_else_exits_7_and_signs_nobody_out()
    {
        var reused = Scenario + "\nswap server=RDS01 id=3 after=0 user=eve domain=CONTOSO logon=2026-01-05T09:55:00Z";

        var run = await wine.RunCliAsync(
            reused, "logoff", "#3", "--server", "RDS01", "--yes", "--expect-user", @"CONTOSO\bob", "--expect-logon", BobLogon);

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_of_the_same_user_signed_in_again_exits_7()
    {
        var newLogon = Scenario + "\nswap server=RDS01 id=3 after=0 logon=2026-01-05T09:55:00Z";

        var run = await wine.RunCliAsync(
            newLogon, "logoff", "#3", "--server", "RDS01", "--yes", "--expect-user", @"CONTOSO\bob", "--expect-logon", BobLogon);

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_when_the_id_changes_owner_between_the_lookup_and_the_action_exits_7()
    {
        // The CLI's own read finds bob in session 3; the runner's read just before acting finds eve.
        var reused = Scenario + "\nswap server=RDS01 id=3 after=1 user=eve domain=CONTOSO logon=2026-01-05T09:55:00Z";

        var run = await wine.RunCliAsync(reused, "logoff", "bob", "--server", "RDS01", "--yes");

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Equal(2, run.CallsTo("WTSEnumerateSessionsExW").Count);
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_without_yes_and_without_a_terminal_to_confirm_on_does_nothing()
    {
        var run = await wine.RunCliAsync(Scenario, "logoff", "bob", "--server", "RDS01");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_refused_by_windows_exits_5()
    {
        var run = await wine.RunCliAsync(Scenario + "\nfail server=RDS01 op=logoff error=5", "logoff", "bob", "--server", "RDS01", "--yes");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Single(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_on_a_server_that_does_not_answer_exits_6()
    {
        var run = await wine.RunCliAsync(Scenario, "logoff", "bob", "--server", "RDS09", "--yes");

        Assert.True(run.ExitCode == 6, run.ToString());
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Theory]
    [InlineData("zed", 2)]
    [InlineData("bo", 2)]
    public async Task Logoff_of_a_name_nobody_has_exits_2(string target, int exitCode)
    {
        var run = await wine.RunCliAsync(Scenario, "logoff", target, "--server", "RDS01", "--yes");

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_of_a_name_two_sessions_share_exits_3_and_lists_them()
    {
        var run = await wine.RunCliAsync(Scenario, "logoff", "bob", "--server", "RDS02", "--yes");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("FABRIKAM", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Logoff_of_a_listener_is_refused_with_exit_9()
    {
        var run = await wine.RunCliAsync(Scenario, "logoff", "#65536", "--server", "RDS01", "--yes");

        Assert.True(run.ExitCode == 9, run.ToString());
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Disconnect_disconnects_the_session()
    {
        var run = await wine.RunCliAsync(Scenario, "disconnect", @"CONTOSO\bob", "--server", "RDS01", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["WTSDisconnectSession server=RDS01 id=3 wait=1 -> ok"], run.CallsTo("WTSDisconnectSession"));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Theory]
    [InlineData("yes", "keep", 0, true)]
    [InlineData("yes", "logoff", 0, true)]
    [InlineData("no", "keep", 4, false)]
    [InlineData("no", "logoff", 4, false)]
    [InlineData("timeout", "keep", 4, false)]
    [InlineData("timeout", "logoff", 0, true)]
    public async Task Ask_signs_out_on_yes_and_on_no_answer_only_when_told_to(string reply, string onTimeout, int exitCode, bool signedOut)
    {
        var run = await wine.RunCliAsync(
            Scenario + $"\nanswer server=RDS01 id=3 reply={reply}",
            "ask", "bob", "--server", "RDS01", "--yes", "--timeout", "30", "--on-timeout", onTimeout, "--message", "Please sign out now.");

        Assert.True(run.ExitCode == exitCode, run.ToString());
        var question = Assert.Single(run.CallsTo("WTSSendMessageW"));
        Assert.Contains("style=0x50024 timeout=30 wait=1", question, StringComparison.Ordinal);
        Assert.Contains("text=\"Please sign out now.\"", question, StringComparison.Ordinal);
        Assert.Equal(signedOut ? 1 : 0, run.CallsTo("WTSLogoffSession").Count);
    }

    [Fact]
    public async Task Ask_of_a_disconnected_session_asks_nobody_and_exits_4()
    {
        var run = await wine.RunCliAsync(Scenario, "ask", "carol", "--server", "RDS01", "--yes");

        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Empty(run.CallsTo("WTSSendMessageW"));
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Message_shows_an_ok_box_with_the_title_and_text_given()
    {
        var run = await wine.RunCliAsync(Scenario, "message", "bob", "--server", "RDS01", "--title", "IT", "--text", "Server restarts at 18:00 — please save.");

        Assert.True(run.ExitCode == 0, run.ToString());
        var call = Assert.Single(run.CallsTo("WTSSendMessageW"));
        Assert.Contains("style=0x50040", call, StringComparison.Ordinal);
        Assert.Contains("title=\"IT\" text=\"Server restarts at 18:00 — please save.\"", call, StringComparison.Ordinal);
        Assert.Empty(run.CallsTo("WTSLogoffSession"));
    }
}
