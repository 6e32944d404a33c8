namespace SessionKiller.Wts.Tests.Wine;

/// <summary>
/// The real backend, built for win-x64 and run under Wine, against the stand-in wtsapi32.dll: every
/// native call, structure and free of SessionKiller.Wts crosses a real DLL boundary here.
/// </summary>
[Collection(WineCollection.Name)]
public sealed class BackendUnderWineTests(WineFixture wine)
{
    private const string Scenario = """
        # Two servers: this computer (Wine puts this process in session 1) and RDS01.
        clock now=2026-01-05T10:00:00Z
        session server=localhost id=0 station=Services state=disconnected
        session server=localhost id=1 user=me domain=WINE station=Console logon=2026-01-05T07:00:00Z lastinput=2026-01-05T09:59:00Z lock=unlocked
        session server=RDS01 id=3 user=bob domain=CONTOSO station=RDP-Tcp#1 client=LAPTOP-7 addr=10.0.0.7 logon=2026-01-05T08:00:00Z lastinput=2026-01-05T09:00:00Z lock=locked
        session server=RDS01 id=4 user=averyveryverylongusername42 domain=AVERYLONGDOMAINNAME state=disconnected station=RDP-Tcp#2 addr=fe80::1 logon=2026-01-05T08:30:00Z
        session server=RDS01 id=65536 station=RDP-Tcp state=listen
        process server=RDS01 id=3 pid=4242 name=notepad.exe
        process server=RDS01 id=4 pid=5151 name=excel.exe
        process server=RDS01 id=3 pid=4343 name=explorer.exe
        """;

    private const string Bob =
        "session server=RDS01 id=3 user=bob domain=CONTOSO state=Active station=RDP-Tcp#1 client=LAPTOP-7 addr=10.0.0.7 "
        + "logon=2026-01-05T08:00:00.0000000Z lastinput=2026-01-05T09:00:00.0000000Z idle=3600 lock=Locked current=False console=False";

    private const string LongNames =
        "session server=RDS01 id=4 user=averyveryverylongusername42 domain=AVERYLONGDOMAINNAME state=Disconnected station=RDP-Tcp#2 client= addr=fe80::1 "
        + "logon=2026-01-05T08:30:00.0000000Z lastinput= idle= lock=Unknown current=False console=False";

    private const string Listener =
        "session server=RDS01 id=65536 user= domain= state=Listen station=RDP-Tcp client= addr= logon= lastinput= idle= lock=Unknown current=False console=False";

