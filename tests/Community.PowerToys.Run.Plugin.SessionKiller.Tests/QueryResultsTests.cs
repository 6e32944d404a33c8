using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using NSubstitute;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class QueryResultsTests : IDisposable
{
    private readonly PluginHarness plugin = new();

    public void Dispose() => plugin.Dispose();

    [Fact]
    public async Task A_name_lists_that_users_sessions_with_state_idle_and_where()
    {
        plugin.Serve("RDS01",
            TestSessions.User("bob", id: 3, state: SessionState.Disconnected, idle: TimeSpan.FromMinutes(134), client: "LAPTOP-7"),
            TestSessions.User("alice", id: 4));
        await plugin.StartAsync("RDS01");

        var result = plugin.Only("bob");

        Assert.Equal("bob \u2014 Disconnected, idle 2 h 14 min", result.Title);
        Assert.Equal(@"CONTOSO\bob · session 3 on RDS01 · from LAPTOP-7 · signed in 08:00", result.SubTitle);
    }

    [Fact]
    public async Task Names_from_the_server_show_on_one_line_without_bidirectional_controls()
    {
        plugin.Serve("RDS01", TestSessions.User("bob\u202Egnp.exe", id: 3, client: "LAPTOP-7\nSigned in: 07:00", station: "RDP\u2066#1"));
        await plugin.StartAsync("RDS01");

        var result = plugin.Only("bob");

        Assert.Equal("bob?gnp.exe \u2014 Active, active now", result.Title);
        Assert.Equal(@"CONTOSO\bob?gnp.exe · session 3 on RDS01 · from LAPTOP-7 Signed in: 07:00 · signed in 08:00", result.SubTitle);
        Assert.Equal(@"CONTOSO\bob?gnp.exe", result.ToolTipData.Title);
        Assert.Contains("Client: LAPTOP-7 Signed in: 07:00 (10.0.0.7)", result.ToolTipData.Text, StringComparison.Ordinal);
        Assert.Contains("Station: RDP?#1", result.ToolTipData.Text, StringComparison.Ordinal);
        Assert.Single(result.ToolTipData.Text.Split('\n'), line => line.StartsWith("Signed in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_title_highlights_the_matched_characters_of_the_user_name()
    {
        plugin.Serve("RDS01", TestSessions.User("robert", id: 3));
        await plugin.StartAsync("RDS01");

        var result = plugin.Only("rob");

        Assert.Equal([0, 1, 2], result.TitleHighlightData);
        Assert.StartsWith("robert", result.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tooltip_holds_every_field()
    {
        var session = TestSessions.User("bob", id: 7, idle: TimeSpan.FromSeconds(12), client: "LAPTOP-7", station: "RDP-Tcp#4", console: true)
            with { Lock = LockState.Locked };
        plugin.Serve("RDS01", session);
        await plugin.StartAsync("RDS01");

        var tooltip = plugin.Only("bob").ToolTipData;

        Assert.Equal(@"CONTOSO\bob", tooltip.Title);
        Assert.Equal(
            """
            Session: 7
            Server: RDS01
            State: Active, locked
            Idle: 12 s
            Last input: 11:59
            Signed in: 08:00
            Client: LAPTOP-7 (10.0.0.7)
            Station: RDP-Tcp#4
            Console session
            """.ReplaceLineEndings(),
            tooltip.Text);
    }

    [Fact]
    public async Task The_keyword_alone_lists_everyone_most_idle_first_and_the_callers_own_session_last_and_marked()
    {
        plugin.Serve("RDS01",
            TestSessions.User("ann", id: 2, idle: TimeSpan.FromMinutes(5)),
            TestSessions.User("me", id: 5, current: true),
            TestSessions.User("bob", id: 3, idle: TimeSpan.FromHours(3)),
            TestSessions.User("cid", id: 4, idle: TimeSpan.FromMinutes(40)));
        await plugin.StartAsync("RDS01");

        var titles = plugin.Query().Select(result => result.Title).ToList();

        Assert.Equal(
            ["bob \u2014 Active, idle 3 h 0 min", "cid \u2014 Active, idle 40 min", "ann \u2014 Active, idle 5 min", "me (you) \u2014 Active, active now"],
            titles);
    }

    [Fact]
    public async Task Scores_keep_Cores_order()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3, idle: TimeSpan.FromHours(1)), TestSessions.User("bobby", id: 4));
        await plugin.StartAsync("RDS01");

        var results = plugin.Query("bob");

        Assert.Equal(["bob", "bobby"], results.Select(result => ((SessionInfo)result.ContextData).UserName));
        Assert.True(results[0].Score > results[1].Score);
    }

    [Fact]
    public async Task The_own_session_is_left_out_when_the_setting_says_so()
    {
        plugin.Serve("RDS01", TestSessions.User("me", id: 5, current: true), TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");

        plugin.Configure(options => options[Settings.SettingsMapper.ShowOwnSession].Value = false);

        Assert.DoesNotContain(plugin.Query(), result => result.Title.Contains("(you)", StringComparison.Ordinal));
        Assert.Single(plugin.Query());
    }

    [Fact]
    public async Task This_computers_sessions_say_this_PC()
    {
        plugin.Serve(ServerNames.Local, TestSessions.User("bob", id: 2, server: ServerNames.Local));
        await plugin.StartAsync();

        Assert.Contains("session 2 on this PC", plugin.Only("bob").SubTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_on_another_day_shows_the_date()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3, logon: new DateTimeOffset(2026, 11, 23, 7, 45, 0, TimeSpan.Zero)));
        await plugin.StartAsync("RDS01");

        Assert.EndsWith("signed in 11/23/2026 07:45", plugin.Only("bob").SubTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_of_several_servers_are_listed_together()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3)).Serve("RDS02", TestSessions.User("bob", id: 9, server: "RDS02"));
        await plugin.StartAsync("RDS01", "RDS02");

        var where = plugin.Query("bob").Select(result => ((SessionInfo)result.ContextData).ServerName).Order().ToList();

        Assert.Equal(["RDS01", "RDS02"], where);
    }

    [Fact]
    public async Task A_server_filter_shows_only_that_servers_sessions()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3)).Serve("RDS02", TestSessions.User("bob", id: 9, server: "RDS02"));
        await plugin.StartAsync("RDS01", "RDS02");

        var result = Assert.Single(plugin.Query("bob@rds02"));

        Assert.Equal("RDS02", ((SessionInfo)result.ContextData).ServerName);
    }

    [Fact]
    public async Task A_query_that_matches_nobody_says_so_and_shows_the_grammar()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");

        var result = Assert.Single(plugin.Query("zed"));

        Assert.Equal("No session matches “zed”", result.Title);
        Assert.Contains("idle:>30m", result.SubTitle, StringComparison.Ordinal);
        Assert.False(result.Action(new ActionContext()));
    }

    [Fact]
    public async Task Nobody_signed_in_says_so()
    {
        await plugin.StartAsync("RDS01");

        Assert.Equal("Nobody is signed in", Assert.Single(plugin.Query()).Title);
    }

    [Fact]
    public async Task A_query_reads_the_snapshot_and_never_the_backend()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");
        plugin.Backend.ClearReceivedCalls();

        foreach (var text in new[] { "", "b", "bo", "bob", "#3", "idle:>1m", "state:disc", "@rds01" })
        {
            plugin.Query(text);
        }

        Assert.Empty(plugin.Backend.ReceivedCalls());
    }

    [Fact]
    public async Task Results_carry_the_session_for_the_context_menu_and_an_icon()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");

        var result = plugin.Only("bob");

        Assert.Equal(3, Assert.IsType<SessionInfo>(result.ContextData).SessionId);
        Assert.Equal("Images/sessionkiller.dark.png", result.IcoPath);
    }

    [Fact]
    public async Task A_delayed_query_reads_the_servers_again_when_the_snapshot_is_older_than_the_refresh_interval()
    {
        var clock = new ManualClock(TestSessions.Now);
        using var stale = new PluginHarness(clock);
        stale.Serve("RDS01", TestSessions.User("bob", id: 3));
        await stale.StartAsync("RDS01");
        var reads = stale.Reads("RDS01");
        stale.Serve("RDS01", TestSessions.User("bob", id: 3), TestSessions.User("bobby", id: 4));

        var fresh = stale.Main.Query(new Query("logoff bob", "logoff"), delayedExecution: true);
        Assert.Equal(reads, stale.Reads("RDS01"));
        Assert.Single(fresh);

        clock.Now += TimeSpan.FromMinutes(5);
        var refreshed = stale.Main.Query(new Query("logoff bob", "logoff"), delayedExecution: true);

        Assert.Equal(reads + 1, stale.Reads("RDS01"));
        Assert.Equal(2, refreshed.Count);
    }
}
