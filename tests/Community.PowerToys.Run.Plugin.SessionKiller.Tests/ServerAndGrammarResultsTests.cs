using Community.PowerToys.Run.Plugin.SessionKiller.Tests.Support;
using SessionKiller.Core.Backend;
using SessionKiller.Core.Catalog;
using SessionKiller.Core.Sessions;
using SessionKiller.Core.Tests.Support;
using Wox.Plugin;

namespace Community.PowerToys.Run.Plugin.SessionKiller.Tests;

[UseCulture]
public sealed class ServerAndGrammarResultsTests : IDisposable
{
    private readonly PluginHarness plugin = new();

    public void Dispose() => plugin.Dispose();

    [Theory]
    [InlineData(300)]
    [InlineData(1024 * 1024)]
    public async Task A_query_beyond_the_length_cap_gets_one_clear_result_and_no_sessions(int length)
    {
        plugin.Serve("localhost", TestSessions.User("bob", id: 3, server: "localhost"));
        await plugin.StartAsync();

        var results = plugin.Query(new string('b', length));

        var only = Assert.Single(results);
        Assert.StartsWith("The query is too long", only.Title, StringComparison.Ordinal);
        Assert.False(only.Action!(new Wox.Plugin.ActionContext()));
    }

    [Fact]
    public async Task A_server_that_fails_after_a_good_read_shows_the_reason_and_the_age_of_the_sessions_shown()
    {
        var clock = new ManualClock(TestSessions.Now);
        using var failing = new PluginHarness(clock);
        failing.Serve("RDS01", TestSessions.User("bob", id: 3));
        await failing.StartAsync("RDS01");
        clock.Now += TimeSpan.FromMinutes(12);
        failing.Fail("RDS01", BackendFailure.ServerUnavailable(1722, "The RPC server is unavailable."));
        await failing.Main.Catalog.RefreshAsync();

        var results = failing.Query("bob");

        Assert.Contains(results, result => result.ContextData is SessionInfo { UserName: "bob" });
        var failure = Assert.Single(results, result => result.ContextData is ServerSnapshot);
        Assert.Equal("RDS01: cannot be reached", failure.Title);
        Assert.Equal("The RPC server is unavailable. · showing sessions read 12 min ago · Enter tries again", failure.SubTitle);
        Assert.Contains("error 1722", failure.ToolTipData.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_never_read_says_that_nothing_was_read()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3)).Fail("RDS02", BackendFailure.AccessDenied());
        await plugin.StartAsync("RDS01", "RDS02");

        var failure = Assert.Single(plugin.Query(), result => result.ContextData is ServerSnapshot);

        Assert.Equal("RDS02: access denied", failure.Title);
        Assert.Contains("no sessions read yet", failure.SubTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_filter_hides_the_failures_of_other_servers()
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3)).Fail("RDS02", BackendFailure.AccessDenied());
        await plugin.StartAsync("RDS01", "RDS02");

        Assert.DoesNotContain(plugin.Query("@rds01"), result => result.ContextData is ServerSnapshot);
        Assert.Contains(plugin.Query("@rds02"), result => result.ContextData is ServerSnapshot);
    }

    [Fact]
    public async Task Enter_on_a_failed_server_reads_it_again_and_keeps_Run_open()
    {
        plugin.Fail("RDS02", BackendFailure.TimedOut(TimeSpan.FromSeconds(5)));
        await plugin.StartAsync("RDS02");
        var reads = plugin.Reads("RDS02");
        var failure = Assert.Single(plugin.Query(), result => result.ContextData is ServerSnapshot);
        Assert.Equal("RDS02: did not answer in time", failure.Title);

        Assert.False(failure.Action(new ActionContext()));
        await plugin.WaitForReadsAsync("RDS02", reads + 1);
    }

    [Fact]
    public void Before_the_first_read_the_servers_show_as_being_read()
    {
        plugin.Configure(options => options[Settings.SettingsMapper.Servers].TextValue = "RDS01");

        var result = Assert.Single(plugin.Query());

        Assert.Equal("Reading sessions on RDS01…", result.Title);
    }

    [Theory]
    [InlineData("idle:soon", "“idle:soon” is not an idle time: write idle:>30m or idle:<2h")]
    [InlineData("state:sleepy", "“state:sleepy” is not a session state: active, disconnected, idle, …")]
    [InlineData("#x", "“#x” is not a session number: write #3")]
    [InlineData("colour:red", "Unknown filter “colour:red”: idle: and state: are known")]
    [InlineData("\"ann", "A quote is not closed: \"ann")]
    [InlineData("bob@", "“bob@” names no server: write @server")]
    public async Task A_malformed_query_returns_the_grammar_help(string search, string title)
    {
        plugin.Serve("RDS01", TestSessions.User("bob", id: 3));
        await plugin.StartAsync("RDS01");

        var result = Assert.Single(plugin.Query(search));

        Assert.Equal(title, result.Title);
        Assert.Equal("Type a name, \"quoted name\", #id, @server, idle:>30m, idle:<2h, state:disc", result.SubTitle);
        Assert.Contains("#3: session 3", result.ToolTipData.Text, StringComparison.Ordinal);
        Assert.False(result.Action(new ActionContext()));
    }

    [Fact]
    public async Task A_query_too_long_says_so()
    {
        await plugin.StartAsync("RDS01");

        Assert.Equal("The query is too long", Assert.Single(plugin.Query(new string('a', 300))).Title);
    }

    [Fact]
    public async Task Information_results_have_no_context_menu()
    {
        plugin.Fail("RDS02", BackendFailure.AccessDenied());
        await plugin.StartAsync("RDS02");

        foreach (var result in plugin.Query().Concat(plugin.Query("idle:soon")))
        {
            Assert.Empty(plugin.Main.LoadContextMenus(result));
        }
    }
}