    [Fact]
    public async Task Lists_a_remote_server_with_what_every_structure_carries()
    {
        var run = await wine.RunProbeAsync(Scenario, "list", "RDS01");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Bob, LongNames, Listener], run.OutputLines);
        Assert.Single(run.CallsTo("WTSOpenServerExW"));
        Assert.Equal(["WTSEnumerateSessionsExW server=RDS01 level=1 filter=0 -> ok count=3"], run.CallsTo("WTSEnumerateSessionsExW"));
        Assert.Equal(["WTSFreeMemoryExW type=2 count=3 -> ok"], run.CallsTo("WTSFreeMemoryExW"));
        Assert.Single(run.CallsTo("WTSCloseServer"));
    }

    [Fact]
    public async Task Frees_every_buffer_it_is_given_and_the_way_the_api_asks()
    {
        var run = await wine.RunProbeAsync(Scenario, "list", "RDS01", "localhost", ";", "processes", "RDS01", "3");

        var queries = run.CallsTo("WTSQuerySessionInformationW").Count(line => line.Contains("-> ok", StringComparison.Ordinal));
        Assert.Equal(queries + 1, run.CallsTo("WTSFreeMemory").Count(line => line.EndsWith("-> ok", StringComparison.Ordinal))); // + the process list
        Assert.DoesNotContain(run.Calls, line => line.StartsWith("WTSSIM_ERROR", StringComparison.Ordinal));
        Assert.Contains("WTSSIM_EXIT outstanding=0", run.Calls);
    }

    [Fact]
    public async Task Marks_this_process_session_and_the_console_on_this_computer_without_opening_it()
    {
        var run = await wine.RunProbeAsync(Scenario, "list", "localhost");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.OutputLines.Count);
        Assert.EndsWith("current=False console=False", run.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("session server=localhost id=1 user=me domain=WINE state=Active station=Console", run.OutputLines[1], StringComparison.Ordinal);
        Assert.EndsWith("idle=60 lock=Unlocked current=True console=True", run.OutputLines[1], StringComparison.Ordinal);
        Assert.Empty(run.CallsTo("WTSOpenServerExW"));
        Assert.Empty(run.CallsTo("WTSCloseServer"));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unavailable()
    {
        var run = await wine.RunProbeAsync(Scenario, "list", "RDS09");

        Assert.Equal(["failure server=RDS09 kind=ServerUnavailable code=1722 text=RPC server unavailable."], run.OutputLines);
    }

    [Fact]
    public async Task A_session_that_ends_while_the_server_is_read_is_left_out()
    {
        var run = await wine.RunProbeAsync(Scenario + "\nfail server=RDS01 op=query id=4 class=25 error=7022", "list", "RDS01");

        Assert.Equal([Bob, Listener], run.OutputLines);
    }

    [Fact]
    public async Task A_session_whose_client_cannot_be_read_is_still_listed()
    {
        var run = await wine.RunProbeAsync(Scenario + "\nfail server=RDS01 op=query id=3 class=14 error=5", "list", "RDS01");

        Assert.Equal(Bob.Replace("addr=10.0.0.7", "addr=", StringComparison.Ordinal), run.OutputLines[0]);
    }

    [Fact]
    public async Task Logging_off_ends_the_session_and_passes_the_wait_flag()
    {
        var run = await wine.RunProbeAsync(Scenario, "logoff", "RDS01", "3", "wait", ";", "logoff", "RDS01", "4", "nowait", ";", "list", "RDS01");

        Assert.Equal(["ok", "ok", Listener], run.OutputLines);
        Assert.Equal(
            ["WTSLogoffSession server=RDS01 id=3 wait=1 -> ok", "WTSLogoffSession server=RDS01 id=4 wait=0 -> ok"],
            run.CallsTo("WTSLogoffSession"));
    }

    [Fact]
    public async Task Disconnecting_leaves_the_session_disconnected()
    {
        var run = await wine.RunProbeAsync(Scenario, "disconnect", "RDS01", "3", "nowait", ";", "list", "RDS01");

        Assert.Equal("ok", run.OutputLines[0]);
        Assert.Contains("user=bob domain=CONTOSO state=Disconnected", run.OutputLines[1], StringComparison.Ordinal);
        Assert.Equal(["WTSDisconnectSession server=RDS01 id=3 wait=0 -> ok"], run.CallsTo("WTSDisconnectSession"));
    }

    [Theory]
    [InlineData("logoff", "5", "AccessDenied")]
    [InlineData("logoff", "1726", "ServerUnavailable")]
    [InlineData("disconnect", "5", "AccessDenied")]
    [InlineData("disconnect", "1460", "TimedOut")]
    public async Task A_refused_action_comes_back_as_its_failure_kind_and_changes_nothing(string action, string error, string kind)
    {
        var run = await wine.RunProbeAsync(Scenario + $"\nfail server=RDS01 op={action} error={error}", action, "RDS01", "3", "wait", ";", "list", "RDS01");

        Assert.StartsWith($"failure kind={kind} code={error} text=", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(Bob, run.OutputLines[1]);
    }

    [Fact]
    public async Task Logging_off_a_session_that_is_gone_says_so()
    {
        var run = await wine.RunProbeAsync(Scenario, "logoff", "RDS01", "9", "wait");

        Assert.StartsWith("failure kind=SessionGone code=7022", run.OutputLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", "Yes")]
    [InlineData("no", "No")]
    [InlineData("timeout", "Timeout")]
    public async Task A_question_waits_for_the_answer_given_in_the_session(string reply, string answer)
    {
        var run = await wine.RunProbeAsync(
            Scenario + $"\nanswer server=RDS01 id=3 reply={reply}",
            "message", "RDS01", "3", "yesno", "60", "wait", "Sign out?", "May I sign you out, bob? Unsaved work is lost.");

        Assert.Equal([$"answer={answer}"], run.OutputLines);
        var call = Assert.Single(run.CallsTo("WTSSendMessageW"));
        Assert.Contains(
            "style=0x50024 timeout=60 wait=1 titlebytes=18 textbytes=92 title=\"Sign out?\" text=\"May I sign you out, bob? Unsaved work is lost.\"",
            call,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_message_is_an_ok_box_and_not_waiting_for_it_says_so()
    {
        var run = await wine.RunProbeAsync(
            Scenario,
            "message", "RDS01", "3", "ok", "0", "wait", "Maintenance", "Rebooting at 18:00 — ünïcödé",
            ";", "message", "RDS01", "3", "ok", "0", "nowait", "Maintenance", "Again");

        Assert.Equal(["answer=Ok", "answer=NotWaited"], run.OutputLines);
        Assert.Contains("style=0x50040 timeout=0 wait=1 titlebytes=22 textbytes=56 title=\"Maintenance\" text=\"Rebooting at 18:00 — ünïcödé\"", run.CallsTo("WTSSendMessageW")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_to_a_session_that_is_gone_fails()
    {
        var run = await wine.RunProbeAsync(Scenario, "message", "RDS01", "9", "yesno", "60", "wait", "t", "x");

        Assert.StartsWith("failure kind=SessionGone code=7022", run.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_the_processes_of_one_session()
    {
        var run = await wine.RunProbeAsync(Scenario, "processes", "RDS01", "3");

        Assert.Equal(["process pid=4242 name=notepad.exe", "process pid=4343 name=explorer.exe"], run.OutputLines);
    }

    [Fact]
    public async Task The_id_read_twice_in_one_process_can_belong_to_someone_else_the_second_time()
    {
        var run = await wine.RunProbeAsync(
            Scenario + "\nswap server=RDS01 id=3 after=1 user=eve domain=FABRIKAM logon=2026-01-05T09:45:00Z",
            "list", "RDS01", ";", "list", "RDS01");

        Assert.Equal(Bob, run.OutputLines[0]);
        Assert.StartsWith("session server=RDS01 id=3 user=eve domain=FABRIKAM state=Active station=RDP-Tcp#1 client=LAPTOP-7 addr=10.0.0.7 logon=2026-01-05T09:45:00.0000000Z", run.OutputLines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_ex_functions_it_opens_and_enumerates_the_older_way()
    {
        // Such a system knows no WTSSessionInfoEx either: WTSSessionInfo answers, without the lock state.
        var run = await wine.RunAsync(WineApp.Probe, Scenario + "\nfail server=RDS01 op=query class=25 error=87", ["list", "RDS01"], WtsApi.StandInWithoutExFunctions);

        // WTSINFOW holds 21 characters of a user name and 17 of a domain, with no room left for a NUL.
        Assert.Equal(
            [
                Bob.Replace("lock=Locked", "lock=Unknown", StringComparison.Ordinal),
                LongNames.Replace("user=averyveryverylongusername42 domain=AVERYLONGDOMAINNAME", "user=averyveryverylonguser domain=AVERYLONGDOMAINNA", StringComparison.Ordinal),
                Listener,
            ],
            run.OutputLines);
        Assert.Single(run.CallsTo("WTSOpenServerW"));
        Assert.Single(run.CallsTo("WTSEnumerateSessionsW"));
        Assert.Empty(run.CallsTo("WTSOpenServerExW"));
    }

    [Fact]
    public async Task Ex_functions_that_are_only_stubs_fall_back_to_the_older_ones()
    {
        var run = await wine.RunProbeAsync(Scenario + "\nfail server=RDS01 op=open-ex error=120\nfail server=RDS01 op=enumerate-ex error=120", "list", "RDS01");

        Assert.Equal(3, run.OutputLines.Count);
        Assert.Equal(
            ["WTSOpenServerExW server=RDS01 -> error=120", "WTSOpenServerW server=RDS01 -> ok"],
            run.Calls.Where(line => line.StartsWith("WTSOpenServer", StringComparison.Ordinal)));
        Assert.Single(run.CallsTo("WTSEnumerateSessionsW"));
    }

    [Fact]
    public async Task Against_wines_own_wtsapi32_this_computer_has_no_sessions_and_remote_servers_are_not_supported()
    {
        var run = await wine.RunAsync(WineApp.Probe, Scenario, ["list", "localhost", ";", "list", "RDS01"], WtsApi.WineBuiltIn);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["failure server=RDS01 kind=NotSupported code=120 text=Call not implemented."], run.OutputLines);
        Assert.Empty(run.Calls);
    }

    [Fact]
    public async Task A_caller_stops_waiting_for_a_server_that_hangs()
    {
        var run = await wine.RunAsync(WineApp.Probe, Scenario + "\nhang server=RDS01 ms=60000", ["list-within", "1500", "RDS01"], timeout: TimeSpan.FromSeconds(45));

        Assert.False(run.Process.TimedOut, run.ToString());
        var line = Assert.Single(run.OutputLines);
        Assert.StartsWith("cancelled after=", line, StringComparison.Ordinal);
        Assert.InRange(int.Parse(line["cancelled after=".Length..], System.Globalization.CultureInfo.InvariantCulture), 1400, 10000);
        Assert.Contains("WTSSIM_HANG server=RDS01 ms=60000", run.Calls);
    }

    [Fact]
    public async Task A_scenario_the_stand_in_cannot_read_fails_every_call_loudly()
    {
        var run = await wine.RunProbeAsync(Scenario + "\nsession server=RDS01 id=5 colour=blue", "list", "RDS01");

        Assert.StartsWith("failure server=RDS01 kind=Failed code=13", run.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("WTSSIM_ERROR scenario line 11 is not understood", run.Calls);
    }
}
