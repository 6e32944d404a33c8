namespace Community.PowerToys.Run.Plugin.SessionKiller.Host.Tests.Wine;

/// <summary>
/// The x64 zip, unzipped, loaded by PowerToysRunHost as a Windows process under Wine (PowerToys' load sequence, the
/// facades as host assemblies) against the stand-in wtsapi32: the plugin's own WTS calls, as PowerToys Run would make them.
/// </summary>
[Collection(WineHostCollection.Name)]
public sealed class WineHostTests(WineHost host)
{
    // Wine puts every process in session 1: that is "you". Session 0 and the listener must never be listed.
    internal const string Scenario = """
        clock now=2026-11-29T12:00:00Z
        session id=0 state=disconnected station=Services
        session id=1 user=me domain=WINE state=active station=Console logon=2026-11-29T08:00:00Z lastinput=2026-11-29T11:59:00Z
        session id=2 user=bob domain=CONTOSO state=disconnected station=RDP-Tcp#1 client=LAPTOP-7 addr=10.0.0.7 logon=2026-11-29T07:00:00Z lastinput=2026-11-29T09:00:00Z
        session id=3 user=alice domain=CONTOSO state=active station=RDP-Tcp#2 logon=2026-11-29T06:00:00Z lastinput=2026-11-29T11:00:00Z
        session id=4 user=bobby domain=CONTOSO state=disconnected station=RDP-Tcp#3 logon=2026-11-29T05:00:00Z lastinput=2026-11-29T05:00:00Z
        session id=5 user=jbob domain=CONTOSO state=active station=RDP-Tcp#4 logon=2026-11-29T05:00:00Z lastinput=2026-11-29T11:30:00Z
        session id=65536 state=listen station=RDP-Tcp
        """;

    [Fact]
    public async Task Logoff_lists_the_stand_ins_users_but_not_session_0_nor_the_listener()
    {
        var run = await host.RunAsync(Scenario, "init", "query:", "delayed:", "dispose");

        Assert.Equal(0, run.Process.ExitCode);
        var titles = run.Titles("delayed");
        Assert.Equal(["alice", "bob", "bobby", "jbob", "me (you)"], titles.Select(title => title.Split(" \u2014 ")[0]).Order(StringComparer.Ordinal));
        Assert.StartsWith("me (you)", titles[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(run.Step("delayed").GetProperty("results").EnumerateArray(), result =>
            result.GetProperty("subTitle").GetString()!.Contains("session 0 ", StringComparison.Ordinal) || result.GetProperty("subTitle").GetString()!.Contains("session 65536", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logoff_bob_ranks_bob_before_bobby_and_bobby_before_jbob()
    {
        var run = await host.RunAsync(Scenario, "init", "delayed:bob", "dispose");

        Assert.Equal(["bob", "bobby", "jbob"], run.Titles("delayed").Select(title => title.Split(" \u2014 ")[0]));
    }

    [Fact]
    public async Task Bobs_context_menu_has_its_five_items_with_their_accelerators()
    {
        var run = await host.RunAsync(Scenario, "init", "delayed:bob", "menu:0", "dispose");

        var items = run.Step("menu").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Delete", "Enter", "D", "M", "C"], items.Select(item => item.GetProperty("key").GetString()));
        Assert.All(items, item => Assert.Equal("Control", item.GetProperty("modifiers").GetString()));
        Assert.StartsWith("Log off", items[0].GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_confirmation_switched_off_Enter_on_bob_signs_out_bobs_session_and_nothing_else()
    {
        var run = await host.RunAsync(Scenario, "init", "settings:ConfirmBeforeLogoff=false", "delayed:bob", "enter:0", "notification:60", "dispose");

        AssertRunHidAndBobAloneWasSignedOut(run);
    }

    /// <summary>Enter hid Run, the notification says bob is out, and his session is the one sign-out (no disconnect either).</summary>
    internal static void AssertRunHidAndBobAloneWasSignedOut(HostRun run)
    {
        Assert.Equal(0, run.Process.ExitCode);
        Assert.True(run.Step("enter").GetProperty("hide").GetBoolean());
        Assert.Contains("bob was signed out of session 2", run.Step("notification").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["WTSLogoffSession server=localhost id=2 wait=1 -> ok"],
            run.Calls.Where(call => call.StartsWith("WTSLogoffSession", StringComparison.Ordinal) || call.StartsWith("WTSDisconnectSession", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_plugin_loads_against_the_hosts_Wox_Plugin_version()
    {
        var run = await host.RunAsync(Scenario, "init", "dispose");

        var load = run.Step("load");
        Assert.Equal("Community.PowerToys.Run.Plugin.SessionKiller.Main", load.GetProperty("type").GetString());
        Assert.Equal("0.0.0.0", load.GetProperty("woxPluginReferenced").GetString());
    }

    [Fact]
    public async Task A_sign_out_Windows_denies_ends_in_a_notification_that_says_so_and_touches_nobody()
    {
        var run = await host.RunAsync(Scenario + "\nfail op=logoff error=5\n", "init", "settings:ConfirmBeforeLogoff=false", "delayed:bob", "enter:0", "notification:60", "dispose");

        Assert.Equal(0, run.Process.ExitCode);
        Assert.Contains("Access denied", run.Step("notification").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["WTSLogoffSession server=localhost id=2 wait=1 -> error=5"], run.Calls.Where(call => call.StartsWith("WTSLogoff", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Calls, call => call.StartsWith("WTSDisconnectSession", StringComparison.Ordinal));
    }
}
